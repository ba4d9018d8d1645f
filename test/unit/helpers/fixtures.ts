// Builders for WeChat payloads, cached tokens and the small collaborators the core takes in
// (logger, credentials, a scripted WeChatApi), so tests state only what matters to them.
import { Logger } from '../../../src/common/logger';
import { CachedToken, TokenMode } from '../../../src/token/store';
import { WeChatApiError } from '../../../src/wechat/apiErrors';
import { Credentials, TokenGrant, WeChatApi } from '../../../src/wechat/client';
import { DEFAULT_START } from './fakeClock';

export const APP_ID = 'wx0123456789abcdef';
/** 32 hex characters, like a real AppSecret. */
export const APP_SECRET = 'f1e2d3c4b5a697887766554433221100';
export const CREDENTIALS: Credentials = { appId: APP_ID, appSecret: APP_SECRET };

let tokenCounter = 0;

/** A token-looking string (real ones are ~136+ characters of [A-Za-z0-9_-]). */
export function tokenString(label = 'T'): string {
  tokenCounter++;
  const core = `${label}_${tokenCounter.toString(36)}_`;
  return (core + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-'.repeat(4)).slice(0, 150);
}

export function aCachedToken(overrides: Partial<CachedToken> = {}): CachedToken {
  const obtainedAt = overrides.obtainedAt ?? DEFAULT_START;
  return {
    appId: APP_ID,
    accessToken: tokenString('cached'),
    expiresAt: obtainedAt + 7_200_000,
    obtainedAt,
    checkedAt: obtainedAt,
    mode: 'stable' as TokenMode,
    ...overrides,
  };
}

/** A token that expires `remainingMs` after `now`. */
export function tokenExpiringIn(now: number, remainingMs: number, overrides: Partial<CachedToken> = {}): CachedToken {
  const obtainedAt = now + remainingMs - 7_200_000;
  return aCachedToken({ obtainedAt, checkedAt: obtainedAt, expiresAt: now + remainingMs, ...overrides });
}

export function aGrant(overrides: Partial<TokenGrant> = {}): TokenGrant {
  return { accessToken: tokenString('grant'), expiresInSeconds: 7200, ...overrides };
}

// --- WeChat wire payloads -----------------------------------------------------------------

export function tokenResponse(accessToken = tokenString('wire'), expiresIn = 7200): { access_token: string; expires_in: number } {
  return { access_token: accessToken, expires_in: expiresIn };
}

export function rid(seed = 1): string {
  return `6790ab${seed.toString(16).padStart(2, '0')}-1a2b3c4d-5e6f7a8b`;
}

export function errorResponse(errcode: number, errmsg: string, withRid: string | undefined = rid()): { errcode: number; errmsg: string } {
  return { errcode, errmsg: withRid ? `${errmsg} rid: ${withRid}` : errmsg };
}

export function apiError(errcode: number, errmsg = `errcode ${errcode}`, path = '/cgi-bin/menu/get'): WeChatApiError {
  return new WeChatApiError(errcode, `${errmsg} rid: ${rid(errcode & 0xff)}`, path);
}

// --- collaborators ------------------------------------------------------------------------

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Keeps every line it is given, for "nothing secret was logged" assertions. */
export class CapturingLogger implements Logger {
  readonly lines: Array<{ level: LogLevel; message: string }> = [];
  trace(message: string): void {
    this.lines.push({ level: 'trace', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  get text(): string {
    return this.lines.map((l) => `[${l.level}] ${l.message}`).join('\n');
  }
}

export function fixedCredentials(credentials: Credentials = CREDENTIALS): (appId: string) => Promise<Credentials> {
  return async (appId) => ({ ...credentials, appId });
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface TokenCall {
  readonly kind: 'classic' | 'stable';
  readonly force: boolean;
  readonly credentials: Credentials;
}

type Answer = TokenGrant | Error | (() => TokenGrant | Promise<TokenGrant>);

/**
 * A WeChatApi double for the token endpoints. Answers are taken from a queue (a grant, an error
 * to throw, or a function); when the queue is empty a fresh 7200 s grant is issued.
 */
export class ScriptedTokenApi implements Pick<WeChatApi, 'classicToken' | 'stableToken'> {
  readonly calls: TokenCall[] = [];
  private readonly queue: Answer[] = [];

  answer(...answers: Answer[]): this {
    this.queue.push(...answers);
    return this;
  }

  /** The next call waits on the returned deferred. */
  hold(): Deferred<TokenGrant> {
    const d = deferred<TokenGrant>();
    this.queue.push(() => d.promise);
    return d;
  }

  get count(): number {
    return this.calls.length;
  }

  async classicToken(credentials: Credentials): Promise<TokenGrant> {
    this.calls.push({ kind: 'classic', force: false, credentials });
    return this.next();
  }

  async stableToken(credentials: Credentials, forceRefresh: boolean): Promise<TokenGrant> {
    this.calls.push({ kind: 'stable', force: forceRefresh, credentials });
    return this.next();
  }

  private async next(): Promise<TokenGrant> {
    const answer = this.queue.shift();
    if (answer === undefined) return aGrant();
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer();
    return answer;
  }
}

/**
 * Gives a ScriptedTokenApi the stable_token semantics: the same token while more than 5 minutes
 * remain, the next one inside the last 5 minutes, expires_in = the remaining seconds. Answers
 * every future call (classic or stable, force ignored).
 */
export function stableSemantics(clock: { now(): number }, api: ScriptedTokenApi): { isCurrent(token: string): boolean; issued(): number } {
  let current: { token: string; expiresAt: number } | undefined;
  const valid = new Map<string, number>();
  let n = 0;
  const answer = (): TokenGrant => {
    const now = clock.now();
    if (!current || current.expiresAt - now <= 300_000) {
      current = { token: `stable-${++n}-${'0123456789abcdef'.repeat(8)}`, expiresAt: now + 7_200_000 };
      valid.set(current.token, current.expiresAt);
    }
    api.answer(answer);
    return { accessToken: current.token, expiresInSeconds: Math.floor((current.expiresAt - now) / 1000) };
  };
  api.answer(answer);
  return { isCurrent: (token) => (valid.get(token) ?? 0) > clock.now(), issued: () => n };
}
