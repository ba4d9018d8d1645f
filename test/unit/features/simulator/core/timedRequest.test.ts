import * as assert from 'node:assert/strict';

import { timedRequest } from '../../../../../src/features/simulator/core/timedRequest';
import { HttpRequest, HttpResponse, HttpTransport } from '../../../../../src/wechat/http';
import { hardeningCase } from '../../../../hardening/ledger';
import { FakeClock } from '../../../helpers/fakeClock';

const failing = (err: unknown): HttpTransport => ({ request: () => Promise.reject(err) });
const request: Omit<HttpRequest, 'signal'> = { method: 'GET', url: 'http://127.0.0.1:1/x' };

describe('callback/timedRequest', () => {
  it('finds ECONNREFUSED along the cause chain, as undici wraps it', () =>
    hardeningCase('fault', 'callback request: refused behind a wrapper', async () => {
      const wrapped = Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
      const exchange = await timedRequest(failing(wrapped), new FakeClock(), request, 1000);
      assert.deepEqual(exchange, { outcome: 'refused', detail: 'ECONNREFUSED', elapsedMs: 0 });
    }));

  it('names other network failures by their codes, or their message', () =>
    hardeningCase('fault', 'callback request: reset or unknown failure', async () => {
      const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      assert.deepEqual(await timedRequest(failing(reset), new FakeClock(), request, 1000), {
        outcome: 'network',
        detail: 'ECONNRESET',
        elapsedMs: 0,
      });
      assert.deepEqual(await timedRequest(failing(new Error('odd')), new FakeClock(), request, 1000), {
        outcome: 'network',
        detail: 'odd',
        elapsedMs: 0,
      });
      assert.deepEqual(await timedRequest(failing('a string'), new FakeClock(), request, 1000), {
        outcome: 'network',
        detail: 'a string',
        elapsedMs: 0,
      });
    }));

  it('measures the elapsed time and leaves no timer behind', async () => {
    const clock = new FakeClock();
    const transport: HttpTransport = {
      request: async (): Promise<HttpResponse> => {
        clock.advance(1234);
        return { status: 200, contentType: '', body: 'ok' };
      },
    };
    const exchange = await timedRequest(transport, clock, request, 5000);
    assert.equal(exchange.outcome, 'response');
    assert.equal(exchange.elapsedMs, 1234);
    assert.equal(clock.pendingTimers, 0);
  });

  it('an already aborted signal rejects before sending', async () => {
    let sent = 0;
    const transport: HttpTransport = { request: async () => (sent++, { status: 200, contentType: '', body: '' }) };
    await assert.rejects(timedRequest(transport, new FakeClock(), request, 1000, AbortSignal.abort(new Error('gone'))), /gone/);
    assert.equal(sent, 0);
  });
});
