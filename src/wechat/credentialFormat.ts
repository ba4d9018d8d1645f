// Sanity checks that catch the usual paste mistakes (a stray space, the AppID pasted into the
// secret box) before anything is stored or sent. A format mismatch is a warning, not a block:
// WeChat is the judge of what is valid.

export type CredentialProblem = 'empty' | 'format';

/**
 * Official Account AppIDs are `wx` + 16 hex digits; the check accepts `wx` + 14–32 letters or
 * digits so that other account kinds and test accounts (测试号) pass without a warning.
 */
export function checkAppId(value: string): CredentialProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'empty';
  return /^wx[0-9a-zA-Z]{14,32}$/.test(trimmed) ? undefined : 'format';
}

/** AppSecrets are 32 hex digits; 16–64 letters or digits pass, anything else is worth a warning. */
export function checkAppSecret(value: string): CredentialProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'empty';
  return /^[0-9a-zA-Z]{16,64}$/.test(trimmed) ? undefined : 'format';
}
