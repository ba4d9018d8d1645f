// The token's status-bar item: renders statusView(state) and wakes up only when the countdown
// text is due to change. Setting text/tooltip/colour happens only when they differ, so an idle
// window does not repaint the status bar.
import * as vscode from 'vscode';

import { Clock, TimerHandle } from '../../../common/clock';
import { TokenManager } from '../../../token/manager';
import { formatRemaining } from '../../../token/status/countdown';
import { StatusDetails, StatusView, statusView, TeamSourceLabel } from '../../../token/status/statusView';
import { TokenMode } from '../../../token/store';
import { ACCOUNT_COMMANDS, GENERAL_COMMANDS, NETWORK_COMMANDS, TOKEN_COMMANDS } from '../../../ui/commandIds';

export interface StatusBarSettings {
  readonly marginMs: number;
  readonly mode: TokenMode;
  readonly accountName?: string;
  readonly teamSource?: TeamSourceLabel;
}

export class TokenStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: TimerHandle | undefined;
  private lastKey = '';
  private view: StatusView | undefined;
  private visible = false;
  /** How often the item was actually repainted (for tests and the benchmark). */
  renderCount = 0;

  constructor(
    private readonly manager: TokenManager,
    private readonly clock: Clock,
    private readonly settings: () => StatusBarSettings,
  ) {
    this.item = vscode.window.createStatusBarItem('wechat.token', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('WeChat Access Token');
    this.item.command = GENERAL_COMMANDS.showActions;
  }

  get current(): StatusView | undefined {
    return this.view;
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** Shown only where it is relevant (statusBarVisible); hiding keeps the countdown state. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.item.show();
    else this.item.hide();
  }

  /** Recomputes the view from the manager's state and the clock. */
  update(): void {
    this.timer?.cancel();
    this.timer = undefined;
    const settings = this.settings();
    const view = statusView(this.manager.state, {
      now: this.clock.now(),
      marginMs: settings.marginMs,
      mode: settings.mode,
      accountName: settings.accountName,
      teamSource: settings.teamSource,
      localize: vscode.l10n.t,
    });
    this.view = view;
    const key = JSON.stringify([view.text, view.tone, view.kind, view.details]);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.render(view);
    }
    if (view.nextChangeInMs !== undefined && Number.isFinite(view.nextChangeInMs)) {
      this.timer = this.clock.setTimer(() => this.update(), view.nextChangeInMs);
    }
  }

  dispose(): void {
    this.timer?.cancel();
    this.item.dispose();
  }

  private render(view: StatusView): void {
    this.renderCount++;
    this.item.text = view.text;
    this.item.backgroundColor = view.tone === 'normal' ? undefined : new vscode.ThemeColor(`statusBarItem.${view.tone}Background`);
    this.item.tooltip = tooltip(view.details, view, this.clock.now());
    this.item.accessibilityInformation = { label: accessibleLabel(view) };
  }
}

function tooltip(details: StatusDetails, view: StatusView, now: number): vscode.MarkdownString {
  const t = vscode.l10n.t;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = {
    enabledCommands: [
      TOKEN_COMMANDS.copyAccessToken,
      TOKEN_COMMANDS.refreshAccessToken,
      GENERAL_COMMANDS.showLog,
      ACCOUNT_COMMANDS.setupAccount,
      ...IP_WHITELIST_COMMANDS,
    ],
  };
  md.appendMarkdown(`**${t('WeChat Access Token')}**\n\n`);
  const rows: Array<[string, string]> = [];
  if (details.accountName) rows.push([t('Account'), details.accountName]);
  rows.push([t('AppID'), details.appId ?? t('not set')]);
  if (details.teamSource) {
    const left = details.expiresAt === undefined ? t('expiry unknown') : `TTL ${formatRemaining(details.expiresAt - now, t)}`;
    const kind = details.teamSource.kind === 'redis' ? t('Redis') : t('token service');
    rows.push([t('Source'), `${kind} ${details.teamSource.where} · ${left}`]);
  } else {
    rows.push([
      t('Mode'),
      details.mode === 'stable' ? t('stable_token (safe, shared)') : t('classic (each fetch invalidates the previous token)'),
    ]);
  }
  if (details.expiresAt !== undefined) rows.push([t('Expires at'), localTime(details.expiresAt)]);
  if (details.obtainedAt !== undefined) rows.push([t('Obtained at'), localTime(details.obtainedAt)]);
  for (const [label, value] of rows) md.appendMarkdown(`${label}: ${escape(value)}  \n`);
  if (details.lastError) md.appendMarkdown(`\n$(error) ${escape(details.lastError)}\n`);
  const fixes = ipWhitelistLinks(details);
  if (fixes.length > 0) md.appendMarkdown(`\n${fixes.join(' · ')}\n`);
  md.appendMarkdown('\n---\n');
  const links =
    view.kind === 'setup'
      ? [`[${t('Set Up Account')}](command:${ACCOUNT_COMMANDS.setupAccount})`]
      : [
          `[$(copy) ${t('Copy')}](command:${TOKEN_COMMANDS.copyAccessToken})`,
          `[$(refresh) ${t('Refresh')}](command:${TOKEN_COMMANDS.refreshAccessToken})`,
          `[$(output) ${t('Show Log')}](command:${GENERAL_COMMANDS.showLog})`,
        ];
  md.appendMarkdown(links.join(' · '));
  return md;
}

const IP_WHITELIST_COMMANDS = [NETWORK_COMMANDS.copyCallerIp, NETWORK_COMMANDS.openIpWhitelist];

/** After a 40164 (caller IP not whitelisted): the same two fixes the error notification offers. */
function ipWhitelistLinks(details: StatusDetails): string[] {
  const t = vscode.l10n.t;
  const actions = details.lastErrorActions ?? [];
  const links: string[] = [];
  if (actions.includes('copyCallerIp')) links.push(`[$(copy) ${t('Copy IP')}](command:${NETWORK_COMMANDS.copyCallerIp})`);
  if (actions.includes('openIpWhitelist'))
    links.push(`[$(link-external) ${t('Open MP Console for the IP Whitelist')}](command:${NETWORK_COMMANDS.openIpWhitelist})`);
  return links;
}

function accessibleLabel(view: StatusView): string {
  return `${vscode.l10n.t('WeChat Access Token')}: ${view.text.replace(/\$\([^)]*\)\s*/g, '')}`;
}

function localTime(ms: number): string {
  return new Date(ms).toLocaleString(vscode.env.language);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (char) => `\\${char}`);
}
