// SecretStorage keys. One AppSecret and one token cache per AppID; both are credentials, so
// both live in the OS keychain, which every VS Code window on this machine shares.
export const APP_SECRET_KEY_PREFIX = 'wechat.appSecret.';
export const TOKEN_KEY_PREFIX = 'wechat.token.';

export const appSecretKey = (appId: string): string => APP_SECRET_KEY_PREFIX + appId;
export const tokenKey = (appId: string): string => TOKEN_KEY_PREFIX + appId;
