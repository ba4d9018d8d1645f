// Quick-pick items of the menu commands: backups to restore, conditional menus to delete.
import * as vscode from 'vscode';

import type { MenuBackupSummary } from '../core/backups';
import { summarizeMenu } from '../core/convert';
import type { ConditionalMenu } from '../core/model';

/** A time in the UI language, e.g. for the backup a restore comes from. */
export function localTime(ms: number): string {
  return new Date(ms).toLocaleString(vscode.env.language);
}

export function backupItem(summary: MenuBackupSummary): vscode.QuickPickItem {
  const t = vscode.l10n.t;
  const reason =
    summary.reason === 'delete'
      ? t('before delete')
      : summary.reason === 'upload'
        ? t('before upload')
        : summary.reason === 'restore'
          ? t('before restore')
          : undefined;
  return {
    label: `$(history) ${localTime(summary.savedAt)}`,
    description: [summary.accountLabel, reason].filter(Boolean).join(' · '),
    detail: summary.buttonNames.join(' · '),
  };
}

export function conditionalItem(entry: ConditionalMenu): vscode.QuickPickItem {
  const rule = Object.entries(entry.menu.matchrule ?? {})
    .map(([field, value]) => `${field}=${value}`)
    .join(', ');
  return { label: `menuid ${entry.menuid ?? '?'}`, description: rule, detail: summarizeMenu(entry.menu).join(' · ') };
}
