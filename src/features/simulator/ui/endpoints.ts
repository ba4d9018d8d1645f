// Which callback the active account's simulated messages go to: its settings (URL, message mode,
// original ID) and its secrets (Token, EncodingAESKey), read fresh for every exchange so a change
// in Set Up Callback or settings.json applies to the next tap. Also the follower's OpenID.
import type * as vscode from 'vscode';

import type { Account } from '../../../token/accounts';
import type { EndpointState } from '../core/chat/endpointState';
import { type CallbackSettings, isOpenId } from '../core/chat/settings';
import { randomOpenId, standInAccountUserName } from '../core/identities';
import { systemRandom } from '../core/random';
import type { CallbackEndpoint } from '../core/types';
import type { CallbackSecrets } from './callbackSecrets';

export type { EndpointState };

export interface EndpointHost {
  readonly account: () => Account | undefined;
  /** wechat.simulator.callbacks by AppID, read fresh. */
  readonly callbacks: () => ReadonlyMap<string, CallbackSettings>;
  readonly secrets: CallbackSecrets;
}

export class CallbackEndpoints {
  constructor(private readonly host: EndpointHost) {}

  async resolve(): Promise<EndpointState> {
    const account = this.host.account();
    if (!account) return { ok: false, missing: 'account' };
    const settings = this.host.callbacks().get(account.appId);
    if (!settings) return { ok: false, missing: 'url', account };
    const secrets = await this.host.secrets.read(account.appId);
    if (!secrets.token) return { ok: false, missing: 'token', account };
    if (settings.mode !== 'plaintext' && !secrets.encodingAesKey) return { ok: false, missing: 'aesKey', account };
    const endpoint: CallbackEndpoint = {
      appId: account.appId,
      accountUserName: settings.originalId || standInAccountUserName(account.appId),
      url: settings.url,
      mode: settings.mode,
      token: secrets.token,
      ...(settings.mode !== 'plaintext' && secrets.encodingAesKey ? { encodingAesKey: secrets.encodingAesKey } : {}),
    };
    return { ok: true, endpoint, account };
  }
}

const OPEN_ID_STATE_KEY = 'wechat.simulator.generatedOpenId';

/** The simulated follower: wechat.simulator.openId, or one random OpenID generated once per machine. */
export async function followerOpenId(configured: string | undefined, globalState: vscode.Memento): Promise<string> {
  if (configured && isOpenId(configured.trim())) return configured.trim();
  const saved = globalState.get<unknown>(OPEN_ID_STATE_KEY);
  if (typeof saved === 'string' && isOpenId(saved)) return saved;
  const generated = randomOpenId(systemRandom);
  await globalState.update(OPEN_ID_STATE_KEY, generated);
  return generated;
}
