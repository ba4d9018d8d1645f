// A token shown by its ends ("abcd…wxyz"), so "Show Token Source" can tell whether this window,
// production and a colleague hold the same token without displaying one that works: 8 of ~136+
// characters say nothing useful to an attacker.

/** Below this length the ends would be a large share of the token: nothing is shown. */
const MIN_LENGTH_FOR_ENDS = 24;
const ENDS = 4;

/** First and last 4 characters of a token; shorter than 24 characters, fully masked. */
export function fingerprint(token: string): string {
  if (token.length < MIN_LENGTH_FOR_ENDS) return '****';
  return `${token.slice(0, ENDS)}…${token.slice(-ENDS)}`;
}
