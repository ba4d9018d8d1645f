// Where an account's access token comes from. `wechat`: fetched from WeChat with the AppSecret
// (stable_token by default). `redis` and `url`: read, never fetched, from the team's Redis or
// token service (中控服务器) — the token production already holds — so the developer's machine needs
// no AppSecret and never calls /cgi-bin/token or /cgi-bin/stable_token. TokenManager caches,
// shares and schedules whatever a source returns the same way.

export type TokenSourceKind = 'wechat' | 'redis' | 'url';

/** A token as a source hands it over. */
export interface SourcedToken {
  readonly accessToken: string;
  /**
   * Absolute expiry, ms since the epoch; undefined when the source does not say (a Redis key
   * without TTL, a service answering without expires_in): shown as "expiry unknown", re-read
   * periodically.
   */
  readonly expiresAt: number | undefined;
  /** How the value was stored, for "Show Token Source" (e.g. 'plain string', 'JSON-quoted string'). */
  readonly format?: string;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** A timer's refresh, nobody at the keyboard: a credential is never sent to a host not confirmed for it. */
  readonly background?: boolean;
}

/**
 * A team source: reads the token production holds, read-only. Implementations never write,
 * never delete and never take an SDK's lock keys.
 */
export interface TeamTokenSource {
  readonly kind: Exclude<TokenSourceKind, 'wechat'>;
  /**
   * Where it reads for this AppID, without credentials — the exact Redis key (and db), or the
   * service URL with its query — for the tooltip, "Show Token Source" and every error message.
   */
  describe(appId: string): string;
  /** Reads the current token; a failure is a TeamSourceError that names the account's key or URL. */
  read(appId: string, options?: ReadOptions): Promise<SourcedToken>;
  /**
   * The error for what a team source cannot do: force a new token ('forceNotOffered'), or hand
   * out anything but the token WeChat just rejected ('stale'). Built here, so the failure texts
   * load with the source (dist/team.js), not at activation.
   */
  refusal(kind: 'forceNotOffered' | 'stale', appId: string, detail?: string): Error;
  /** Closes connections (deactivate, switching to another account or source). */
  dispose(): Promise<void>;
}
