// Command ids, declared once and grouped by the feature whose command table registers them. The
// manifest test compares contributes.commands with these groups; each feature's table is typed
// `CommandTable<…>` over its group, so a command without a handler does not compile.
export const ACCOUNT_COMMANDS = {
  setupAccount: 'wechat.setupAccount',
  setAppSecret: 'wechat.setAppSecret',
  clearAppSecret: 'wechat.clearAppSecret',
  switchAccount: 'wechat.switchAccount',
  removeAccount: 'wechat.removeAccount',
  setRedisPassword: 'wechat.setRedisPassword',
  setTokenServiceCredential: 'wechat.setTokenServiceCredential',
} as const;

export const TOKEN_COMMANDS = {
  copyAccessToken: 'wechat.copyAccessToken',
  refreshAccessToken: 'wechat.refreshAccessToken',
  forceRefreshAccessToken: 'wechat.forceRefreshAccessToken',
  showTokenSource: 'wechat.showTokenSource',
  /** For `${command:wechat.accessToken}` in tasks.json / launch.json; hidden from the palette. */
  accessToken: 'wechat.accessToken',
  /** Clears this workspace's consent to `${command:wechat.accessToken}` (every account). */
  revokeTaskTokenAccess: 'wechat.revokeTaskTokenAccess',
} as const;

/** The log and the status-bar quick pick: they belong to no single feature. */
export const GENERAL_COMMANDS = {
  showLog: 'wechat.showLog',
  showActions: 'wechat.showActions',
} as const;

/** Custom-menu commands; their handlers live in the lazily loaded menu feature. */
export const MENU_COMMANDS = {
  uploadMenu: 'wechat.uploadMenu',
  downloadMenu: 'wechat.downloadMenu',
  restoreMenuBackup: 'wechat.restoreMenuBackup',
  deleteMenu: 'wechat.deleteMenu',
  deleteConditionalMenu: 'wechat.deleteConditionalMenu',
  tryMatchMenu: 'wechat.tryMatchMenu',
  newMenuFile: 'wechat.newMenuFile',
  previewMenu: 'wechat.previewMenu',
  /** The phone with the callback simulator's chat (the active menu's preview, or a phone without a menu). */
  openSimulator: 'wechat.openSimulator',
  /** What a tap in a preview does, by button id (Invocation.text) and document (Invocation.uri); hidden. */
  simulateTap: 'wechat.simulateTap',
} as const;

export type IdOf<Group> = Group[keyof Group];
export type AccountCommandId = IdOf<typeof ACCOUNT_COMMANDS>;
export type TokenCommandId = IdOf<typeof TOKEN_COMMANDS>;
export type GeneralCommandId = IdOf<typeof GENERAL_COMMANDS>;
export type MenuCommandId = IdOf<typeof MENU_COMMANDS>;

/** JS-SDK diagnostics: the wx.config signature of a page behind a menu's view button. */
export const JSSDK_COMMANDS = {
  jsSdkSignature: 'wechat.jsSdkSignature',
} as const;
export type JsSdkCommandId = IdOf<typeof JSSDK_COMMANDS>;

/** "Why did my API call fail?": request lookup by rid, the API quota and its reset. */
export const CALL_DIAGNOSTICS_COMMANDS = {
  lookUpRequest: 'wechat.lookUpRequest',
  showApiQuota: 'wechat.showApiQuota',
  clearApiQuota: 'wechat.clearApiQuota',
} as const;
export type CallDiagnosticsCommandId = IdOf<typeof CALL_DIAGNOSTICS_COMMANDS>;
/** Network diagnostics: WeChat's server IPs, the callback check, the IP whitelist fixes of 40164. */
export const NETWORK_COMMANDS = {
  showServerIps: 'wechat.showServerIps',
  checkCallbackNetwork: 'wechat.checkCallbackNetwork',
  /** The tooltip's "Copy IP" after a 40164: the caller IP of the last failed token fetch. */
  copyCallerIp: 'wechat.copyCallerIp',
  openIpWhitelist: 'wechat.openIpWhitelist',
} as const;
export type NetworkCommandId = IdOf<typeof NETWORK_COMMANDS>;

/** The callback simulator's setup and handshake; the phone's commands are MENU_COMMANDS. */
export const CALLBACK_COMMANDS = {
  setUpCallback: 'wechat.setUpCallback',
  verifyCallbackUrl: 'wechat.verifyCallbackUrl',
} as const;
export type CallbackCommandId = IdOf<typeof CALLBACK_COMMANDS>;
