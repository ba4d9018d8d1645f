// The call-diagnostics command table: Look Up Request, Show API Quota, Clear API Quota. The
// implementations load with the commands bundle (dist/commands.js) on first use.
import * as vscode from 'vscode';
import { CALL_DIAGNOSTICS_COMMANDS, CallDiagnosticsCommandId } from '../../../ui/commandIds';
import { CommandTable, isConfigured } from '../../../ui/commandTable';
import type { Commands } from '../../commandsBundle';

export function callDiagnosticsCommandTable(commands: () => Commands): CommandTable<CallDiagnosticsCommandId> {
  const diagnostics = (): Commands['callDiagnostics'] => commands().callDiagnostics;
  const t = vscode.l10n.t;
  const group = t('Why did a call fail?');
  return {
    [CALL_DIAGNOSTICS_COMMANDS.lookUpRequest]: {
      run: (invocation) => diagnostics().lookUpRequest(invocation),
      pick: { group, label: `$(search) ${t('Look Up Request')}`, detail: t('What WeChat received and answered for a rid from an errmsg'), when: isConfigured },
    },
    [CALL_DIAGNOSTICS_COMMANDS.showApiQuota]: {
      run: (invocation) => diagnostics().showApiQuota(invocation),
      pick: { group, label: `$(dashboard) ${t('Show API Quota')}`, detail: t('Daily limit, used and remaining calls per API'), when: isConfigured },
    },
    [CALL_DIAGNOSTICS_COMMANDS.clearApiQuota]: {
      run: (invocation) => diagnostics().clearApiQuota(invocation),
      pick: { group, label: `$(discard) ${t('Clear API Quota')}`, detail: t('Resets every daily count (10 times a month)'), when: isConfigured },
    },
  };
}
