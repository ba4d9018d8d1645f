// Bench figure: a day of Redis mode. Three windows share one token cache (SecretStorage), each
// uses the token every minute. "Production" keeps the token in Redis with WxJava's TTL
// (expires_in − 200) and fetches a new one only when its key has expired. Counted: the token
// endpoint calls the extension makes (goal 0) and the Redis reads it sends (GET + PTTL each),
// against a naive reader that asks Redis on every use.
import { TokenManager } from '../src/token/manager';
import { ReadOptions, SourcedToken, TeamTokenSource } from '../src/token/sources/source';
import { TeamSourceReader } from '../src/token/sources/teamSource';
import { refusalOf } from '../src/token/sources/teamSourceError';
import { FakeClock } from '../test/unit/helpers/fakeClock';
import { ScriptedTokenApi } from '../test/unit/helpers/fixtures';
import { MemoryTokenStore } from '../test/unit/helpers/memoryTokenStore';

const APP_ID = 'wxbench000000000002';
const MINUTE = 60_000;
/** WxJava stores the token with a TTL of expires_in − 200 s. */
const KEY_TTL_MS = (7200 - 200) * 1000;

/** The team's Redis as production fills it: a new token whenever the key has expired. */
class ProductionRedis implements TeamTokenSource {
  readonly kind = 'redis' as const;
  reads = 0;
  private token = { accessToken: 'prod-0', expiresAt: 0 };

  constructor(private readonly clock: FakeClock) {
    this.rotateIfExpired();
  }

  describe(appId: string): string {
    return `wx:access_token:${appId} (db 0)`;
  }

  async read(_appId: string, _options?: ReadOptions): Promise<SourcedToken> {
    this.reads++;
    this.rotateIfExpired();
    return { ...this.token, format: 'plain string' };
  }

  refusal(kind: 'forceNotOffered' | 'stale', appId: string, detail?: string): Error {
    return refusalOf(this, kind, appId, detail);
  }

  async dispose(): Promise<void> {
    // Nothing to close: no connection.
  }

  private rotateIfExpired(): void {
    const now = this.clock.now();
    if (now < this.token.expiresAt) return;
    this.token = { accessToken: `prod-${now}`, expiresAt: now + KEY_TTL_MS };
  }
}

export interface TeamRedisFigures {
  readonly tokenEndpointCalls: number;
  readonly redisReads: number;
  readonly naiveRedisReads: number;
  readonly uses: number;
}

export async function teamRedisDay(): Promise<TeamRedisFigures> {
  const clock = new FakeClock();
  const redis = new ProductionRedis(clock);
  const store = new MemoryTokenStore();
  const api = new ScriptedTokenApi();
  const windows = [0, 1, 2].map(() => {
    const reader = new TeamSourceReader(redis, clock, () => 30_000);
    return new TokenManager({
      api,
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: async () => {
        throw new Error('a team account has no AppSecret');
      },
      teamSource: () => reader,
    });
  });
  let uses = 0;
  for (let minute = 0; minute < 24 * 60; minute++) {
    for (const window of windows) {
      await window.get();
      uses++;
    }
    clock.advance(MINUTE);
  }
  windows.forEach((window) => window.dispose());
  return { tokenEndpointCalls: api.calls.length, redisReads: redis.reads, naiveRedisReads: uses, uses };
}
