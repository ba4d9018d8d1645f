// WeChat HTTP client: token endpoints plus a generic `call` for every other API. It knows the
// wire format and errcodes, but no cache policy — that is the TokenManager's job.
import { Logger, silentLogger } from '../common/logger';
import { networkDetail, parseGrant, parseJsonObject } from './answers';
import { WeChatApiError, WeChatTransportError } from './apiErrors';
import { CLASSIC_TOKEN, Endpoint, STABLE_TOKEN } from './endpoints';
import { ErrcodeLookup, withGeneral } from './errcodes';
import { isRaisedByTransport } from './errors';
import { HttpMethod, HttpResponse, HttpTransport } from './http';
import { redactJson, redactUrl } from './redact';
import type { SecretSend } from './secretHost';

export interface Credentials {
  readonly appId: string;
  readonly appSecret: string;
}

/** A token as WeChat hands it out: `expiresInSeconds` counts from the moment of the answer. */
export interface TokenGrant {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

export interface ClientSettings {
  /** Already checked by checkApiBaseUrl: no trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

export interface CallOptions {
  readonly method?: HttpMethod;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly accessToken?: string;
  readonly signal?: AbortSignal;
  /** The request carries this account's AppSecret: the secret-host check runs before it leaves. */
  readonly secretOf?: SecretOwner;
}

/** Whose AppSecret a request carries, and whether anybody is there to be asked. */
export interface SecretOwner {
  readonly appId: string;
  /** A timer's refresh: the check refuses a new host instead of asking. */
  readonly background: boolean;
}

/** What a call of a registered endpoint sends: its method comes from the endpoint. */
export type EndpointCallOptions = Omit<CallOptions, 'method'>;

/** What the caller of a token-protected endpoint sends besides the token. */
export type EndpointRequest = Pick<CallOptions, 'body' | 'query'>;

/**
 * Calls a token-protected endpoint with the account's token, which the caller never sees
 * (src/token/tokenCall.ts binds it to TokenManager.withToken: a rejected token is refreshed and the
 * call retried once); resolves with the JSON answer (errcode 0), throws a WeChatError otherwise.
 */
export type TokenCall = <T extends object>(endpoint: Endpoint, request?: EndpointRequest) => Promise<T>;

/** Options of the token fetches. */
export interface SecretCallOptions {
  readonly signal?: AbortSignal;
  readonly background?: boolean;
}

export interface WeChatClientOptions {
  readonly settings: () => ClientSettings;
  /** Resolved on the first request only, so activation never loads the HTTP stack. */
  readonly transport: () => HttpTransport | Promise<HttpTransport>;
  readonly log?: Logger;
  /** What is known about each errcode (general + menu tables); the general table by default. */
  readonly errcodes?: ErrcodeLookup;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How often errcode -1 (system busy) is retried; the back-off doubles each time. */
  readonly busyRetries?: number;
  readonly busyBackoffMs?: number;
  /**
   * Runs before every request that carries an AppSecret (secret-host check, src/wechat/secretHost.ts);
   * rejecting stops the request. Without it (tests of the wire format) the secret is sent as is.
   */
  readonly beforeSendingSecret?: (send: SecretSend) => Promise<void>;
  /**
   * Runs before every request that carries an access token, with the origin of the exact URL it
   * goes to — each busy retry and each retry after 40001 builds its URL anew from the settings
   * (TokenManager.checkTokenDestination); rejecting stops the request. Without it the token is sent as is.
   */
  readonly beforeSendingToken?: (send: TokenSend) => Promise<void>;
}

/** An access token about to leave, and where to. */
export interface TokenSend {
  readonly accessToken: string;
  readonly origin: string;
}

export interface WeChatApi {
  classicToken(credentials: Credentials, options?: SecretCallOptions): Promise<TokenGrant>;
  stableToken(credentials: Credentials, forceRefresh: boolean, options?: SecretCallOptions): Promise<TokenGrant>;
  /** A registered endpoint (src/wechat/endpoints.ts): its path and method. */
  call<T extends object>(endpoint: Endpoint, options?: EndpointCallOptions): Promise<T>;
  /** Any path, for what the registry does not hold (tests, paths a person types). */
  call<T extends object>(path: string, options?: CallOptions): Promise<T>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class WeChatClient implements WeChatApi {
  private transportPromise: Promise<HttpTransport> | undefined;
  private readonly log: Logger;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WeChatClientOptions) {
    this.log = options.log ?? silentLogger;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Classic token: every success invalidates the previous classic token (after ~5 min). */
  async classicToken(credentials: Credentials, options: SecretCallOptions = {}): Promise<TokenGrant> {
    const body = await this.call<Record<string, unknown>>(CLASSIC_TOKEN, {
      query: { grant_type: 'client_credential', appid: credentials.appId, secret: credentials.appSecret },
      signal: options.signal,
      secretOf: { appId: credentials.appId, background: options.background === true },
    });
    return parseGrant(body, CLASSIC_TOKEN.path);
  }

  /** Stable token: normal mode shares one token between all callers and invalidates nothing. */
  async stableToken(credentials: Credentials, forceRefresh: boolean, options: SecretCallOptions = {}): Promise<TokenGrant> {
    const body = await this.call<Record<string, unknown>>(STABLE_TOKEN, {
      body: {
        grant_type: 'client_credential',
        appid: credentials.appId,
        secret: credentials.appSecret,
        force_refresh: forceRefresh,
      },
      signal: options.signal,
      secretOf: { appId: credentials.appId, background: options.background === true },
    });
    return parseGrant(body, STABLE_TOKEN.path);
  }

  /** Calls any API; a non-zero errcode throws WeChatApiError, errcode -1 is retried with back-off. */
  call<T extends object>(endpoint: Endpoint, options?: EndpointCallOptions): Promise<T>;
  call<T extends object>(path: string, options?: CallOptions): Promise<T>;
  async call<T extends object>(target: Endpoint | string, given: CallOptions = {}): Promise<T> {
    const path = typeof target === 'string' ? target : target.path;
    const options = typeof target === 'string' ? given : { ...given, method: target.method };
    const retries = this.options.busyRetries ?? 2;
    let backoffMs = this.options.busyBackoffMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.callOnce<T>(path, options);
      } catch (error) {
        const busy = error instanceof WeChatApiError && error.reaction === 'retry';
        if (!busy || attempt >= retries) throw error;
        this.log.warn(`${path}: WeChat busy (errcode -1), retry ${attempt + 1}/${retries} in ${backoffMs} ms`);
        await this.sleep(backoffMs);
        backoffMs *= 2;
      }
    }
  }

  private async callOnce<T extends object>(path: string, options: CallOptions): Promise<T> {
    const { baseUrl, timeoutMs } = this.options.settings();
    const url = new URL(baseUrl + path);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    if (options.accessToken !== undefined) url.searchParams.set('access_token', options.accessToken);
    const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const loggedUrl = redactUrl(url.toString());
    await this.checkSecretDestination(url, options);
    await this.checkTokenDestination(url);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const transport = await this.getTransport();
    const started = Date.now();
    this.log.debug(`→ ${method} ${loggedUrl}${body ? ` ${redactJson(body)}` : ''}`);
    let response: HttpResponse;
    try {
      response = await transport.request({
        method,
        url: url.toString(),
        body,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw new WeChatTransportError('cancelled', path, 'cancelled');
      if (timeout.aborted) throw new WeChatTransportError('timeout', path, `no answer within ${timeoutMs} ms`);
      // The real transport has classified the fault (refused, DNS, TLS, reset, too large): name the API.
      if (isRaisedByTransport(error)) {
        const named = error.at(path);
        this.log.warn(`${method} ${loggedUrl} failed: ${named.message}`);
        throw named;
      }
      throw new WeChatTransportError('network', path, redactUrl(networkDetail(error)));
    }
    this.log.debug(`← ${method} ${loggedUrl} HTTP ${response.status} in ${Date.now() - started} ms`);

    const parsed = parseJsonObject(response.body);
    if (parsed === undefined) {
      if (response.status >= 500) {
        throw new WeChatTransportError('http', path, `HTTP ${response.status}`, response.status);
      }
      this.log.debug(`non-JSON body: ${redactJson(response.body.slice(0, 200))}`);
      throw new WeChatTransportError('notJson', path, response.contentType || 'unknown content type', response.status);
    }
    const errcode = parsed['errcode'];
    if (typeof errcode === 'number' && errcode !== 0) {
      const errmsg = typeof parsed['errmsg'] === 'string' ? parsed['errmsg'] : '';
      this.log.warn(`${path}: errcode ${errcode} ${redactUrl(errmsg)}`);
      throw new WeChatApiError(errcode, errmsg, path, withGeneral(this.options.errcodes)(errcode));
    }
    if (response.status >= 400) {
      throw new WeChatTransportError('http', path, `HTTP ${response.status}`, response.status);
    }
    return parsed as T;
  }

  /**
   * A request that carries an AppSecret goes nowhere before the secret-host check agrees; one that
   * carries it without saying whose (a new call site that forgot `secretOf`) is a bug, refused here.
   */
  private async checkSecretDestination(url: URL, options: CallOptions): Promise<void> {
    const body = typeof options.body === 'object' && options.body !== null ? (options.body as Record<string, unknown>) : {};
    const carriesSecret = url.searchParams.has('secret') || 'secret' in body || 'appsecret' in body;
    if (!options.secretOf) {
      if (carriesSecret) throw new Error(`${url.pathname}: a request carrying an AppSecret must name its owner (secretOf)`);
      return;
    }
    await this.options.beforeSendingSecret?.({
      appId: options.secretOf.appId,
      origin: url.origin,
      background: options.secretOf.background,
    });
  }

  /**
   * A request that carries an access token goes nowhere before the token-host check agrees to the
   * origin of this very URL: the check withToken ran before the call saw the settings of that
   * moment, and this attempt's URL was built from the settings of now.
   */
  private async checkTokenDestination(url: URL): Promise<void> {
    // Whether it came as `accessToken` or in `query`: the value the URL really carries.
    const accessToken = url.searchParams.get('access_token');
    if (accessToken !== null) await this.options.beforeSendingToken?.({ accessToken, origin: url.origin });
  }

  /** Drops the transport so the next request builds one with the current proxy settings. */
  resetTransport(): void {
    this.transportPromise = undefined;
  }

  /** The transport (loaded on first use), shared with the team's token service. */
  getTransport(): Promise<HttpTransport> {
    if (!this.transportPromise) {
      const created = Promise.resolve().then(() => this.options.transport());
      this.transportPromise = created;
      // One handler per transport, and it forgets only the transport that failed: a late failure
      // of one dropped by resetTransport() must not clear its successor.
      created.catch(() => {
        if (this.transportPromise === created) this.transportPromise = undefined;
      });
    }
    return this.transportPromise;
  }
}
