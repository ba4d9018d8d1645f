// The one table of WeChat's general errcodes: what each means, what the user should do, how the
// client, the token manager and the scheduler react (`reaction`), which buttons the error
// notification offers (`actions`) and what else code does differently for it (`blamesCallerIp`,
// `quotaExhausted`). Code reads these fields, never an errcode number: the menu errcodes live in
// src/features/menu/core/rules/errcodes.ts, named there, beside the limits they enforce, and join
// through an ErrcodeCatalog. test/unit/wechat/errcodeLiterals.test.ts finds any errcode number
// compared anywhere in src/. Texts are English templates; the UI passes them through
// vscode.l10n.t (zh-cn bundle).

import type { FixAction } from '../common/fixAction';
import type { MessageArg } from '../common/localize';

/** How the client, the token manager and the scheduler react to an errcode. */
export type ErrcodeReaction =
  /** WeChat is busy: the client retries at once after a short back-off (bounded). */
  | 'retry'
  /** Too frequent: passes with time, so the scheduler may try again later; the client does not. */
  | 'wait'
  /** The access_token is stale: refresh once and retry the call once. */
  | 'refreshToken'
  /** Needs the user: show the explanation and the fix; never retried by itself. */
  | 'report';

export type { FixAction } from '../common/fixAction';

export interface ErrcodeInfo {
  readonly meaning: string;
  readonly fix: string;
  /** Values for the `{n}` placeholders of `fix` (limits from the menu rules table). */
  readonly fixArgs?: readonly MessageArg[];
  readonly reaction: ErrcodeReaction;
  /** Buttons on the notification, in order; "Show Log" is always added. */
  readonly actions?: readonly FixAction[];
  /**
   * The caller's IP is not allowed, and the errmsg names it (`invalid ip 1.2.3.4 …, not in
   * whitelist`): it is the `{0}` of the texts, and what "Copy IP" copies.
   */
  readonly blamesCallerIp?: true;
  /** The called API's daily quota is used up; on a token fetch, no token-protected call can run until it is cleared. */
  readonly quotaExhausted?: true;
}

export type ErrcodeTable = Readonly<Record<number, ErrcodeInfo>>;

/** Finds what is known about an errcode; injected into the client (no module-level registry). */
export type ErrcodeLookup = (errcode: number) => ErrcodeInfo | undefined;

export const GENERAL_ERRCODES: ErrcodeTable = {
  [-1]: {
    meaning: 'WeChat is busy.',
    fix: 'Try again in a few seconds.',
    reaction: 'retry',
  },
  40001: {
    meaning: 'Invalid credential: the AppSecret is wrong, or the access_token is invalid or not the latest.',
    fix: 'Check the AppSecret with "WeChat: Set AppSecret". If another program fetched a new token with the classic API, refresh the token.',
    reaction: 'refreshToken',
    actions: ['setAppSecret'],
  },
  40002: {
    meaning: 'Invalid grant_type.',
    fix: 'This is a bug in the extension; please report it with the log.',
    reaction: 'report',
  },
  40013: {
    meaning: 'Invalid AppID.',
    fix: 'Check the AppID in the setting "wechat.appId" (MP console → Settings and Development → Basic configuration).',
    reaction: 'report',
    actions: ['setUpAccount'],
  },
  40014: {
    meaning: 'Invalid access_token.',
    fix: 'Refresh the access token and try again.',
    reaction: 'refreshToken',
  },
  40125: {
    meaning: 'Invalid AppSecret.',
    fix: 'Enter the AppSecret again with "WeChat: Set AppSecret" (MP console → Settings and Development → Basic configuration).',
    reaction: 'report',
    actions: ['setAppSecret'],
  },
  40164: {
    meaning: "The calling IP address ({0}) is not in the account's IP whitelist.",
    fix: 'Add the calling IP address ({0}) in the MP console: Settings and Development → Basic configuration → IP whitelist. Then try again.',
    reaction: 'report',
    actions: ['copyCallerIp', 'openIpWhitelist'],
    blamesCallerIp: true,
  },
  41001: {
    meaning: 'The access_token is missing.',
    fix: 'This is a bug in the extension; please report it with the log.',
    reaction: 'report',
  },
  41002: {
    meaning: 'The AppID is missing.',
    fix: 'Set the AppID with "WeChat: Set Up Account".',
    reaction: 'report',
    actions: ['setUpAccount'],
  },
  41004: {
    meaning: 'The AppSecret is missing.',
    fix: 'Set the AppSecret with "WeChat: Set AppSecret".',
    reaction: 'report',
    actions: ['setAppSecret'],
  },
  42001: {
    meaning: 'The access_token has expired.',
    fix: 'Refresh the access token and try again.',
    reaction: 'refreshToken',
  },
  43002: {
    meaning: 'The API requires the POST method.',
    fix: 'This is a bug in the extension; please report it with the log.',
    reaction: 'report',
  },
  45009: {
    meaning: 'The daily API quota has been reached.',
    fix: 'Wait for the daily reset, or clear the quota with "WeChat: Clear API Quota" (10 resets a month). "WeChat: Show API Quota" shows what is left. Prefer the stable token mode (setting "wechat.tokenMode"), which has a far larger quota.',
    reaction: 'report',
    actions: ['clearQuota', 'showQuota', 'tokenModeSetting'],
    quotaExhausted: true,
  },
  45011: {
    meaning: 'API calls are too frequent.',
    fix: 'Wait a minute and try again.',
    reaction: 'wait',
  },
  47001: {
    meaning: 'The request body is not valid JSON.',
    fix: 'Check the JSON you sent; if it came from the extension, report it with the log.',
    reaction: 'report',
  },
  48001: {
    meaning: 'This API is not authorised for this account type.',
    fix: "Check the account's API permissions in the MP console (Settings and Development → API permissions).",
    reaction: 'report',
    actions: ['openConsole'],
  },
  48004: {
    meaning: 'This API has been banned for the account because of irregularities.',
    fix: 'See the notice in the MP console.',
    reaction: 'report',
  },
  50001: {
    meaning: 'The user or API is not authorised.',
    fix: 'Check the account status and API permissions in the MP console.',
    reaction: 'report',
    actions: ['openConsole'],
  },
  50002: {
    meaning: 'The account is restricted.',
    fix: 'Check the account status in the MP console.',
    reaction: 'report',
    actions: ['openConsole'],
  },
  48006: {
    meaning: 'The API quota has been cleared too often: WeChat allows 10 resets per account per month.',
    fix: 'Wait for the daily reset or the next month. Stable tokens (setting "wechat.tokenMode") use far less quota than classic ones.',
    reaction: 'report',
    actions: ['showQuota'],
  },
  76001: {
    meaning: 'WeChat does not know this request id (rid): it is older than 7 days, belongs to another account, or was mistyped.',
    fix: 'Look up a rid of this account from the last 7 days; switch account if the rid came from another one.',
    reaction: 'report',
    actions: ['switchAccount'],
  },
  76002: {
    meaning: 'The request id (rid) is malformed.',
    fix: 'Paste the rid as WeChat wrote it, e.g. 6582b7c3-1a2b3c4d-5e6f7a8b (or the whole errmsg that ends with it).',
    reaction: 'report',
  },
  76021: {
    meaning: 'WeChat keeps no quota for this API path (cgi_path not found or not supported; /sns/ paths are not).',
    fix: 'Check the path, e.g. /cgi-bin/message/custom/send, without the host and the query.',
    reaction: 'report',
  },
  76022: {
    meaning: 'This account may not read the quota of this API path (no permission, or the token belongs to another account).',
    fix: 'Check that the active account is the one that calls this API, and its API permissions in the MP console.',
    reaction: 'report',
    actions: ['switchAccount', 'openConsole'],
  },
  89503: {
    meaning: 'This call needs confirmation by an administrator (risk control).',
    fix: 'Confirm the request in the WeChat app as an administrator, then try again.',
    reaction: 'report',
    actions: ['openConsole'],
  },
  // callback/check (Check Callback Network).
  40201: {
    meaning: 'No callback URL (server URL) is configured for this account, so WeChat has nothing to check.',
    fix: 'Configure the server URL in the MP console: Settings and Development → Basic configuration → Server configuration. Then run the check again.',
    reaction: 'report',
    actions: ['openConsole'],
  },
  40202: {
    meaning: 'Invalid check action: WeChat accepts dns, ping or all.',
    fix: 'Choose dns, ping or all. If the extension sent it, report it with the log.',
    reaction: 'report',
  },
  40203: {
    meaning: 'Invalid check operator: WeChat accepts CHINANET, UNICOM, CAP or DEFAULT.',
    fix: 'Choose CHINANET, UNICOM, CAP or DEFAULT. If the extension sent it, report it with the log.',
    reaction: 'report',
  },
};

export const UNKNOWN_ERRCODE: ErrcodeInfo = {
  meaning: 'WeChat returned errcode {0}.',
  fix: 'Look the errcode up in the WeChat documentation; the request id (rid) helps WeChat support.',
  reaction: 'report',
};

/**
 * A lookup with the general table first (as the catalog of the general and the features' tables
 * answers): the lazily loaded code that explains an errcode wraps the catalog with it, so the
 * general table's texts never load with activation.
 */
export function withGeneral(lookup: ErrcodeLookup | undefined): ErrcodeLookup {
  return (errcode) => (Object.hasOwn(GENERAL_ERRCODES, errcode) ? GENERAL_ERRCODES[errcode] : undefined) ?? lookup?.(errcode);
}
