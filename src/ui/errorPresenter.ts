// Every failure the user sees says what to do and offers the action that does it; the full
// detail goes to the log, one click away. Which actions an error offers is data (the errcode
// table's `actions`, the error classes' `actions`); this file only maps each FixAction to what
// VS Code does for it. Messages never contain secrets (errors are built without them, and the
// log redacts).
import * as vscode from 'vscode';

import { errorMessage } from '../common/errorMessage';
import { FixAction } from '../common/fixAction';
import { WeChatApiError } from '../wechat/apiErrors';
import { MP_CONSOLE_URL } from '../wechat/endpoints';
import { describeError, WeChatError } from '../wechat/errors';
import { FetchDeclinedError, SecretHostRefusedError } from '../wechat/refusals';
import { ACCOUNT_COMMANDS, CALL_DIAGNOSTICS_COMMANDS, NETWORK_COMMANDS, TOKEN_COMMANDS } from './commandIds';
import { RedactingLog } from './log';
import { showErrorMessage } from './notify';

interface Action {
  readonly title: string;
  run(): Thenable<unknown> | void;
}

/** Opens the MP console in the browser (its root: WeChat documents no deep links into it). */
export function openMpConsole(): Thenable<boolean> {
  return vscode.env.openExternal(vscode.Uri.parse(MP_CONSOLE_URL));
}

export class ErrorPresenter {
  constructor(private readonly log: RedactingLog) {}

  /** Shows `error` prefixed with what was being done, e.g. "Could not copy the access token". */
  async show(what: string, error: unknown): Promise<void> {
    // The user said no to a classic-mode fetch: nothing failed, nothing to report.
    if (error instanceof FetchDeclinedError) return;
    // The user said no to sending the AppSecret to a new host: the status bar says why, no error to add.
    if (error instanceof SecretHostRefusedError && error.why === 'declined') return;
    const message = `${what}: ${describeError(error, vscode.l10n.t)}`;
    this.log.error(`${what}: ${errorMessage(error)}`);
    const fixes = error instanceof WeChatError ? error.actions.map((action) => fixAction(action, error)) : [];
    const actions = [...fixes, { title: vscode.l10n.t('Show Log'), run: () => this.log.show() }];
    const picked = await showErrorMessage(this.log.redactor.redact(message), ...actions.map((action) => action.title));
    await actions.find((action) => action.title === picked)?.run();
  }
}

/** What VS Code does for each FixAction. */
function fixAction(action: FixAction, error: WeChatError): Action {
  const t = vscode.l10n.t;
  switch (action) {
    case 'setAppSecret':
      return command(t('Set AppSecret'), ACCOUNT_COMMANDS.setAppSecret);
    case 'setUpAccount':
      return command(t('Set Up Account'), ACCOUNT_COMMANDS.setupAccount);
    case 'copyCallerIp': {
      const ip = error instanceof WeChatApiError ? (error.callerIp ?? '') : '';
      return { title: t('Copy IP {0}', ip), run: () => vscode.env.clipboard.writeText(ip) };
    }
    case 'openConsole':
      return { title: t('Open MP Console'), run: openMpConsole };
    case 'tokenModeSetting':
      return settings(t('Token Mode Setting'), 'wechat.tokenMode');
    case 'timeoutSetting':
      return settings(t('Timeout Setting'), 'wechat.requestTimeoutSeconds');
    case 'apiBaseUrlSetting':
      return settings(t('API Base URL Setting'), 'wechat.apiBaseUrl');
    case 'accountsSetting':
      return settings(t('Accounts Setting'), 'wechat.accounts');
    case 'redisSettings':
      return settings(t('Redis Settings'), 'wechat.redis');
    case 'tokenServiceSettings':
      return settings(t('Token Service Setting'), 'wechat.tokenService');
    case 'setRedisPassword':
      return command(t('Set Redis Password'), ACCOUNT_COMMANDS.setRedisPassword);
    case 'setTokenServiceCredential':
      return command(t('Set Token Service Credential'), ACCOUNT_COMMANDS.setTokenServiceCredential);
    case 'showTokenSource':
      return command(t('Show Token Source'), TOKEN_COMMANDS.showTokenSource);
    case 'switchAccount':
      return command(t('Switch Account'), ACCOUNT_COMMANDS.switchAccount);
    case 'lookUpRequest': {
      // The rid goes along as the command's argument, so no input box asks for it.
      const rid = error instanceof WeChatApiError ? (error.rid ?? '') : '';
      return { title: t('Look Up Request'), run: () => vscode.commands.executeCommand(CALL_DIAGNOSTICS_COMMANDS.lookUpRequest, rid) };
    }
    case 'showQuota':
      return command(t('Show API Quota'), CALL_DIAGNOSTICS_COMMANDS.showApiQuota);
    case 'clearQuota':
      return command(t('Clear API Quota'), CALL_DIAGNOSTICS_COMMANDS.clearApiQuota);
    case 'openIpWhitelist':
      return command(t('Open MP Console for the IP Whitelist'), NETWORK_COMMANDS.openIpWhitelist);
  }
}

function command(title: string, id: string): Action {
  return { title, run: () => vscode.commands.executeCommand(id) };
}

function settings(title: string, key: string): Action {
  return { title, run: () => vscode.commands.executeCommand('workbench.action.openSettings', key) };
}
