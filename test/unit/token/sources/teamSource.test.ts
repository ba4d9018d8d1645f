// TokenManager with a team source (the team's Redis or token service): the token is read, never
// fetched from WeChat; Force Refresh is refused; a token WeChat rejects is re-read once and called
// stale when the team still holds it; reads are rate-limited per window; no expiry is handled.
import * as assert from 'node:assert/strict';

import { TokenManager, TokenSettings } from '../../../../src/token/manager';
import { refreshDueAt, UNKNOWN_EXPIRY_RECHECK_MS } from '../../../../src/token/policy';
import { ReadOptions, SourcedToken, TeamTokenSource } from '../../../../src/token/sources/source';
import { isCredentialHostRefusal, TeamSourceReader } from '../../../../src/token/sources/teamSource';
import { refusalOf, TeamSourceError } from '../../../../src/token/sources/teamSourceError';
import { FakeClock } from '../../helpers/fakeClock';
import { apiError, APP_ID, CapturingLogger, fixedCredentials, ScriptedTokenApi, tokenString } from '../../helpers/fixtures';
import { MemoryTokenStore } from '../../helpers/memoryTokenStore';

const MARGIN_S = 300;
const KEY = `wx:access_token:${APP_ID} (db 0)`;

/** What the team's Redis holds right now; each read is counted. */
class FakeTeamSource implements TeamTokenSource {
  readonly kind = 'redis' as const;
  reads = 0;
  value: SourcedToken | Error;
  disposed = false;

  constructor(value: SourcedToken | Error) {
    this.value = value;
  }

  describe(): string {
    return KEY;
  }

  refusal(kind: 'forceNotOffered' | 'stale', appId: string, detail?: string): Error {
    return refusalOf(this, kind, appId, detail);
  }

  async read(_appId: string, _options?: ReadOptions): Promise<SourcedToken> {
    this.reads++;
    if (this.value instanceof Error) throw this.value;
    return this.value;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

describe('token/manager with a team source', () => {
  let clock: FakeClock;
  let store: MemoryTokenStore;
  let api: ScriptedTokenApi;
  let team: FakeTeamSource;
  let reader: TeamSourceReader;
  let manager: TokenManager;
  let minIntervalMs: number;

  const settings: TokenSettings = { appId: APP_ID, mode: 'stable', refreshMarginSeconds: MARGIN_S };
  const held = (accessToken: string, ttlMs = 6_000_000): SourcedToken => ({
    accessToken,
    expiresAt: clock.now() + ttlMs,
    format: 'plain string',
  });

  beforeEach(() => {
    clock = new FakeClock();
    store = new MemoryTokenStore();
    api = new ScriptedTokenApi();
    minIntervalMs = 30_000;
    team = new FakeTeamSource(held(tokenString('prod')));
    reader = new TeamSourceReader(team, clock, () => minIntervalMs);
    manager = new TokenManager({
      api,
      store,
      clock,
      settings: () => settings,
      credentials: fixedCredentials(),
      teamSource: () => reader,
      log: new CapturingLogger(),
    });
  });

  it('reads the token production holds, with its TTL, and never calls a WeChat token endpoint', async () => {
    const token = await manager.get();
    assert.equal(token.accessToken, (team.value as SourcedToken).accessToken);
    assert.equal(token.expiresAt, clock.now() + 6_000_000);
    assert.equal(token.source, 'redis');
    assert.equal(team.reads, 1);
    assert.equal(api.calls.length, 0);
    // Cached like any token: a second get() reads nothing.
    await manager.get();
    assert.equal(team.reads, 1);
  });

  it('Force Refresh is refused with the reason, before anything is read', async () => {
    await manager.get();
    await assert.rejects(manager.refresh({ force: true, confirmed: true }), (error: unknown) => {
      assert.ok(error instanceof TeamSourceError);
      assert.equal(error.failure, 'forceNotOffered');
      assert.match(error.describe(), /never asks WeChat for a new one/);
      assert.match(error.describe(), /wx:access_token:/);
      return true;
    });
    assert.equal(team.reads, 1);
    assert.equal(api.calls.length, 0);
  });

  it('a token WeChat rejects is re-read once; a rotated token is used for the retry', async () => {
    const first = await manager.get();
    team.value = held(tokenString('rotated'));
    const used: string[] = [];
    const result = await manager.withToken(async (accessToken) => {
      used.push(accessToken);
      if (accessToken === first.accessToken) throw apiError(40001, 'invalid credential');
      return 'ok';
    });
    assert.equal(result, 'ok');
    assert.deepEqual(used, [first.accessToken, (team.value as SourcedToken).accessToken]);
    assert.equal(team.reads, 2, 'the re-read after a rejection is not rate-limited');
  });

  it('when the team still holds the rejected token, it says so plainly, naming the key', async () => {
    await manager.get();
    let calls = 0;
    await assert.rejects(
      manager.withToken(async () => {
        calls++;
        throw apiError(42001, 'access_token expired');
      }),
      (error: unknown) => {
        assert.ok(error instanceof TeamSourceError);
        assert.equal(error.failure, 'stale');
        assert.match(error.describe(), /wx:access_token:wx0123456789abcdef \(db 0\)/);
        return true;
      },
    );
    assert.equal(calls, 1, 'no retry with the same stale token');
  });

  it('reads at most once per interval per window, even when asked on every focus', async () => {
    await manager.refresh({ always: true });
    await manager.refresh({ always: true });
    clock.advance(10_000);
    await manager.refresh({ always: true });
    assert.equal(team.reads, 1);
    clock.advance(21_000);
    await manager.refresh({ always: true });
    assert.equal(team.reads, 2);
    assert.equal(reader.lastReadAt(APP_ID), clock.now());
  });

  it('a key without TTL is "expiry unknown": cached, re-read after the recheck interval', async () => {
    team.value = { accessToken: tokenString('nottl'), expiresAt: undefined };
    const token = await manager.get();
    assert.equal(token.expiryKnown, false);
    assert.equal(refreshDueAt(token, MARGIN_S * 1000), token.checkedAt + UNKNOWN_EXPIRY_RECHECK_MS);
    clock.advance(UNKNOWN_EXPIRY_RECHECK_MS - 1000);
    await manager.get();
    assert.equal(team.reads, 1);
    clock.advance(2000);
    await manager.get();
    assert.equal(team.reads, 2);
    // The flag survives the store (other windows see "expiry unknown" too).
    assert.equal((await store.read(APP_ID))?.expiryKnown, false);
  });

  it('a failed read keeps serving the last token while it is valid, and the state names the failure', async () => {
    const first = await manager.get();
    clock.advance(6_000_000 - MARGIN_S * 1000 + 1000);
    team.value = new TeamSourceError('unreachable', 'redis', KEY, 'ECONNREFUSED');
    const served = await manager.get();
    assert.equal(served.accessToken, first.accessToken);
    const state = manager.state;
    assert.equal(state.kind, 'failed');
    assert.ok(state.kind === 'failed' && state.error instanceof TeamSourceError && state.error.failure === 'unreachable');
    assert.equal(api.calls.length, 0);
  });

  it('inside the margin the same team token is read again only when its key expires, not every minute', async () => {
    const first = await manager.get();
    clock.advance(6_000_000 - MARGIN_S * 1000 + 1000);
    minIntervalMs = 0;
    await manager.get();
    assert.equal(team.reads, 2, 'entering the margin reads once');
    const cached = (await store.read(APP_ID))!;
    assert.equal(cached.accessToken, first.accessToken);
    assert.equal(refreshDueAt(cached, MARGIN_S * 1000), cached.expiresAt);
    for (let minute = 0; minute < 4; minute++) {
      clock.advance(60_000);
      await manager.get();
    }
    assert.equal(team.reads, 2, 'no re-read every minute while production still holds the token');
  });

  it('a failed read is not repeated inside the interval either (a wrong password on every focus trips lockouts)', async () => {
    team.value = new TeamSourceError('auth', 'redis', KEY, 'WRONGPASS');
    await assert.rejects(
      manager.refresh({ always: true }),
      (error: unknown) => error instanceof TeamSourceError && error.failure === 'auth',
    );
    await assert.rejects(
      manager.refresh({ always: true }),
      (error: unknown) => error instanceof TeamSourceError && error.failure === 'auth',
    );
    assert.equal(team.reads, 1);
    assert.equal(reader.lastReadAt(APP_ID), clock.now());
    team.value = held(tokenString('fixed'));
    clock.advance(31_000);
    assert.equal((await manager.refresh({ always: true })).accessToken, (team.value as SourcedToken).accessToken);
    assert.equal(team.reads, 2);
  });

  it('dispose() closes the team connection', async () => {
    await reader.dispose();
    assert.equal(team.disposed, true);
  });
});

describe('isCredentialHostRefusal (by brand: TeamSourceError stays out of the activation bundle)', () => {
  it('recognises only the credential-host refusal', () => {
    assert.equal(TeamSourceError.brand, 'TeamSourceError', 'the brand the check names');
    assert.equal(
      isCredentialHostRefusal(
        new TeamSourceError(
          'credentialHost',
          'redis',
          'redis.example:6379',
          'redis.local:6379; a background read never sends it to a new host',
        ),
      ),
      true,
    );
    assert.equal(isCredentialHostRefusal(new TeamSourceError('credentialUnbound', 'url', 'https://token.corp')), true);
    assert.equal(isCredentialHostRefusal(new TeamSourceError('keyMissing', 'redis', 'wx:token')), false);
    assert.equal(isCredentialHostRefusal(Object.assign(new Error('credentialHost'), { failure: 'credentialHost' })), false);
    assert.equal(isCredentialHostRefusal(undefined), false);
  });
});
