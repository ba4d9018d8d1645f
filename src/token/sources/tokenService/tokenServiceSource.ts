// The `url` token source: reads the token the team's token service (中控服务器) hands out — the
// endpoint production itself uses, e.g. WxJava's accessTokenUrl — with one GET. It never calls
// WeChat's token endpoints, so it needs no AppSecret and never invalidates production's token.
// Everything it touches is injected, so the composition root decides settings, SecretStorage and
// the (lazily loaded) transport, and tests run it against a local server.
import { Clock } from '../../../common/clock';
import { Logger, silentLogger } from '../../../common/logger';
import { WeChatTransportError } from '../../../wechat/apiErrors';
import { HttpResponse, HttpTransport } from '../../../wechat/http';
import { ResponseTooLargeError } from '../../../wechat/networkErrors';
import { Redactor } from '../../../wechat/redact';
import type { BeforeSendingCredential } from '../credentialHost';
import { credentialOriginOf } from '../credentialOrigin';
import type { ReadOptions, SourcedToken, TeamTokenSource } from '../source';
import { refusalOf, TeamSourceError } from '../teamSourceError';
import { interpretAnswer } from './answer';
import { networkFailure } from './networkFailure';
import { resolveServiceUrl } from './url';

export interface TokenServiceSourceOptions {
  /** The URL template from the settings (`{appid}` optional); read on every request. */
  readonly url: () => string | undefined;
  /** The bearer credential from SecretStorage, sent as `Authorization: Bearer …`; none → no header. */
  readonly credential: () => Promise<string | undefined>;
  /** Before the bearer credential goes to this origin (CredentialHostGuard); throws to stop. */
  readonly beforeSending?: BeforeSendingCredential;
  /** The same lazily loaded transport the WeChat client uses (proxy settings included). */
  readonly transport: () => Promise<HttpTransport>;
  readonly clock: Clock;
  /** The request timeout (`wechat.requestTimeoutSeconds`), read per request. */
  readonly timeoutMs: () => number;
  readonly log?: Logger;
}

/** wechat.requestTimeoutSeconds' default and range: AbortSignal.timeout throws outside 0…2^32-1. */
const DEFAULT_TIMEOUT_MS = 15_000;
const MIN_TIMEOUT_MS = 100;
const MAX_TIMEOUT_MS = 120_000;

function boundedTimeout(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return DEFAULT_TIMEOUT_MS;
  return Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, Math.round(ms)));
}

export class TokenServiceSource implements TeamTokenSource {
  readonly kind = 'url' as const;
  private readonly log: Logger;
  /** Reads in flight, aborted by dispose() so a switched-away account's answer is never used. */
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: TokenServiceSourceOptions) {
    this.log = options.log ?? silentLogger;
  }

  /** The URL requested for this AppID; when the settings cannot work, the same safe text errors name. */
  describe(appId: string): string {
    try {
      return resolveServiceUrl(this.options.url(), appId).display;
    } catch (error) {
      if (error instanceof TeamSourceError) return error.where;
      throw error;
    }
  }

  refusal(kind: 'forceNotOffered' | 'stale', appId: string, detail?: string): Error {
    return refusalOf(this, kind, appId, detail);
  }

  async read(appId: string, options: ReadOptions = {}): Promise<SourcedToken> {
    const { url, display } = resolveServiceUrl(this.options.url(), appId);
    const cancelled = (): WeChatTransportError => new WeChatTransportError('cancelled', display, 'cancelled');
    if (options.signal?.aborted) throw cancelled();

    // Trimmed: a credential pasted with its trailing newline is still the same credential.
    const credential = (await this.options.credential())?.trim();
    // Secrets known to this read: hidden wherever they appear in a detail or log line.
    const redactor = new Redactor();
    redactor.addSecret(credential);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credential) {
      // A line break inside would let the stored value inject headers (undici would throw anyway).
      if (/[\r\n\0]/.test(credential)) {
        throw new TeamSourceError(
          'misconfigured',
          'url',
          display,
          'the stored token service credential contains a line break. Set it again.',
        );
      }
      headers['authorization'] = `Bearer ${credential}`;
      const origin = credentialOriginOf('url', url);
      if (origin) await this.options.beforeSending?.(origin, options.background === true);
    }

    const timeoutMs = boundedTimeout(this.options.timeoutMs());
    const timeout = AbortSignal.timeout(timeoutMs);
    const disposal = new AbortController();
    const signals = [timeout, disposal.signal, ...(options.signal ? [options.signal] : [])];
    const transport = await this.options.transport();
    const sentAt = this.options.clock.now();
    this.log.debug(`token service → GET ${display}${headers['authorization'] ? ' (with bearer credential)' : ''}`);

    let response: HttpResponse;
    this.inFlight.add(disposal);
    try {
      response = await transport.request({ method: 'GET', url, headers, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (options.signal?.aborted || disposal.signal.aborted) throw cancelled();
      // A body far too large to be a token (a portal's page): final, and says who answered.
      if (error instanceof ResponseTooLargeError) throw error;
      const failure = timeout.aborted
        ? new TeamSourceError('timeout', 'url', display, `no answer within ${timeoutMs} ms`)
        : networkFailure(error, display, redactor);
      this.log.debug(`token service ✗ ${failure.message}`);
      throw failure;
    } finally {
      this.inFlight.delete(disposal);
    }
    // The answer body is never logged: it is the token itself, or a page that may echo headers.
    this.log.debug(
      `token service ← HTTP ${response.status} ${response.contentType || '(no content type)'}, ${response.body.length} bytes in ${this.options.clock.now() - sentAt} ms`,
    );

    try {
      const token = interpretAnswer(response, { where: display, sentAt, redactor });
      const remaining = token.expiresAt === undefined ? 'expiry unknown' : `expires in ${Math.round((token.expiresAt - sentAt) / 1000)} s`;
      this.log.info(`token service: read a token for ${appId} (${token.format}, ${remaining})`);
      return token;
    } catch (error) {
      if (error instanceof TeamSourceError) this.log.debug(`token service ✗ ${error.message}`);
      throw error;
    }
  }

  /** Aborts reads in flight (they reject as cancelled). The transport is shared and stays open. */
  async dispose(): Promise<void> {
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }
}
