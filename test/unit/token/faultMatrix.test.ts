// The fault matrix: one TokenManager + RefreshScheduler with the real WeChatClient and
// UndiciTransport against the fake WeChat server on 127.0.0.1, driven through every fault the
// fake can inject and every clock trouble a laptop has. For each: a clear message (what happened,
// what to do; one line, no stack, no secret), the status view in the right state, the last valid
// token kept while it is valid, retries bounded (counted at the fake), recovery once the fault is
// gone, no unhandled rejection, no timer left after dispose. After each case the windows' logs are
// scanned for the AppSecret and for every access token the fake issued during it (also those the
// client rejected, e.g. with a bad expires_in), each in every form (test/hardening/secretForms.ts).
import * as assert from 'node:assert/strict';

import { TokenState } from '../../../src/token/manager';
import { statusView } from '../../../src/token/status/statusView';
import { CachedToken } from '../../../src/token/store';
import { describeError } from '../../../src/wechat/errors';
import type { FakeFault } from '../../fake-wechat/server';
import { hardeningCase } from '../../hardening/ledger';
import { describeFindings, findSecrets, LabelledSecret, scanForSecrets } from '../../hardening/secretForms';
import { APP_ID, APP_SECRET } from '../helpers/fixtures';
import { RIG_MARGIN_S, RigWindow, TokenRig } from '../helpers/tokenRig';

const MARGIN = RIG_MARGIN_S * 1000;
const TOKEN_PATHS = ['/cgi-bin/stable_token', '/cgi-bin/token'];
const MINUTE = 60_000;

interface FaultCase {
  readonly name: string;
  /** Puts the fault in place (until `lift`). */
  readonly inject: (rig: TokenRig) => Promise<void> | void;
  readonly lift?: (rig: TokenRig) => Promise<void> | void;
  /** What the message must say. */
  readonly message: RegExp;
  /** Requests one refresh makes at the fake (the client retries errcode -1 twice). */
  readonly perAttempt?: number;
  /** Passes with time, so the scheduler retries it; false: it needs the user. */
  readonly retried: boolean;
  /** Requests never reach the fake (connection refused): counted as the client sent them. */
  readonly countSent?: boolean;
}

const always =
  (fault: Omit<FakeFault, 'times' | 'paths'>) =>
  (rig: TokenRig): void =>
    rig.fake.injectFault({ ...fault, times: 10_000, paths: TOKEN_PATHS });

const CASES: readonly FaultCase[] = [
  {
    name: 'connection refused (the server stops listening)',
    inject: (rig) => rig.fake.stopListening(),
    lift: (rig) => rig.fake.startListening(),
    countSent: true,
    message: /Could not connect to 127\.0\.0\.1:\d+: the connection was refused \(ECONNREFUSED\)\. Check "wechat\.apiBaseUrl"/,
    retried: true,
  },
  {
    name: 'timeout (never answers)',
    inject: always({ kind: 'hang' }),
    message: /did not answer within the timeout\. Check your network or proxy/,
    retried: true,
  },
  {
    name: 'connection reset mid-body',
    inject: always({ kind: 'reset' }),
    message: /was closed before the answer was complete \(UND_ERR_SOCKET\)\. A proxy or firewall may be cutting it/,
    retried: true,
  },
  { name: 'HTTP 500', inject: always({ kind: 'http500' }), message: /WeChat answered with HTTP 500\. Try again later/, retried: true },
  { name: 'HTTP 502', inject: always({ kind: 'http502' }), message: /WeChat answered with HTTP 502\. Try again later/, retried: true },
  { name: 'HTTP 503', inject: always({ kind: 'http503' }), message: /WeChat answered with HTTP 503\. Try again later/, retried: true },
  {
    name: 'HTML body (HTTP 200)',
    inject: always({ kind: 'nonJson' }),
    message: /not JSON \(HTTP 200\)\. A proxy or gateway may be in the way/,
    retried: true,
  },
  { name: 'JSON cut off (HTTP 200)', inject: always({ kind: 'brokenJson' }), message: /not JSON \(HTTP 200\)/, retried: true },
  // The transport's 1 MB cap: not WeChat's answer, so not retried in the background (it needs the user).
  {
    name: 'oversized body (2 MB)',
    inject: always({ kind: 'oversized' }),
    message: /answered with more than 1024 KB \(at least \d+ bytes\)\. That is not a WeChat answer/,
    retried: false,
  },
  {
    name: 'errcode -1 (busy) every time',
    inject: always({ kind: 'busy' }),
    message: /WeChat is busy\. Try again in a few seconds/,
    perAttempt: 3,
    retried: true,
  },
  {
    name: 'errcode 45009 (daily quota)',
    inject: always({ kind: 'errcode', errcode: 45009 }),
    message: /daily API quota has been reached\. Wait for the daily reset/,
    retried: false,
  },
  {
    name: 'errcode 45011 (too frequent)',
    inject: always({ kind: 'errcode', errcode: 45011 }),
    message: /too frequent\. Wait a minute/,
    retried: true,
  },
  {
    name: 'token answer without access_token',
    inject: always({ kind: 'noToken' }),
    message: /no usable access token \(access_token: missing\)\. Nothing was stored/,
    retried: true,
  },
  ...['0', '-5', '1e400', '"7200"'].map((literal): FaultCase => ({
    name: `expires_in ${literal}`,
    inject: always({ kind: 'expiresIn', expiresIn: literal }),
    message: /no usable access token \(expires_in: .+\)\. Nothing was stored/,
    retried: true,
  })),
];

/**
 * One line saying what happened and what to do; no stack, no huge value, and neither the AppSecret
 * nor any token the fake issued (nor the oversized one) in any form.
 */
function assertClearMessage(rig: TokenRig, text: string, expected: RegExp): void {
  assert.match(text, expected);
  assert.doesNotMatch(text, /\n|\bat .+:\d+:\d+|Error:/, `a stack or raw error: ${text}`);
  assert.match(text, /check|try|wait|raise/i, `no advice: ${text}`);
  assert.ok(text.length < 400, `${text.length} characters`);
  assert.ok(!text.includes('AAAAAAAAAAAAAAAA'), 'the oversized token in the message');
  assert.equal(describeFindings(findSecrets(text, secretsOf(rig))), '', 'a secret in the message');
}

/** The AppSecret and every token the fake issued so far (valid or not). */
function secretsOf(rig: TokenRig): LabelledSecret[] {
  return [{ label: 'AppSecret', value: APP_SECRET }, ...rig.fake.issuedTokens().map((value) => ({ label: 'access token', value }))];
}

function failedWith(state: TokenState): { error: unknown; token?: CachedToken } {
  assert.equal(state.kind, 'failed', `state ${state.kind}`);
  return state as { error: unknown; token?: CachedToken };
}

describe('token fault matrix (TokenManager + real client + UndiciTransport → fake WeChat)', function () {
  this.timeout(20_000);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  let rig: TokenRig;
  let win: RigWindow;

  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, [], 'no unhandled rejection during the matrix');
  });

  beforeEach(async () => {
    rig = await TokenRig.start({ timeoutMs: 300 });
    win = rig.window({ jitterMs: 0 });
  });

  afterEach(async () => {
    const logs = rig.windows.map((w) => w.log.text).join('\n');
    const found = scanForSecrets('fault matrix: token core logs', logs, secretsOf(rig));
    await rig.close();
    assert.deepEqual(describeFindings(found), '', "a secret in the token core's log");
    assert.equal(rig.clock.pendingTimers, 0, 'no timer left after dispose');
    assert.equal(rig.store.listenerCount, 0, 'no store listener left after dispose');
  });

  /** A token from the fake, then the clock at its due time (expiry − margin): the next refresh is the scheduler's. */
  async function validTokenThenDue(): Promise<CachedToken> {
    const old = await win.manager.get();
    assert.equal(rig.tokenRequests(), 1);
    return old;
  }

  for (const fault of CASES) {
    it(`${fault.name}: clear message, failed status with the last token, bounded retries, recovery`, () =>
      hardeningCase('fault', `token: ${fault.name}`, async () => {
        const old = await validTokenThenDue();
        await fault.inject(rig);
        const count = (): number => (fault.countSent ? rig.tokenRequestsSent() : rig.tokenRequests());
        const before = count();
        await rig.runFor(old.expiresAt - MARGIN - rig.clock.now());
        await rig.runFor(4 * MINUTE); // inside the margin, the old token still valid

        const state = win.manager.state;
        const { error, token } = failedWith(state);
        const text = describeError(error);
        if (process.env['FAULT_MATRIX_PRINT']) console.log(`${fault.name}: ${text}`);
        assertClearMessage(rig, text, fault.message);
        assert.ok(rig.fake.issuedTokens().includes(old.accessToken));
        const view = statusView(state, { now: rig.clock.now(), marginMs: MARGIN, mode: 'stable' });
        assert.equal(view.kind, 'failed');
        assert.equal(view.tone, 'error');
        assert.equal(view.details.lastError, text);
        assert.equal(describeFindings(findSecrets(JSON.stringify(view), secretsOf(rig))), '', 'a secret in the status bar');
        assert.equal(token?.accessToken, old.accessToken, 'the status keeps the last token');
        assert.match(view.text, /\$\(error\) \d+s|\$\(error\) \dm \d\ds/, 'its countdown');
        assert.equal(rig.store.peek(APP_ID)?.accessToken, old.accessToken, 'the stored token is kept');
        assert.ok(
          rig.store.writes.every((w) => w.accessToken.length < 4096),
          'nothing absurd stored',
        );
        assert.equal((await win.manager.get()).accessToken, old.accessToken, 'callers get the last token while it is valid');

        // Bounded: the back-off (15 s, 30 s, 60 s, 120 s…) over 4 minutes, plus the get() above.
        const attempts = (count() - before) / (fault.perAttempt ?? 1);
        if (fault.retried) assert.ok(attempts >= 4 && attempts <= 6, `${attempts} attempts in 4 minutes`);
        else assert.ok(attempts <= 2, `${attempts} attempts of a fault that needs the user`);

        // Past expiry: still failed, now shown expired; the dead token is not handed out.
        await rig.runFor(old.expiresAt + 1000 - rig.clock.now());
        const expired = statusView(win.manager.state, { now: rig.clock.now(), marginMs: MARGIN, mode: 'stable' });
        assert.equal(expired.kind, 'failed');
        assert.match(expired.text, /Expired|Token failed/);

        await fault.lift?.(rig);
        rig.fake.clearFaults();
        if (fault.retried) await rig.runFor(5 * MINUTE);
        else await win.manager.refresh(); // the user, after the quota reset
        const recovered = win.manager.state;
        assert.equal(recovered.kind, 'ready', 'recovered once the fault is gone');
        assert.ok(recovered.kind === 'ready' && rig.fake.isTokenValid(recovered.token.accessToken));
        assert.equal(rig.store.peek(APP_ID)?.accessToken, recovered.token.accessToken);
      }));
  }

  it("clock jumped forward 3 h (WeChat's too): a new token at the next look, never the dead one", () =>
    hardeningCase('fault', 'token: clock jumps forward', async () => {
      const old = await validTokenThenDue();
      await rig.runFor(10 * MINUTE);
      rig.clock.jump(3 * 3_600_000);
      await rig.runFor(MINUTE);
      const state = win.manager.state;
      assert.ok(state.kind === 'ready' && state.token.accessToken !== old.accessToken);
      assert.ok(rig.fake.isTokenValid(state.token.accessToken));
      assert.equal(statusView(state, { now: rig.clock.now(), marginMs: MARGIN, mode: 'stable' }).kind, 'valid');
      assert.equal(rig.tokenRequests(), 2);
    }));

  it("clock set back 3 h (WeChat's time goes on): re-checked at the next look, the countdown then WeChat's", () =>
    hardeningCase('fault', 'token: clock set back', async () => {
      await validTokenThenDue();
      await rig.runFor(30 * MINUTE);
      rig.clock.jump(-3 * 3_600_000);
      rig.serverOffsetMs += 3 * 3_600_000;
      await rig.runFor(MINUTE);
      assert.equal(rig.tokenRequests(), 2, 'one re-check');
      const state = win.manager.state;
      assert.ok(state.kind === 'ready');
      // The fake says 7200 − 31 min remain; the stored expiry, on the new clock, says the same.
      const remaining = state.token.expiresAt - rig.clock.now();
      assert.ok(Math.abs(remaining - (7_200_000 - 31 * MINUTE)) <= 2000, `${remaining / 1000} s left`);
      await rig.runFor(60 * MINUTE);
      assert.equal(rig.tokenRequests(), 2, 'no loop after the re-check');
    }));

  it('sleep past expiry and resume: one fetch within a minute of waking, the status valid again', () =>
    hardeningCase('fault', 'token: sleep/resume past expiry', async () => {
      const old = await validTokenThenDue();
      rig.clock.jump(old.expiresAt + 3_600_000 - rig.clock.now()); // lid closed: no timer ran
      const asleep = statusView(win.manager.state, { now: rig.clock.now(), marginMs: MARGIN, mode: 'stable' });
      assert.equal(asleep.kind, 'expired');
      await rig.runFor(MINUTE);
      const state = win.manager.state;
      assert.ok(state.kind === 'ready' && rig.fake.isTokenValid(state.token.accessToken));
      assert.equal(rig.tokenRequests(), 2);
    }));

  it('sleep with the network down: bounded retries after waking, then recovery', () =>
    hardeningCase('fault', 'token: resume offline', async () => {
      const old = await validTokenThenDue();
      await rig.fake.stopListening();
      rig.clock.jump(old.expiresAt + 3_600_000 - rig.clock.now());
      await rig.runFor(10 * MINUTE);
      const { error } = failedWith(win.manager.state);
      assertClearMessage(rig, describeError(error), /ECONNREFUSED/);
      // Within a minute of waking, then 15, 30, 60, 120, 240 s: ≤ 6 in 10 minutes.
      const attempts = rig.tokenRequestsSent() - 1;
      assert.ok(attempts >= 4 && attempts <= 6, `${attempts} attempts`);
      await rig.fake.startListening();
      await rig.runFor(5 * MINUTE);
      assert.equal(win.manager.state.kind, 'ready');
    }));
});
