// Typed errors for everything that can go wrong talking to WeChat. Each carries a message that
// says what to do; none ever contains the AppSecret or an access_token (see redact.ts).
import { errorMessage } from '../common/errorMessage';
import { formatMessage, Localize } from '../common/localize';
import { isTokenFetch, RID_GET } from './endpoints';
import { ErrcodeInfo, ErrcodeReaction, FixAction, GENERAL_ERRCODES, UNKNOWN_ERRCODE } from './errcodes';

/** `errmsg` often ends with `rid: <hex>`, the request id WeChat support asks for. */
export function extractRid(errmsg: string): string | undefined {
  return /\brid:\s*([0-9a-f-]+)/i.exec(errmsg)?.[1];
}

/** 40164's errmsg names the caller IP: `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist`. */
export function extractCallerIp(errmsg: string): string | undefined {
  return /invalid ip\s+([0-9a-f.:]+)/i.exec(errmsg)?.[1];
}

/**
 * The brands of an error's classes. The activation bundle and a lazily loaded one (dist/team.js)
 * each hold their own copy of these classes, so `instanceof` compares brands — registered
 * globally with Symbol.for — instead of prototypes: an error thrown by one bundle is recognised
 * by the other.
 */
const BRANDS = Symbol.for('wechat-token-menu/error-brands');

/**
 * `instanceof` by brand name, for code that must not import the class: its module would bring its
 * message table into the activation bundle (TeamSourceError's lives in dist/team.js).
 */
export function hasErrorBrand(value: unknown, brand: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const brands = (value as { [BRANDS]?: unknown })[BRANDS];
  return Array.isArray(brands) && brands.includes(brand);
}

export abstract class WeChatError extends Error {
  /** Each subclass names itself here (class names do not survive minification). */
  static readonly brand: string = 'WeChatError';

  constructor(message: string) {
    super(message);
    const brands: string[] = [];
    for (let type: unknown = new.target; typeof type === 'function' && type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type, 'brand')) brands.push((type as unknown as { brand: string }).brand);
    }
    Object.defineProperty(this, BRANDS, { value: brands });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasErrorBrand(value, this.brand);
  }

  /** One-line explanation for notifications, in the user's language. */
  abstract describe(localize?: Localize): string;

  /** What the notification offers to fix it (besides "Show Log"). */
  get actions(): readonly FixAction[] {
    return [];
  }

  /** How the client and the scheduler react: only errors that pass with time are retried. */
  get reaction(): ErrcodeReaction {
    return 'report';
  }
}

/** WeChat answered with a non-zero errcode. */
export class WeChatApiError extends WeChatError {
  static override readonly brand: string = 'WeChatApiError';
  readonly rid: string | undefined;
  readonly callerIp: string | undefined;
  readonly info: ErrcodeInfo;

  /**
   * `info` comes from the client's ErrcodeCatalog (general and menu errcodes); without one, the
   * general table is consulted.
   */
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly apiPath: string,
    info?: ErrcodeInfo,
  ) {
    super(`WeChat ${apiPath} failed: errcode ${errcode}, ${errmsg}`);
    this.name = 'WeChatApiError';
    this.rid = extractRid(errmsg);
    this.info = info ?? (Object.hasOwn(GENERAL_ERRCODES, errcode) ? GENERAL_ERRCODES[errcode] : undefined) ?? UNKNOWN_ERRCODE;
    this.callerIp = this.info.blamesCallerIp ? extractCallerIp(errmsg) : undefined;
  }

  /**
   * The token fetch itself answered that its daily quota is used up (45009): no token can be had
   * until the quota is cleared without one (clear_quota/v2) or the day ends.
   */
  get tokenQuotaExhausted(): boolean {
    return this.info.quotaExhausted === true && isTokenFetch(this.apiPath);
  }

  override get reaction(): ErrcodeReaction {
    return this.info.reaction;
  }

  override get actions(): readonly FixAction[] {
    const actions = this.info.actions ?? [];
    // Without the IP in the errmsg there is nothing to copy.
    const offered = this.callerIp ? actions : actions.filter((action) => action !== 'copyCallerIp');
    return this.canLookUp() ? [...offered, 'lookUpRequest'] : offered;
  }

  /**
   * A rid can be looked up — except a lookup's own, and when the token fetch's quota is used up: the lookup needs a token,
   * which the exhausted token endpoint cannot give (the quota buttons are the way out there).
   */
  private canLookUp(): boolean {
    // A failed lookup's own rid would only describe the lookup.
    const lookup = this.apiPath === RID_GET.path;
    return this.rid !== undefined && !lookup && !this.tokenQuotaExhausted;
  }

  meaning(localize: Localize = formatMessage): string {
    return localize(this.info.meaning, this.placeholder(localize));
  }

  fix(localize: Localize = formatMessage): string {
    return localize(this.info.fix, ...(this.info.fixArgs ?? [this.placeholder(localize)]));
  }

  /** `{0}` in a table text: the caller IP when the errcode blames it (40164), the errcode for unknown errcodes. */
  private placeholder(localize: Localize): string | number {
    if (this.info.blamesCallerIp) return this.callerIp ?? localize('see the log');
    return this.errcode;
  }

  describe(localize: Localize = formatMessage): string {
    const parts = [this.meaning(localize), this.fix(localize)];
    parts.push(localize('(errcode {0}{1})', this.errcode, this.rid ? `, rid ${this.rid}` : ''));
    return parts.join(' ');
  }
}

/** `badAnswer`: JSON without a usable token (no access_token, an absurd expires_in, a huge value). */
export type TransportFailure = 'timeout' | 'network' | 'http' | 'notJson' | 'badAnswer' | 'cancelled';

/** The request did not produce a WeChat answer: timeout, network error, HTTP 5xx, non-JSON body. */
export class WeChatTransportError extends WeChatError {
  static override readonly brand: string = 'WeChatTransportError';
  constructor(
    readonly failure: TransportFailure,
    readonly apiPath: string,
    readonly detail: string,
    readonly httpStatus?: number,
  ) {
    super(`WeChat ${apiPath}: ${failure}${httpStatus ? ` (HTTP ${httpStatus})` : ''}: ${detail}`);
    this.name = 'WeChatTransportError';
  }

  override get actions(): readonly FixAction[] {
    if (this.failure === 'cancelled') return [];
    return this.failure === 'timeout' ? ['timeoutSetting'] : ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    switch (this.failure) {
      case 'timeout':
        return localize(
          'WeChat did not answer within the timeout. Check your network or proxy, or raise "wechat.requestTimeoutSeconds".',
        );
      case 'network':
        return localize(
          'Could not reach WeChat ({0}). Check your network, the proxy setting "http.proxy" and "wechat.apiBaseUrl".',
          this.detail,
        );
      case 'http':
        return localize(
          'WeChat answered with HTTP {0}. Try again later; if it persists, check "wechat.apiBaseUrl".',
          this.httpStatus ?? 0,
        );
      case 'notJson':
        return localize(
          'WeChat answered with something that is not JSON (HTTP {0}). A proxy or gateway may be in the way; check "wechat.apiBaseUrl" and "http.proxy".',
          this.httpStatus ?? 0,
        );
      case 'badAnswer':
        return localize(
          'WeChat\'s answer held no usable access token ({0}). Nothing was stored; the extension tries again later. If it persists, a proxy or gateway may be changing the answers: check "wechat.apiBaseUrl" and "http.proxy".',
          this.detail,
        );
      case 'cancelled':
        return localize('The request was cancelled.');
    }
  }
}

/**
 * An error the transport raises before it knows which API was asked (it sees only a URL): the
 * caller names the API with `at`. The classes live in networkErrors.ts, bundled with the
 * transport (dist/transport.js), so their texts cost the activation bundle nothing; the brands
 * let this bundle recognise them.
 */
export interface RaisedByTransport {
  at(apiPath: string): WeChatError;
}

export function isRaisedByTransport(error: unknown): error is WeChatError & RaisedByTransport {
  return error instanceof WeChatError && typeof (error as Partial<RaisedByTransport>).at === 'function';
}

/** Credentials are not configured: the UI leads the user into setup instead of failing. */
export class MissingCredentialsError extends WeChatError {
  static override readonly brand: string = 'MissingCredentialsError';
  constructor(readonly missing: 'appId' | 'appSecret') {
    super(missing === 'appId' ? 'No AppID configured' : 'No AppSecret stored');
    this.name = 'MissingCredentialsError';
  }

  override get actions(): readonly FixAction[] {
    return this.missing === 'appId' ? ['setUpAccount'] : ['setAppSecret'];
  }

  describe(localize: Localize = formatMessage): string {
    return this.missing === 'appId'
      ? localize('No WeChat AppID is set. Run "WeChat: Set Up Account".')
      : localize('No AppSecret is stored for this AppID. Run "WeChat: Set AppSecret".');
  }
}

/** Classic mode: the user declined a fetch that would invalidate the token their servers use. */
export class FetchDeclinedError extends WeChatError {
  static override readonly brand: string = 'FetchDeclinedError';
  constructor() {
    super('classic token fetch declined');
    this.name = 'FetchDeclinedError';
  }

  describe(localize: Localize = formatMessage): string {
    return localize('No token was fetched: in classic mode every fetch needs your confirmation.');
  }
}

/**
 * A source handed over a token that fails the one token check (tokenValue.ts): refused before it is
 * stored. Each source refuses such values itself, naming its key or URL; this is the manager's
 * last line for any source that would not.
 */
export class TokenValueRefusedError extends WeChatError {
  static override readonly brand: string = 'TokenValueRefusedError';
  constructor(
    /** Where the token came from (an API path, a Redis key, a URL), never the value. */
    readonly where: string,
    readonly detail: string,
  ) {
    super(`token from ${where} refused: ${detail}`);
    this.name = 'TokenValueRefusedError';
  }

  describe(localize: Localize = formatMessage): string {
    return localize('The token from {0} was refused: {1}. Nothing was used or stored.', this.where, this.detail);
  }
}

/** The setting `wechat.apiBaseUrl` is not an address the AppSecret may be sent to. */
export class InvalidBaseUrlError extends WeChatError {
  static override readonly brand: string = 'InvalidBaseUrlError';
  constructor(
    readonly input: string,
    readonly reason: 'invalid' | 'insecure',
  ) {
    super(`wechat.apiBaseUrl is ${reason}: ${input}`);
    this.name = 'InvalidBaseUrlError';
  }

  override get actions(): readonly FixAction[] {
    return ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    return this.reason === 'insecure'
      ? localize(
          'The setting "wechat.apiBaseUrl" ({0}) uses plain http. Use https; http is allowed only for 127.0.0.1 or localhost (a local fake server).',
          this.input,
        )
      : localize('The setting "wechat.apiBaseUrl" ({0}) is not a valid URL. Use e.g. https://api.weixin.qq.com.', this.input);
  }
}

/**
 * The AppSecret was not sent: the API host differs from the one it was last used with, and the
 * user declined, or nobody was asked (a background refresh never sends it to a new host).
 */
export class SecretHostRefusedError extends WeChatError {
  static override readonly brand: string = 'SecretHostRefusedError';
  constructor(
    readonly appId: string,
    readonly from: string,
    readonly to: string,
    readonly why: 'background' | 'declined',
    /** What was held back: the AppSecret (a token fetch) or an access token (an API call). */
    readonly carrying: 'appSecret' | 'accessToken' = 'appSecret',
  ) {
    super(`${carrying === 'appSecret' ? 'AppSecret' : 'access token'} of ${appId} not sent to ${to} (last used with ${from}): ${why === 'background' ? 'a background refresh does not ask' : 'declined'}`);
    this.name = 'SecretHostRefusedError';
  }

  override get actions(): readonly FixAction[] {
    return ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    if (this.carrying === 'accessToken') {
      return localize('The access token of {0} was not sent to {1} (you declined; its tokens went to {2} so far).', this.appId, this.to, this.from);
    }
    return this.why === 'background'
      ? localize(
          'The AppSecret of {0} was not sent: "wechat.apiBaseUrl" now points to {1}, but it was last used with {2}. Run "WeChat: Refresh Access Token" to decide, or check the setting.',
          this.appId,
          this.to,
          this.from,
        )
      : localize('The AppSecret of {0} was not sent to {1} (you declined; it was last used with {2}).', this.appId, this.to, this.from);
  }
}

export type KeychainOperation = 'read' | 'store' | 'delete';

/** SecretStorage (the OS keychain) refused to read, store or delete a secret. */
export class KeychainError extends WeChatError {
  static override readonly brand: string = 'KeychainError';
  constructor(
    readonly operation: KeychainOperation,
    readonly detail: string,
  ) {
    super(`the OS keychain refused to ${operation} a secret: ${detail}`);
    this.name = 'KeychainError';
  }

  describe(localize: Localize = formatMessage): string {
    const what =
      this.operation === 'read'
        ? localize('The OS keychain refused to read a secret ({0}).', this.detail)
        : this.operation === 'store'
          ? localize('The OS keychain refused to store a secret ({0}).', this.detail)
          : localize('The OS keychain refused to delete a secret ({0}).', this.detail);
    return `${what} ${localize(
      'On Linux check that gnome-keyring or KWallet is running and unlocked (or start VS Code with --password-store=gnome-libsecret); on macOS unlock the login keychain. Then try again.',
    )}`;
  }
}

/** Any error as one line for the user, without secrets. */
export function describeError(error: unknown, localize: Localize = formatMessage): string {
  if (error instanceof WeChatError) return error.describe(localize);
  return errorMessage(error);
}
