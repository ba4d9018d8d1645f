// Every failure the user sees says what to do and offers the action that does it; the full
// detail goes to the log, one click away. Messages never contain secrets (errors are built
// without them, and the log redacts).
import * as vscode from 'vscode';
import { describeError, FetchDeclinedError, MissingCredentialsError, WeChatApiError, WeChatTransportError } from '../../wechat/errors';
import { COMMANDS } from './commandIds';
import { RedactingLog } from './log';

interface Action {
  readonly title: string;
  run(): Thenable<unknown> | void;
}

export class ErrorPresenter {
  constructor(private readonly log: RedactingLog) {}

  /** Shows `error` prefixed with what was being done, e.g. "Could not copy the access token". */
  async show(what: string, error: unknown): Promise<void> {
    // The user said no to a classic-mode fetch: nothing failed, nothing to report.
    if (error instanceof FetchDeclinedError) return;
    const message = `${what}: ${describeError(error, vscode.l10n.t)}`;
    this.log.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    const actions = [...this.actionsFor(error), this.showLogAction()];
    const picked = await vscode.window.showErrorMessage(
      this.log.redactor.redact(message),
      ...actions.map((action) => action.title),
    );
    await actions.find((action) => action.title === picked)?.run();
  }

  private actionsFor(error: unknown): Action[] {
    const t = vscode.l10n.t;
    if (error instanceof MissingCredentialsError) {
      return error.missing === 'appId'
        ? [command(t('Set Up Account'), COMMANDS.setupAccount)]
        : [command(t('Set AppSecret'), COMMANDS.setAppSecret)];
    }
    if (error instanceof WeChatApiError) {
      switch (error.errcode) {
        case 40001:
        case 40125:
        case 41004:
          return [command(t('Set AppSecret'), COMMANDS.setAppSecret)];
        case 40013:
        case 41002:
          return [command(t('Set Up Account'), COMMANDS.setupAccount)];
        case 40164: {
          const ip = error.callerIp;
          return ip
            ? [{ title: t('Copy IP {0}', ip), run: () => vscode.env.clipboard.writeText(ip) }, openConsole()]
            : [openConsole()];
        }
        case 45009:
          return [settings(t('Token Mode Setting'), 'wechat.tokenMode'), openConsole()];
        case 89503:
        case 48001:
        case 50001:
        case 50002:
          return [openConsole()];
        default:
          return [];
      }
    }
    if (error instanceof WeChatTransportError && error.failure !== 'cancelled') {
      return error.failure === 'timeout'
        ? [settings(t('Timeout Setting'), 'wechat.requestTimeoutSeconds')]
        : [settings(t('API Base URL Setting'), 'wechat.apiBaseUrl')];
    }
    return [];
  }

  private showLogAction(): Action {
    return { title: vscode.l10n.t('Show Log'), run: () => this.log.show() };
  }
}

function command(title: string, id: string): Action {
  return { title, run: () => vscode.commands.executeCommand(id) };
}

function settings(title: string, key: string): Action {
  return { title, run: () => vscode.commands.executeCommand('workbench.action.openSettings', key) };
}

function openConsole(): Action {
  return {
    title: vscode.l10n.t('Open MP Console'),
    run: () => vscode.env.openExternal(vscode.Uri.parse('https://mp.weixin.qq.com/')),
  };
}
