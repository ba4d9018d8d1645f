// The one table of WeChat's general errcodes: what each means and what the user should do.
// Menu-specific errcodes live in menuRules.ts beside the menu limits they enforce.
// Texts are English templates; the UI passes them through vscode.l10n.t (zh-cn bundle).

import type { MessageArg } from '../common/localize';

/** How the client and the token manager react to an errcode. */
export type ErrcodeReaction =
  /** Transient: retry after a short back-off (bounded). */
  | 'retry'
  /** The access_token is stale: refresh once and retry the call once. */
  | 'refreshToken'
  /** Needs the user: show the explanation and the fix. */
  | 'report';

export interface ErrcodeInfo {
  readonly meaning: string;
  readonly fix: string;
  /** Values for the `{n}` placeholders of `fix` (limits from the menu rules table). */
  readonly fixArgs?: readonly MessageArg[];
  readonly reaction: ErrcodeReaction;
}

export const GENERAL_ERRCODES: Readonly<Record<number, ErrcodeInfo>> = {
  [-1]: {
    meaning: 'WeChat is busy.',
    fix: 'Try again in a few seconds.',
    reaction: 'retry',
  },
  40001: {
    meaning: 'Invalid credential: the AppSecret is wrong, or the access_token is invalid or not the latest.',
    fix: 'Check the AppSecret with "WeChat: Set AppSecret". If another program fetched a new token with the classic API, refresh the token.',
    reaction: 'refreshToken',
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
  },
  40164: {
    meaning: 'The calling IP address ({0}) is not in the account\'s IP whitelist.',
    fix: 'Add the calling IP address ({0}) in the MP console: Settings and Development → Basic configuration → IP whitelist. Then try again.',
    reaction: 'report',
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
  },
  41004: {
    meaning: 'The AppSecret is missing.',
    fix: 'Set the AppSecret with "WeChat: Set AppSecret".',
    reaction: 'report',
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
    fix: 'Wait for the daily reset, or clear the quota in the MP console. Prefer the stable token mode (setting "wechat.tokenMode"), which has a far larger quota.',
    reaction: 'report',
  },
  45011: {
    meaning: 'API calls are too frequent.',
    fix: 'Wait a minute and try again.',
    reaction: 'report',
  },
  47001: {
    meaning: 'The request body is not valid JSON.',
    fix: 'Check the JSON you sent; if it came from the extension, report it with the log.',
    reaction: 'report',
  },
  48001: {
    meaning: 'This API is not authorised for this account type.',
    fix: 'Check the account\'s API permissions in the MP console (Settings and Development → API permissions).',
    reaction: 'report',
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
  },
  50002: {
    meaning: 'The account is restricted.',
    fix: 'Check the account status in the MP console.',
    reaction: 'report',
  },
  89503: {
    meaning: 'This call needs confirmation by an administrator (risk control).',
    fix: 'Confirm the request in the WeChat app as an administrator, then try again.',
    reaction: 'report',
  },
};

export const UNKNOWN_ERRCODE: ErrcodeInfo = {
  meaning: 'WeChat returned errcode {0}.',
  fix: 'Look the errcode up in the WeChat documentation; the request id (rid) helps WeChat support.',
  reaction: 'report',
};
