// Interim format checks of the Token and the EncodingAESKey for the setup's input boxes, until the
// core's validators (issue 13, branch simcore) are merged. vscode-free: `t` is injected.
import type { Localize } from '../../common/localize';

export function tokenProblem(value: string, t: Localize): string | undefined {
  return /^[A-Za-z0-9]{3,32}$/.test(value) ? undefined : t('The Token is 3 to 32 letters or digits, as the console generates it.');
}

export function aesKeyProblem(value: string, t: Localize): string | undefined {
  return /^[A-Za-z0-9]{43}$/.test(value) ? undefined : t('The EncodingAESKey is exactly 43 letters or digits ({0} typed).', value.length);
}
