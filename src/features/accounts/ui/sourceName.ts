// How messages name a team token source.
import * as vscode from 'vscode';

/** "Redis" or "token service", in the user's language. */
export function sourceName(account: { readonly tokenSource: string }): string {
  return account.tokenSource === 'redis' ? vscode.l10n.t('Redis') : vscode.l10n.t('token service');
}
