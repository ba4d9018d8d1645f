// The `wechat` source: fetches the token from WeChat with the AppSecret — stable_token (normal
// mode shares one token and invalidates nothing) or, opted in, the classic /cgi-bin/token.
import { Clock } from '../../common/clock';
import { Credentials, WeChatApi } from '../../wechat/client';
import { CLASSIC_TOKEN, STABLE_TOKEN } from '../../wechat/endpoints';
import { FetchDeclinedError } from '../../wechat/refusals';
import type { TokenMode } from '../store';
import type { ManagedSource, ObtainRequest } from './managedSource';
import type { SourcedToken } from './source';

export interface WeChatSourceOptions {
  readonly api: Pick<WeChatApi, 'classicToken' | 'stableToken'>;
  readonly clock: Clock;
  readonly mode: () => TokenMode;
  /** Resolves the AppSecret (SecretStorage); throws MissingCredentialsError when absent. */
  readonly credentials: (appId: string) => Promise<Credentials>;
  /** Asked before a classic fetch the user has not confirmed: it invalidates the servers' token of `appId`. */
  readonly confirmClassicFetch?: (appId: string) => Promise<boolean>;
  /**
   * The secret-host check (src/wechat/secretHost.ts) asked ahead of the fetch: its modal may stay
   * open for minutes, so it runs in prepare(), before the manager re-reads the store, not inside
   * the request, where a token another window stored meanwhile would be replaced (classic: and
   * invalidated). The client still checks again right before the secret leaves (then a no-op).
   * A background refresh never asks, so it is left to that check inside the fetch: its refusal
   * then becomes the failed state the status bar shows.
   */
  readonly checkSecretHost?: (appId: string, background: boolean) => Promise<void>;
}

export class WeChatTokenSource implements ManagedSource {
  readonly kind = 'wechat' as const;

  constructor(private readonly options: WeChatSourceOptions) {}

  describe(): string {
    return (this.options.mode() === 'classic' ? CLASSIC_TOKEN : STABLE_TOKEN).path;
  }

  /** The mode is the request's (read once by the manager), never the setting again: see ObtainRequest.mode. */
  async prepare(appId: string, request: ObtainRequest): Promise<void> {
    if (!request.background) await this.options.checkSecretHost?.(appId, false);
    const confirm = this.options.confirmClassicFetch;
    if (request.mode !== 'classic' || request.confirmed || !confirm) return;
    // A timer's refresh asks nobody: a classic fetch, which breaks the servers' token, is never made unasked.
    if (request.background || !(await confirm(appId))) throw new FetchDeclinedError();
  }

  async obtain(appId: string, request: ObtainRequest): Promise<SourcedToken> {
    const credentials = await this.options.credentials(appId);
    const grant =
      request.mode === 'classic'
        ? await this.options.api.classicToken(credentials, { background: request.background })
        : await this.options.api.stableToken(credentials, request.force, { background: request.background });
    // expires_in counts from WeChat's answer, so it is measured from its arrival (late by the return
    // trip only, far inside the refresh margin). Measured from the request, a slow request made the
    // expiry look early by its whole latency: the refresh then came before stable_token's renewal
    // window, got the same token back and had to ask again a minute later.
    return { accessToken: grant.accessToken, expiresAt: this.options.clock.now() + grant.expiresInSeconds * 1000 };
  }
}
