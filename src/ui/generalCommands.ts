// Commands that belong to no single feature: the log and the status-bar quick pick.
import * as vscode from 'vscode';

import { GENERAL_COMMANDS, GeneralCommandId } from './commandIds';
import { CommandTable } from './commandTable';

export function generalCommandTable(showLog: () => void, showActions: () => Promise<void>): CommandTable<GeneralCommandId> {
  const t = vscode.l10n.t;
  return {
    [GENERAL_COMMANDS.showLog]: { run: showLog, pick: { group: t('Account'), label: `$(output) ${t('Show Log')}` } },
    [GENERAL_COMMANDS.showActions]: { run: showActions },
  };
}
