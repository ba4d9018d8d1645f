// The JS-SDK diagnostics command table: JS-SDK Signature for URL.
import * as vscode from 'vscode';
import { JSSDK_COMMANDS, JsSdkCommandId } from '../../../ui/commandIds';
import { CommandTable, isConfigured } from '../../../ui/commandTable';
import type { Commands } from '../../commandsBundle';

/** The implementation loads with the commands (dist/commands.js) on first use. */
export function jsSdkCommandTable(commands: () => Commands): CommandTable<JsSdkCommandId> {
  const t = vscode.l10n.t;
  return {
    [JSSDK_COMMANDS.jsSdkSignature]: {
      run: (invocation) => commands().jsSdk.run(invocation),
      pick: {
        group: t('Diagnostics'),
        label: `$(symbol-key) ${t('JS-SDK Signature for URL…')}`,
        detail: t('wx.config fields for a page behind a view button'),
        when: isConfigured,
      },
    },
  };
}
