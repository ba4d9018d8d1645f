// Set Redis Password / Set Token Service Credential: typed into password boxes, stored in
// SecretStorage only. The connections reopen with them (TeamCredentials.onDidChange).
import * as vscode from 'vscode';

import { TeamCredentials } from '../../../ui/account/teamCredentials';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { RedactingLog } from '../../../ui/log';
import { showInformationMessage } from '../../../ui/notify';

export class TeamCredentialCommands {
  constructor(
    private readonly credentials: TeamCredentials,
    private readonly log: RedactingLog,
  ) {}

  /** User name (empty: the default user) and password of the team's Redis. */
  async setRedisPassword(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    const current = await this.credentials.redis();
    // Tests pass the user as `username` and the password as `appSecret` (test mode only).
    const username =
      invocation.test.appSecret === undefined
        ? await vscode.window.showInputBox({
            title: t('WeChat: Redis user (1/2)'),
            prompt: t('The Redis ACL user name; leave empty for the default user.'),
            value: current?.username ?? '',
            ignoreFocusOut: true,
          })
        : (invocation.test.username ?? '');
    if (username === undefined) return false;
    const password =
      invocation.test.appSecret ??
      (await vscode.window.showInputBox({
        title: t('WeChat: Redis password (2/2)'),
        prompt: t('Stored only in the OS keychain (VS Code SecretStorage), never in settings or logs. Leave empty to remove it.'),
        password: true,
        ignoreFocusOut: true,
      }));
    if (password === undefined) return false;
    if (password) this.log.redactor.addSecret(password);
    await this.credentials.storeRedis({ username: username.trim() || undefined, password: password || undefined });
    this.log.info(`Redis credentials ${password ? 'stored' : 'removed'} (user ${username.trim() || 'default'})`);
    void showInformationMessage(password ? t('Redis credentials saved.') : t('Redis password removed.'));
    return true;
  }

  async setTokenServiceCredential(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    const credential =
      invocation.test.appSecret ??
      (await vscode.window.showInputBox({
        title: t('WeChat: Token service credential'),
        prompt: t(
          'Sent as "Authorization: Bearer …" to the team\'s token service. Stored only in SecretStorage. Leave empty to remove it.',
        ),
        password: true,
        ignoreFocusOut: true,
      }));
    if (credential === undefined) return false;
    if (credential) this.log.redactor.addSecret(credential);
    await this.credentials.storeTokenService(credential.trim() || undefined);
    this.log.info(`token service credential ${credential ? 'stored' : 'removed'}`);
    void showInformationMessage(credential ? t('Token service credential saved.') : t('Token service credential removed.'));
    return true;
  }
}
