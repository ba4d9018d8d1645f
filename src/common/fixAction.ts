// What the user can do about a failure, offered as a button on the error notification. Errors in
// every layer name their actions with these; the VS Code layer maps each to a command, a setting
// or a link (src/ui/common/errorPresenter.ts).
export type FixAction =
  | 'setAppSecret'
  | 'setUpAccount'
  /** Copy the caller IP WeChat saw (40164) for the IP whitelist. */
  | 'copyCallerIp'
  | 'openConsole'
  | 'tokenModeSetting'
  | 'timeoutSetting'
  | 'apiBaseUrlSetting'
  /** The account list (`wechat.accounts`): a team source's layout, key or kind. */
  | 'accountsSetting'
  /** `wechat.redis.url` and the other connection settings of the team's Redis. */
  | 'redisSettings'
  | 'setRedisPassword'
  /** `wechat.tokenService.url`. */
  | 'tokenServiceSettings'
  | 'setTokenServiceCredential'
  | 'showTokenSource'
  | 'switchAccount'
  /** Look the error's request id (rid) up: what WeChat received and answered. */
  | 'lookUpRequest'
  | 'showQuota'
  /** Reset the account's daily API counts (clear_quota, or clear_quota/v2 without a token). */
  | 'clearQuota'
  /** The MP console page with the IP whitelist (40164); no deep link is documented, so its root. */
  | 'openIpWhitelist';
