// The one check of an access token's value and expiry, whichever source it comes from (WeChat's
// answer, the team's Redis, the team's token service, the token store). Every token ends up in
// query strings, in the terminal's WECHAT_ACCESS_TOKEN and in `${command:wechat.accessToken}`,
// which a task pastes into a shell command line: whoever can write the team's Redis must not be
// able to put shell syntax (`"; curl …`, `$(id)`) or a 10 MB value there through us.
//
// WeChat's tokens are URL-safe base64-like text (`86_Ab…-x_…`, [A-Za-z0-9_-]), about 136–200
// characters today; WeChat asks developers to reserve 512 characters for them. Anything else is
// refused, and said by its type and length only: the value may be a credential.

/** WeChat: "access_token 的存储至少要保留 512 个字符空间" — reserve 512 characters. */
export const MAX_ACCESS_TOKEN_LENGTH = 512;

/**
 * WeChat's tokens live 7200 s. An expiry further ahead than this is garbage or a unit mix-up (ms
 * read as s: the year 33715), and is refused, not clamped: a token whose lifetime nobody can tell
 * would be shown as valid and handed out for days.
 */
export const MAX_TOKEN_LIFETIME_MS = 2 * 24 * 3_600_000;

const TOKEN_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/**
 * Why `value` is not an access token as WeChat issues them, phrased to follow the field's name
 * ("access_token is an empty string"); undefined when it is one.
 */
export function accessTokenProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is ${value === null ? 'null' : typeof value}, not a string`;
  if (value.length === 0) return 'is an empty string';
  if (value.length > MAX_ACCESS_TOKEN_LENGTH) return `is ${value.length} characters long, more than a token can be`;
  if (hasSpaceOrControl(value)) return 'contains whitespace or control characters';
  if (!TOKEN_CHARACTERS.test(value)) return "contains characters WeChat's tokens never have (only A-Z, a-z, 0-9, _ and -)";
  return undefined;
}

/** Why an absolute expiry (ms since the epoch) cannot be a token's, seen at `now`; undefined when it can. */
export function expiryProblem(expiresAt: number, now: number): string | undefined {
  if (!Number.isFinite(expiresAt)) return 'is not a finite time';
  if (expiresAt - now > MAX_TOKEN_LIFETIME_MS) {
    return `is ${spanOf(expiresAt - now)} ahead, more than the ${MAX_TOKEN_LIFETIME_MS / 3_600_000} hours a token can live`;
  }
  return undefined;
}

function hasSpaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return /\s/.test(text);
}

/** "49 hours", "11574074 days": enough to see how far off an expiry is. */
function spanOf(ms: number): string {
  const hours = ms / 3_600_000;
  return hours < 96 ? `${Math.round(hours)} hours` : `${Math.round(hours / 24)} days`;
}
