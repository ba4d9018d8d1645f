// Faults a test injects (injectFault): a queue matched by path, and the canned replies of the
// ones that answer instead of the endpoint — WeChat's "system busy", nginx's 500 page and the
// HTML page the platform serves instead of JSON. 'slow' only delays; server.ts waits it out.

import { E } from './rules';
import type { Replies } from './replies';
import type { FakeFault, Reply } from './types';

interface ActiveFault {
  fault: FakeFault;
  remaining: number;
}

export class FaultQueue {
  private readonly faults: ActiveFault[] = [];

  inject(fault: FakeFault): void {
    this.faults.push({ fault: { ...fault }, remaining: fault.times ?? 1 });
  }

  /** The first fault that applies to this path, used up once; the oldest injected wins. */
  take(path: string): FakeFault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i] as ActiveFault;
      if (active.fault.paths && !active.fault.paths.includes(path)) continue;
      active.remaining--;
      if (active.remaining <= 0) this.faults.splice(i, 1);
      return active.fault;
    }
    return undefined;
  }
}

/** The reply a fault gives in place of the endpoint's, or undefined for 'slow' (which only delays). */
export function faultReply(kind: FakeFault['kind'], replies: Replies): Reply | undefined {
  switch (kind) {
    case 'busy':
      return replies.err(E.BUSY);
    case 'http500':
      return {
        status: 500,
        contentType: 'text/html; charset=utf-8',
        body: '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>',
      };
    case 'nonJson':
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>微信公众平台</title></head><body><p>系统繁忙，请稍后再试</p></body></html>',
      };
    case 'slow':
      return undefined;
  }
}
