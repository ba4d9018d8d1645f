// What a request to WeChat can end in besides an answer: WeChat's non-zero errcode (explained by the
// errcode table) and the transport's failures. Only the lazily loaded bundles construct these (the
// client, the features), so the table's texts stay out of activation; activation code asks the
// base class (errors.ts) for an error's reaction instead of importing them.
import { formatMessage, Localize } from '../common/localize';
import { isTokenFetch, RID_GET } from './endpoints';
import { ErrcodeInfo, ErrcodeReaction, FixAction, GENERAL_ERRCODES, UNKNOWN_ERRCODE } from './errcodes';
import { WeChatError } from './errors';

/** `errmsg` often ends with `rid: <hex>`, the request id WeChat support asks for. */
export function extractRid(errmsg: string): string | undefined {
  return /\brid:\s*([0-9a-f-]+)/i.exec(errmsg)?.[1];
}

/** 40164's errmsg names the caller IP: `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist`. */
export function extractCallerIp(errmsg: string): string | undefined {
  return /invalid ip\s+([0-9a-f.:]+)/i.exec(errmsg)?.[1];
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

  /** Everything but a cancellation passes with time (a timeout, a network that came back): retried in the background. */
  override get reaction(): ErrcodeReaction {
    return this.failure === 'cancelled' ? 'report' : 'retry';
  }

  override get actions(): readonly FixAction[] {
    if (this.failure === 'cancelled') return [];
    return this.failure === 'timeout' ? ['timeoutSetting'] : ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    switch (this.failure) {
      case 'timeout':
        return localize('WeChat did not answer within the timeout. Check your network or proxy, or raise "wechat.requestTimeoutSeconds".');
      case 'network':
        return localize(
          'Could not reach WeChat ({0}). Check your network, the proxy setting "http.proxy" and "wechat.apiBaseUrl".',
          this.detail,
        );
      case 'http':
        return localize('WeChat answered with HTTP {0}. Try again later; if it persists, check "wechat.apiBaseUrl".', this.httpStatus ?? 0);
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
