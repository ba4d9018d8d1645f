// What the setup's input boxes say about a Token or EncodingAESKey being typed: the core's format
// rules (src/callback/secretFormat.ts), in the user's language. vscode-free: `t` is injected.
import type { Localize } from '../../../../common/localize';
import { isValidCallbackToken, isValidEncodingAesKey } from '../secretFormat';

export function tokenProblem(value: string, t: Localize): string | undefined {
  return isValidCallbackToken(value)
    ? undefined
    : t('The Token is 3 to 32 letters or digits, as the console generates it ({0} characters typed).', value.length);
}

export function aesKeyProblem(value: string, t: Localize): string | undefined {
  return isValidEncodingAesKey(value)
    ? undefined
    : t('The EncodingAESKey is exactly 43 letters or digits, as the console generates it ({0} characters typed).', value.length);
}
