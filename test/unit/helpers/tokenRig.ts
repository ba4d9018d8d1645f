// The token core as VS Code windows run it, against the fake WeChat server over real HTTP: each
// window a TokenManager + RefreshScheduler with the real WeChatClient and UndiciTransport, all on
// one fake clock and one shared MemoryTokenStore (cross-window change notification included).
// The fake clock drives expiry and the schedulers' timers; real I/O (the HTTP requests, the
// client's busy back-off) is tracked, so `runFor` can wait for it between two timers. A request
// may be given a latency in fake time (several windows then overlap as they would over a slow
// network).
import { Logger } from '../../../src/common/logger';
import { TokenManager, TokenSettings, TokenState } from '../../../src/token/manager';
import { RefreshScheduler, SchedulerSettings } from '../../../src/token/scheduler';
import { TokenMode } from '../../../src/token/store';
import { WeChatClient } from '../../../src/wechat/client';
import { HttpRequest, HttpResponse, HttpTransport } from '../../../src/wechat/http';
import { Routes, UndiciTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { FakeClock } from './fakeClock';
import { APP_ID, APP_SECRET, CapturingLogger, fixedCredentials } from './fixtures';
import { MemoryTokenStore } from './memoryTokenStore';

export const RIG_MARGIN_S = 300;

export interface RigWindow {
  readonly manager: TokenManager;
  readonly scheduler: RefreshScheduler;
  readonly log: CapturingLogger;
  readonly states: TokenState[];
  /** How often the classic confirmation was asked, and how often it was answered yes. */
  readonly confirmations: { asked: number; agreed: number };
  settings: TokenSettings;
  dispose(): void;
}

export interface WindowOptions {
  readonly appId?: string;
  readonly mode?: TokenMode;
  readonly autoRefresh?: boolean;
  readonly random?: () => number;
  readonly jitterMs?: number;
  /** The classic-mode confirmation (default: never asked → undefined, like a window without UI). */
  readonly confirm?: () => Promise<boolean>;
}

export interface RigOptions {
  readonly accounts?: ReadonlyArray<{ appId: string; secret: string }>;
  /** The client's request timeout (real ms): a 'hang' fault waits this long. */
  readonly timeoutMs?: number;
}

export class TokenRig {
  readonly clock = new FakeClock();
  readonly store = new MemoryTokenStore();
  /** Added to the fake server's clock: a machine clock set back leaves WeChat's time alone. */
  serverOffsetMs = 0;
  /** Fake-time latency of each request (ms), drawn per request. */
  latency: () => number = () => 0;
  /** Busy back-off waits the client asked for (ms); each waits 1 real ms. */
  readonly busyWaits: number[] = [];
  readonly windows: RigWindow[] = [];
  /** Paths of every request a client sent (also those that never reached the fake: connection refused). */
  readonly sent: string[] = [];

  private readonly pending = new Set<Promise<unknown>>();
  // The production transport (direct route, 1 MB cap), closed by stop() so no socket outlives the rig.
  private readonly http = new UndiciTransport(new Routes({}, {}));
  private fakeServer: FakeWeChat | undefined;

  private constructor(private readonly options: RigOptions) {}

  static async start(options: RigOptions = {}): Promise<TokenRig> {
    const rig = new TokenRig(options);
    rig.fakeServer = await startFakeWeChat({
      accounts: (options.accounts ?? [{ appId: APP_ID, secret: APP_SECRET }]).map((a) => ({ ...a })),
      now: () => rig.clock.now() + rig.serverOffsetMs,
    });
    return rig;
  }

  get fake(): FakeWeChat {
    if (!this.fakeServer) throw new Error('TokenRig.start() first');
    return this.fakeServer;
  }

  /** Requests that reached the fake's token endpoints. */
  tokenRequests(): number {
    return this.fake.calls.filter((c) => c.path === '/cgi-bin/stable_token' || c.path === '/cgi-bin/token').length;
  }

  /** Token requests the clients sent, whether or not the fake saw them. */
  tokenRequestsSent(): number {
    return this.sent.filter((path) => path === '/cgi-bin/stable_token' || path === '/cgi-bin/token').length;
  }

  /** A WeChatClient like the extension's, over real HTTP to the fake (with the rig's latency). */
  client(log: Logger): WeChatClient {
    const transport: HttpTransport = {
      request: (req: HttpRequest): Promise<HttpResponse> => {
        this.sent.push(new URL(req.url).pathname);
        const delay = this.latency();
        const waited = delay > 0 ? new Promise<void>((resolve) => this.clock.setTimer(resolve, delay)) : Promise.resolve();
        return waited.then(() => this.track(this.http.request(req)));
      },
    };
    return new WeChatClient({
      settings: () => ({ baseUrl: this.fake.url, timeoutMs: this.options.timeoutMs ?? 2000 }),
      transport: () => transport,
      log,
      sleep: (ms) => {
        this.busyWaits.push(ms);
        return this.track(new Promise<void>((resolve) => setTimeout(resolve, 1)));
      },
    });
  }

  /** Opens a window: its manager and scheduler, reading the shared store. */
  window(options: WindowOptions = {}): RigWindow {
    const log = new CapturingLogger();
    const confirmations = { asked: 0, agreed: 0 };
    const confirm = options.confirm;
    const win = {
      log,
      states: [] as TokenState[],
      confirmations,
      settings: { appId: options.appId ?? APP_ID, mode: options.mode ?? 'stable', refreshMarginSeconds: RIG_MARGIN_S } as TokenSettings,
    } as RigWindow & { manager: TokenManager; scheduler: RefreshScheduler };
    const secrets = new Map((this.options.accounts ?? [{ appId: APP_ID, secret: APP_SECRET }]).map((a) => [a.appId, a.secret]));
    win.manager = new TokenManager({
      api: this.client(log),
      store: this.store,
      clock: this.clock,
      settings: () => win.settings,
      credentials: async (appId) => ({ ...(await fixedCredentials()(appId)), appSecret: secrets.get(appId) ?? APP_SECRET }),
      confirmClassicFetch: confirm
        ? async () => {
            confirmations.asked++;
            const yes = await confirm();
            if (yes) confirmations.agreed++;
            return yes;
          }
        : undefined,
      log,
    });
    const schedulerSettings = (): SchedulerSettings => ({
      autoRefresh: options.autoRefresh ?? win.settings.mode === 'stable',
      refreshMarginSeconds: RIG_MARGIN_S,
      jitterMs: options.jitterMs ?? 20_000,
    });
    win.scheduler = new RefreshScheduler(win.manager, this.clock, schedulerSettings, options.random ?? (() => 0), log);
    win.manager.onDidChangeState((state) => win.states.push(state));
    win.dispose = () => {
      win.scheduler.dispose();
      win.manager.dispose();
    };
    this.windows.push(win);
    return win;
  }

  /** Keeps count of real I/O, so runFor can wait for it. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    const done = (): void => {
      this.pending.delete(promise);
    };
    promise.then(done, done);
    return promise;
  }

  /** Waits until no real I/O is in flight and the promise chains it started have run. */
  async idle(): Promise<void> {
    for (;;) {
      await turn();
      await turn();
      if (this.pending.size === 0) return;
      await Promise.race(
        [...this.pending].map((p) =>
          p.then(
            () => undefined,
            () => undefined,
          ),
        ),
      );
    }
  }

  /** Moves the fake clock by `ms`, timer by timer, letting the real I/O each one starts finish. */
  async runFor(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    for (;;) {
      await this.idle();
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.clock.advance(Math.max(0, next - this.clock.now()));
    }
    if (target > this.clock.now()) this.clock.advance(target - this.clock.now());
    await this.idle();
  }

  async close(): Promise<void> {
    for (const win of this.windows.splice(0)) win.dispose();
    await this.idle();
    await this.fakeServer?.close();
    await this.http.close();
  }
}

function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A seeded random in [0, 1) (mulberry32): the same latencies on every run of a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
