// Where the AppSecret may go. `wechat.apiBaseUrl` is machine-scoped, so in a remote window (SSH,
// dev container, WSL) it comes from the remote machine's settings — which a repository's dev
// container configuration can set — while the AppSecret comes from the local keychain. Before
// the secret is sent to an API host other than the one it was last used with, the user is asked
// (both hosts named); a background refresh never asks and never sends: it stops with an error
// the status bar shows. The check sits in WeChatClient where a request carrying the secret is
// about to leave (stable_token, the classic token, clear_quota/v2), so no route can skip it.
// The access token gets the same care (checkToken, run by TokenManager.withToken before every
// API call): it is only valid for WeChat, and whoever receives it can act as the account.
import { SharedAnswers } from '../common/sharedAnswer';
import { WECHAT_API_ORIGIN } from './endpoints';
import { SecretHostRefusedError } from './refusals';

/** "https://api.weixin.qq.com", "http://127.0.0.1:8787": scheme, host and port, what a user can compare. */
export function apiOrigin(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** What the client knows about a request that carries an account's AppSecret. */
export interface SecretSend {
  readonly appId: string;
  /** The origin the request is about to go to. */
  readonly origin: string;
  /** A timer's refresh, nobody at the keyboard: never asks, never sends to a new host. */
  readonly background: boolean;
}

/** Remembers per account the origin its AppSecret was last used with (kept beside the secret). */
export interface SecretHostMemory {
  lastOrigin(appId: string): Promise<string | undefined>;
  rememberOrigin(appId: string, origin: string): Promise<void>;
  /**
   * A host the user let the account's access tokens go to without its AppSecret (a team-source
   * account behind the team's API relay). Kept apart: agreeing to send a token, which expires,
   * must not let the AppSecret follow unasked.
   */
  tokenOrigin(appId: string): Promise<string | undefined>;
  rememberTokenOrigin(appId: string, origin: string): Promise<void>;
}

export interface SecretHostGuardOptions {
  readonly memory: SecretHostMemory;
  /** The modal: true when the user chose to send the secret of `appId` to `to` (last used with `from`). */
  readonly confirm: (appId: string, from: string, to: string) => Promise<boolean>;
  /** The same for an access token (an API call): true when the user chose to send it to `to`. */
  readonly confirmToken: (appId: string, from: string, to: string) => Promise<boolean>;
}

export class SecretHostGuard {
  /** One question per account and host at a time: concurrent requests wait for the same answer. */
  private readonly answers = new SharedAnswers<void>();

  constructor(private readonly options: SecretHostGuardOptions) {}

  /** Resolves when the secret may go to `send.origin`; throws SecretHostRefusedError otherwise. */
  async check(send: SecretSend): Promise<void> {
    const from = (await this.options.memory.lastOrigin(send.appId)) ?? WECHAT_API_ORIGIN;
    if (from === send.origin) return;
    if (send.background) throw new SecretHostRefusedError(send.appId, from, send.origin, 'background');
    return this.answers.get(`${send.appId}\u0000${send.origin}`, () => this.ask(send.appId, from, send.origin));
  }

  /**
   * Before an API call sends the account's access token to `origin`. The token is only WeChat's
   * to see: a host the AppSecret was confirmed for (or WeChat's own) gets it unasked; any other
   * asks once, in a modal (every caller is a command; nothing calls the API on a timer).
   */
  async checkToken(appId: string, origin: string): Promise<void> {
    const from = (await this.options.memory.lastOrigin(appId)) ?? WECHAT_API_ORIGIN;
    if (from === origin || (await this.options.memory.tokenOrigin(appId)) === origin) return;
    return this.answers.get(`token\u0000${appId}\u0000${origin}`, () => this.askForToken(appId, from, origin));
  }

  private async askForToken(appId: string, from: string, to: string): Promise<void> {
    if (!(await this.options.confirmToken(appId, from, to))) throw new SecretHostRefusedError(appId, from, to, 'declined', 'accessToken');
    await this.options.memory.rememberTokenOrigin(appId, to);
  }

  private async ask(appId: string, from: string, to: string): Promise<void> {
    if (!(await this.options.confirm(appId, from, to))) throw new SecretHostRefusedError(appId, from, to, 'declined');
    await this.options.memory.rememberOrigin(appId, to);
  }
}
