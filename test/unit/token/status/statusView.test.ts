import * as assert from 'node:assert/strict';

import { TokenState } from '../../../../src/token/manager';
import { StatusContext, statusView } from '../../../../src/token/status/statusView';
import { CachedToken } from '../../../../src/token/store';
import { WeChatApiError, WeChatTransportError } from '../../../../src/wechat/apiErrors';
import { MissingCredentialsError } from '../../../../src/wechat/refusals';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const MARGIN = 300_000;
const context: StatusContext = { now: NOW, marginMs: MARGIN, mode: 'stable', accountName: 'Prod' };

function token(remainingMs: number): CachedToken {
  return {
    appId: 'wx0123456789abcdef',
    accessToken: 'T'.repeat(120),
    expiresAt: NOW + remainingMs,
    obtainedAt: NOW + remainingMs - 7_200_000,
    checkedAt: NOW + remainingMs - 7_200_000,
    mode: 'stable',
  };
}

const ready = (remainingMs: number): TokenState => ({ kind: 'ready', appId: 'wx0123456789abcdef', token: token(remainingMs) });

describe('token/status/statusView', () => {
  it('asks for set-up without an AppID', () => {
    const view = statusView({ kind: 'setup' }, context);
    assert.equal(view.kind, 'setup');
    assert.equal(view.text, '$(key) Set up WeChat');
    assert.equal(view.tone, 'normal');
    assert.equal(view.nextChangeInMs, undefined);
  });

  it('treats a failure for lack of a secret as set-up, not as an error', () => {
    const view = statusView({ kind: 'failed', appId: 'wx0123456789abcdef', error: new MissingCredentialsError('appSecret') }, context);
    assert.equal(view.kind, 'setup');
  });

  it('counts down a valid token with minute resolution and no background', () => {
    const view = statusView(ready(112 * 60_000 + 30_000), context);
    assert.equal(view.kind, 'valid');
    assert.equal(view.text, '$(key) 1h 52m');
    assert.equal(view.tone, 'normal');
    assert.equal(view.details.accountName, 'Prod');
    assert.equal(view.nextChangeInMs, 30_001);
  });

  it('wakes up exactly when the token enters the refresh margin', () => {
    const view = statusView(ready(MARGIN + 10_000 + 500), { ...context });
    assert.equal(view.kind, 'valid');
    // Below 10 minutes the text changes every second anyway.
    assert.equal(view.nextChangeInMs, 501);
    const far = statusView(ready(MARGIN + 20 * 60_000 + 7), context);
    assert.ok(far.nextChangeInMs !== undefined && far.nextChangeInMs <= 8);
  });

  it('warns inside the refresh margin, with seconds', () => {
    const view = statusView(ready(4 * 60_000 + 5_000), context);
    assert.equal(view.kind, 'expiring');
    assert.equal(view.text, '$(key) 4m 05s');
    assert.equal(view.tone, 'warning');
  });

  it('shows an expired token in the error colour and stops ticking', () => {
    const view = statusView(ready(-1), context);
    assert.equal(view.kind, 'expired');
    assert.equal(view.text, '$(key) Expired');
    assert.equal(view.tone, 'error');
    assert.equal(view.nextChangeInMs, undefined);
  });

  it('spins while fetching and keeps the countdown of the old token', () => {
    const view = statusView({ kind: 'fetching', appId: 'wx0123456789abcdef', token: token(60_000 * 90) }, context);
    assert.equal(view.text, '$(sync~spin) 1h 30m');
    const cold = statusView({ kind: 'fetching', appId: 'wx0123456789abcdef' }, context);
    assert.equal(cold.text, '$(sync~spin) Fetching token…');
  });

  it('shows a failed refresh in the error colour with the explanation', () => {
    const error = new WeChatApiError(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6f1a', '/cgi-bin/stable_token');
    const view = statusView({ kind: 'failed', appId: 'wx0123456789abcdef', error, token: token(200_000) }, context);
    assert.equal(view.kind, 'failed');
    assert.equal(view.tone, 'error');
    assert.equal(view.text, '$(error) 3m 20s');
    assert.match(view.details.lastError ?? '', /1\.2\.3\.4/);
    const cold = statusView(
      { kind: 'failed', appId: 'wx0123456789abcdef', error: new WeChatTransportError('timeout', '/x', 'slow') },
      context,
    );
    assert.equal(cold.text, '$(error) Token failed');
  });

  it('after a 40164 the details carry its fixes (the tooltip links Copy IP and the IP whitelist); other states carry none', () => {
    const blocked = new WeChatApiError(
      40164,
      'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6f1a',
      '/cgi-bin/stable_token',
    );
    const view = statusView({ kind: 'failed', appId: 'wx0123456789abcdef', error: blocked }, context);
    // The answer carried a rid, so Look Up Request comes last; the tooltip links only the two 40164 fixes.
    assert.deepEqual(view.details.lastErrorActions, ['copyCallerIp', 'openIpWhitelist', 'lookUpRequest']);
    const noIp = new WeChatApiError(40164, 'not in whitelist', '/cgi-bin/stable_token');
    assert.deepEqual(statusView({ kind: 'failed', appId: 'wx0123456789abcdef', error: noIp }, context).details.lastErrorActions, [
      'openIpWhitelist',
    ]);
    const valid = statusView({ kind: 'ready', appId: 'wx0123456789abcdef', token: token(200_000) }, context);
    assert.equal('lastErrorActions' in valid.details, false);
  });

  it('says when no token has been fetched yet', () => {
    const view = statusView({ kind: 'empty', appId: 'wx0123456789abcdef' }, context);
    assert.equal(view.text, '$(key) No token');
  });
});
