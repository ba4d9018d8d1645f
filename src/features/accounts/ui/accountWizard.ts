// Add Account…: name, AppID, and where its token comes from — WeChat with an AppSecret on this
// machine, or the team's Redis / token service (read-only, no AppSecret). Writes the account to
// the user's `wechat.accounts`, the connection URL to the machine-scoped setting if it is missing,
// the credentials to SecretStorage, and makes the account this workspace's.
import * as vscode from 'vscode';

import { AccountEntry, saveAccount, saveConnectionSetting, WeChatConfig } from '../../../config';
import { isAccountAppId } from '../../../token/accounts';
import { REDIS_LAYOUTS, redisKeyFor, RedisLayout } from '../../../token/sources/redis/layouts';
import { ActiveAccount } from '../../../ui/account/activeAccount';
import { PLAIN_INVOCATION } from '../../../ui/invocation';
import { showInformationMessage } from '../../../ui/notify';
import { checkAccountName, checkConnectionUrl, checkRedisKeyTemplate } from '../core/accountInput';
import { AccountCommands } from './accountCommands';
import { TeamCredentialCommands } from './teamCredentialCommands';

type Source = AccountEntry['tokenSource'];

/** What each Redis preset is called in the pick (the SDK that writes that layout). */
const LAYOUT_LABELS: Readonly<Record<RedisLayout, string>> = {
  wxjava: 'WxJava (Java)',
  silenceper: 'silenceper/wechat (Go)',
  'silenceper-stable': 'silenceper/wechat (Go), stable token',
  wechatpy: 'wechatpy (Python)',
  custom: 'Custom key template',
};

export class AccountWizard {
  constructor(
    private readonly accounts: ActiveAccount,
    /** Asks for and stores the AppSecret (password box, redacted from then on). */
    private readonly secrets: Pick<AccountCommands, 'storeAppSecret'>,
    private readonly credentials: TeamCredentialCommands,
    private readonly config: () => WeChatConfig,
  ) {}

  async addAccount(): Promise<boolean> {
    const t = vscode.l10n.t;
    const name = await vscode.window.showInputBox({
      title: t('WeChat: Add Account (1/3)'),
      prompt: t('A name for the account, e.g. "Test account" or "Production"'),
      ignoreFocusOut: true,
      validateInput: (text) => (checkAccountName(text) ? t('Enter a name.') : undefined),
    });
    if (!name?.trim()) return false;
    // The account list takes only AppIDs of this form (parseAccounts): refuse others here, not later.
    const appId = (
      await vscode.window.showInputBox({
        title: t('WeChat: Add Account (2/3)'),
        prompt: t('AppID of the Official Account'),
        placeHolder: 'wx0123456789abcdef',
        ignoreFocusOut: true,
        validateInput: (text) => (isAccountAppId(text) ? undefined : t('An AppID is wx followed by 16 letters or digits.')),
      })
    )?.trim();
    if (!appId) return false;
    const source = await this.pickSource();
    if (!source) return false;
    const entry = await this.complete({ name: name.trim(), appId, tokenSource: source });
    if (!entry) return false;
    await saveAccount(entry);
    await this.accounts.select(appId);
    void showInformationMessage(t('Account {0} added and selected for this workspace.', entry.name));
    return true;
  }

  private async pickSource(): Promise<Source | undefined> {
    const t = vscode.l10n.t;
    const items: Array<vscode.QuickPickItem & { source: Source }> = [
      {
        label: `$(key) ${t('WeChat API')}`,
        detail: t("Fetch the token with the AppSecret, stored on this machine (stable_token: never breaks the servers' token)."),
        source: 'wechat',
      },
      {
        label: `$(database) ${t('Team Redis (read-only)')}`,
        detail: t('Read the token production keeps in Redis (WxJava, silenceper/wechat, wechatpy layouts). No AppSecret here.'),
        source: 'redis',
      },
      {
        label: `$(server) ${t('Team token service (read-only)')}`,
        detail: t("GET the token from the team's token service (中控服务器). No AppSecret here."),
        source: 'url',
      },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: t('WeChat: Add Account (3/3) — where does the token come from?'),
      ignoreFocusOut: true,
    });
    return picked?.source;
  }

  /** Asks what the chosen source needs; undefined when the user gave up. */
  private async complete(base: AccountEntry): Promise<AccountEntry | undefined> {
    switch (base.tokenSource) {
      case 'wechat':
        return (await this.secrets.storeAppSecret(base.appId, PLAIN_INVOCATION)) ? base : undefined;
      case 'redis': {
        const redis = await this.askRedisLayout(base.appId);
        if (!redis) return undefined;
        if (!this.config().redisUrl && !(await this.askConnection('redis.url'))) return undefined;
        return { ...base, redis };
      }
      case 'url':
        return this.config().tokenServiceUrl || (await this.askConnection('tokenService.url')) ? base : undefined;
    }
  }

  /** A layout preset, shown with the exact key it reads for this AppID. */
  private async askRedisLayout(appId: string): Promise<AccountEntry['redis'] | undefined> {
    const t = vscode.l10n.t;
    const items = REDIS_LAYOUTS.map((layout) => ({
      label: LAYOUT_LABELS[layout],
      description: layout === 'custom' ? t('a key template with {appid}') : redisKeyFor(appId, { layout }),
      layout,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: t('Which SDK writes the token to Redis?'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.layout !== 'custom') return { layout: picked.layout };
    const key = await vscode.window.showInputBox({
      title: t('Redis key template'),
      prompt: t('The key production writes, with {appid} where the AppID goes'),
      placeHolder: 'myapp:{appid}:access_token',
      ignoreFocusOut: true,
      validateInput: (text) => (checkRedisKeyTemplate(text) ? t('The template must contain {appid}.') : undefined),
    });
    return key ? { layout: 'custom', key: key.trim() } : undefined;
  }

  /** The team's Redis or token service URL (machine-scoped user setting), then its credential. */
  private async askConnection(setting: 'redis.url' | 'tokenService.url'): Promise<boolean> {
    const t = vscode.l10n.t;
    const redis = setting === 'redis.url';
    const url = await vscode.window.showInputBox({
      title: redis ? t("The team's Redis") : t("The team's token service"),
      prompt: redis
        ? t('redis://host:port/db or rediss:// for TLS — without the password, which goes to SecretStorage next')
        : t('https://… answering {"access_token","expires_in"}; {appid} in the URL is replaced by the AppID'),
      placeHolder: redis ? 'rediss://redis.internal:6380/0' : 'https://token.internal/wechat/token?appid={appid}',
      ignoreFocusOut: true,
      validateInput: (text) => {
        switch (checkConnectionUrl(redis ? 'redis' : 'url', text)) {
          case 'redisScheme':
            return t('Use a redis:// or rediss:// URL.');
          case 'httpsScheme':
            return t('Use an https:// URL (http only for 127.0.0.1 or localhost).');
          case 'password':
            return t('Leave the password out of the URL: it goes to SecretStorage next.');
          case 'invalid':
            return t(
              'This URL cannot be read. Write it like {0}.',
              redis ? 'rediss://redis.internal:6380/0' : 'https://token.internal/wechat/token?appid={appid}',
            );
          default:
            return undefined;
        }
      },
    });
    if (!url?.trim()) return false;
    await saveConnectionSetting(setting, url.trim());
    if (redis) await this.credentials.setRedisPassword();
    else await this.credentials.setTokenServiceCredential();
    return true;
  }
}
