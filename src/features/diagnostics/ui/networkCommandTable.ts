// The network diagnostics' command table: Show WeChat Server IPs, Check Callback Network, and the
// 40164 fixes the status-bar tooltip links to (hidden from the palette: they act on the last error).
import * as vscode from 'vscode';
import { NETWORK_COMMANDS, NetworkCommandId } from '../../../ui/commandIds';
import { CommandTable, isConfigured } from '../../../ui/commandTable';
import type { Commands } from '../../commandsBundle';

/** `commands` loads the implementations (dist/commands.js) on first use. */
export function networkCommandTable(commands: () => Commands): CommandTable<NetworkCommandId> {
  const network = (): Commands['network'] => commands().network;
  const t = vscode.l10n.t;
  const group = t('Network');
  return {
    [NETWORK_COMMANDS.showServerIps]: {
      run: () => network().showServerIps(),
      pick: { group, label: `$(globe) ${t('Show WeChat Server IPs')}`, detail: t('API entry IPs (outbound rules) and callback IPs (inbound rules)'), when: isConfigured },
    },
    [NETWORK_COMMANDS.checkCallbackNetwork]: {
      run: (invocation) => network().checkCallbackNetwork(invocation),
      pick: { group, label: `$(pulse) ${t('Check Callback Network')}`, detail: t('WeChat resolves and pings your callback server'), when: isConfigured },
    },
    [NETWORK_COMMANDS.copyCallerIp]: { run: () => network().copyCallerIp() },
    [NETWORK_COMMANDS.openIpWhitelist]: { run: () => network().openIpWhitelist() },
  };
}
