// What this machine refused or lacks before or instead of a request: no AppID or AppSecret, a
// declined classic fetch, a token that fails the token check, an unusable API base URL, a secret
// not sent to a new host, a keychain that refused.
import { formatMessage, Localize } from '../common/localize';
import type { FixAction } from './errcodes';
import { WeChatError } from './errors';

/** Credentials are not configured: the UI leads the user into setup instead of failing. */
export class MissingCredentialsError extends WeChatError {
  static override readonly brand: string = 'MissingCredentialsError';
  constructor(readonly missing: 'appId' | 'appSecret') {
    super(missing === 'appId' ? 'No AppID configured' : 'No AppSecret stored');
    this.name = 'MissingCredentialsError';
  }

  override get actions(): readonly FixAction[] {
    return this.missing === 'appId' ? ['setUpAccount'] : ['setAppSecret'];
  }

  describe(localize: Localize = formatMessage): string {
    return this.missing === 'appId'
      ? localize('No WeChat AppID is set. Run "WeChat: Set Up Account".')
      : localize('No AppSecret is stored for this AppID. Run "WeChat: Set AppSecret".');
  }
}

/** Classic mode: the user declined a fetch that would invalidate the token their servers use. */
export class FetchDeclinedError extends WeChatError {
  static override readonly brand: string = 'FetchDeclinedError';
  constructor() {
    super('classic token fetch declined');
    this.name = 'FetchDeclinedError';
  }

  describe(localize: Localize = formatMessage): string {
    return localize('No token was fetched: in classic mode every fetch needs your confirmation.');
  }
}

/**
 * A source handed over a token that fails the one token check (tokenValue.ts): refused before it is
 * stored. Each source refuses such values itself, naming its key or URL; this is the manager's
 * last line for any source that would not.
 */
export class TokenValueRefusedError extends WeChatError {
  static override readonly brand: string = 'TokenValueRefusedError';
  constructor(
    /** Where the token came from (an API path, a Redis key, a URL), never the value. */
    readonly where: string,
    readonly detail: string,
  ) {
    super(`token from ${where} refused: ${detail}`);
    this.name = 'TokenValueRefusedError';
  }

  describe(localize: Localize = formatMessage): string {
    return localize('The token from {0} was refused: {1}. Nothing was used or stored.', this.where, this.detail);
  }
}

/** The setting `wechat.apiBaseUrl` is not an address the AppSecret may be sent to. */
export class InvalidBaseUrlError extends WeChatError {
  static override readonly brand: string = 'InvalidBaseUrlError';
  constructor(
    readonly input: string,
    readonly reason: 'invalid' | 'insecure',
  ) {
    super(`wechat.apiBaseUrl is ${reason}: ${input}`);
    this.name = 'InvalidBaseUrlError';
  }

  override get actions(): readonly FixAction[] {
    return ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    return this.reason === 'insecure'
      ? localize(
          'The setting "wechat.apiBaseUrl" ({0}) uses plain http. Use https; http is allowed only for 127.0.0.1 or localhost (a local fake server).',
          this.input,
        )
      : localize('The setting "wechat.apiBaseUrl" ({0}) is not a valid URL. Use e.g. https://api.weixin.qq.com.', this.input);
  }
}

/**
 * The AppSecret was not sent: the API host differs from the one it was last used with, and the
 * user declined, or nobody was asked (a background refresh never sends it to a new host).
 */
export class SecretHostRefusedError extends WeChatError {
  static override readonly brand: string = 'SecretHostRefusedError';
  constructor(
    readonly appId: string,
    readonly from: string,
    readonly to: string,
    readonly why: 'background' | 'declined',
    /** What was held back: the AppSecret (a token fetch) or an access token (an API call). */
    readonly carrying: 'appSecret' | 'accessToken' = 'appSecret',
  ) {
    super(
      `${carrying === 'appSecret' ? 'AppSecret' : 'access token'} of ${appId} not sent to ${to} (last used with ${from}): ${why === 'background' ? 'a background refresh does not ask' : 'declined'}`,
    );
    this.name = 'SecretHostRefusedError';
  }

  override get actions(): readonly FixAction[] {
    return ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    if (this.carrying === 'accessToken') {
      return localize(
        'The access token of {0} was not sent to {1} (you declined; its tokens went to {2} so far).',
        this.appId,
        this.to,
        this.from,
      );
    }
    return this.why === 'background'
      ? localize(
          'The AppSecret of {0} was not sent: "wechat.apiBaseUrl" now points to {1}, but it was last used with {2}. Run "WeChat: Refresh Access Token" to decide, or check the setting.',
          this.appId,
          this.to,
          this.from,
        )
      : localize('The AppSecret of {0} was not sent to {1} (you declined; it was last used with {2}).', this.appId, this.to, this.from);
  }
}

export type KeychainOperation = 'read' | 'store' | 'delete';

/** SecretStorage (the OS keychain) refused to read, store or delete a secret. */
export class KeychainError extends WeChatError {
  static override readonly brand: string = 'KeychainError';
  constructor(
    readonly operation: KeychainOperation,
    readonly detail: string,
  ) {
    super(`the OS keychain refused to ${operation} a secret: ${detail}`);
    this.name = 'KeychainError';
  }

  describe(localize: Localize = formatMessage): string {
    const what =
      this.operation === 'read'
        ? localize('The OS keychain refused to read a secret ({0}).', this.detail)
        : this.operation === 'store'
          ? localize('The OS keychain refused to store a secret ({0}).', this.detail)
          : localize('The OS keychain refused to delete a secret ({0}).', this.detail);
    return `${what} ${localize(
      'On Linux check that gnome-keyring or KWallet is running and unlocked (or start VS Code with --password-store=gnome-libsecret); on macOS unlock the login keychain. Then try again.',
    )}`;
  }
}
