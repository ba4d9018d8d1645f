// How messages name a team token source, in the user's language (`t` is vscode.l10n.t).
import type { Localize } from '../../../common/localize';

/** "Redis" or "token service". */
export function sourceName(account: { readonly tokenSource: string }, t: Localize): string {
  return account.tokenSource === 'redis' ? t('Redis') : t('token service');
}
