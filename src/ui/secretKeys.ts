// SecretStorage keys. One AppSecret and one token cache per AppID; both are credentials, so
// both live in the OS keychain, which every VS Code window on this machine shares.
export const APP_SECRET_KEY_PREFIX = 'wechat.appSecret.';
export const TOKEN_KEY_PREFIX = 'wechat.token.';
/**
 * The API origin each AppSecret was last used with (not a secret, but kept beside it: same
 * machine, same lifetime, and no setting or repository can write it). The prefix must not start
 * with APP_SECRET_KEY_PREFIX ("wechat.appSecret." ≠ "wechat.appSecretHost.").
 */
export const APP_SECRET_HOST_KEY_PREFIX = 'wechat.appSecretHost.';
/** The API origin the user let an account's access tokens go to (SecretHostMemory.tokenOrigin); not under TOKEN_KEY_PREFIX. */
export const TOKEN_HOST_KEY_PREFIX = 'wechat.tokenHost.';

export const appSecretKey = (appId: string): string => APP_SECRET_KEY_PREFIX + appId;
export const tokenKey = (appId: string): string => TOKEN_KEY_PREFIX + appId;

/** The team's Redis (one per machine, like wechat.redis.url): user name and password. */
export const REDIS_USERNAME_KEY = 'wechat.redis.username';
export const REDIS_PASSWORD_KEY = 'wechat.redis.password';
/** The bearer credential of the team's token service. */
export const TOKEN_SERVICE_CREDENTIAL_KEY = 'wechat.tokenService.credential';
/** The origin each team credential is bound to (CredentialOriginMemory); no other key starts with these. */
export const REDIS_CREDENTIAL_HOST_KEY = 'wechat.redisHost.credential';
export const TOKEN_SERVICE_CREDENTIAL_HOST_KEY = 'wechat.tokenServiceHost.credential';
/** The jsapi_ticket cache, one per AppID: a credential with the token's lifecycle. */
export const JSAPI_TICKET_KEY_PREFIX = 'wechat.jsapiTicket.';
/** The callback simulator's secrets: the console's Token (令牌) and EncodingAESKey, one of each per AppID. */
export const CALLBACK_TOKEN_KEY_PREFIX = 'wechat.callbackToken.';
export const CALLBACK_AES_KEY_PREFIX = 'wechat.callbackAesKey.';
/** The callback URL origin each of them was stored for (callbackHost.ts), per AppID; under neither prefix above. */
export const CALLBACK_TOKEN_HOST_KEY_PREFIX = 'wechat.callbackHost.token.';
export const CALLBACK_AES_KEY_HOST_KEY_PREFIX = 'wechat.callbackHost.aesKey.';
