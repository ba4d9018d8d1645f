// Command ids, declared once. A unit test checks these against contributes.commands.
export const COMMANDS = {
  setupAccount: 'wechat.setupAccount',
  setAppSecret: 'wechat.setAppSecret',
  clearAppSecret: 'wechat.clearAppSecret',
  copyAccessToken: 'wechat.copyAccessToken',
  refreshAccessToken: 'wechat.refreshAccessToken',
  forceRefreshAccessToken: 'wechat.forceRefreshAccessToken',
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
} as const;
