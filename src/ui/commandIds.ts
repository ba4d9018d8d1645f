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

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
