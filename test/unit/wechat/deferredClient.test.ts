import * as assert from 'node:assert/strict';

import type { ClientApi } from '../../../src/wechat/deferredClient';
import { DeferredClient } from '../../../src/wechat/deferredClient';
import type { HttpTransport } from '../../../src/wechat/http';

function fakeClient(log: string[]): ClientApi {
  return {
    classicToken: async (credentials) => (log.push(`classic ${credentials.appId}`), { accessToken: 'a', expiresInSeconds: 7200 }),
    stableToken: async (credentials, force) => (
      log.push(`stable ${credentials.appId} ${force}`),
      { accessToken: 's', expiresInSeconds: 7200 }
    ),
    call: (async (target: string | { path: string }) => (
      log.push(`call ${typeof target === 'string' ? target : target.path}`),
      { ok: true }
    )) as ClientApi['call'],
    getTransport: async () => (log.push('transport'), {} as HttpTransport),
    resetTransport: () => log.push('reset'),
  };
}

describe('DeferredClient', () => {
  it('creates the real client on the first request only, once, and forwards every call', async () => {
    const log: string[] = [];
    let created = 0;
    const client = new DeferredClient(() => (created++, fakeClient(log)));
    client.resetTransport();
    assert.equal(created, 0, 'a proxy change before any request loads nothing');
    await client.stableToken({ appId: 'wx1', appSecret: 's' }, false);
    await client.classicToken({ appId: 'wx1', appSecret: 's' });
    await client.call('/cgi-bin/menu/get', { method: 'GET' });
    await client.getTransport();
    client.resetTransport();
    assert.equal(created, 1);
    assert.deepEqual(log, ['stable wx1 false', 'classic wx1', 'call /cgi-bin/menu/get', 'transport', 'reset']);
  });

  it('a client that cannot be loaded rejects the request, and the next request tries again', async () => {
    let attempts = 0;
    const client = new DeferredClient(() => {
      attempts++;
      if (attempts === 1) throw new Error('Cannot find module dist/client.js');
      return fakeClient([]);
    });
    await assert.rejects(client.call('/x'), /Cannot find module/);
    assert.deepEqual(await client.call('/x'), { ok: true });
    assert.equal(attempts, 2);
  });
});
