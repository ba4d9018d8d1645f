// Stand-ins for the two user names of a simulated exchange when the real ones are not known: the
// follower's OpenID (setting wechat.simulator.openId, random by default) and the account's
// original ID (gh_…), which the MP console shows but no API returns for every account kind.
import { createHash } from 'node:crypto';

import { RandomSource } from './random';

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** An OpenID-shaped string: "o" + 27 URL-safe base64 characters, as an Official Account's are. */
export function randomOpenId(random: RandomSource): string {
  const bytes = random.bytes(27);
  let out = 'o';
  for (let i = 0; i < 27; i++) out += OPENID_ALPHABET[(bytes[i] ?? 0) % OPENID_ALPHABET.length];
  return out;
}

/** A stable gh_ + 12 hex stand-in per AppID, so the same account always gets the same name. */
export function standInAccountUserName(appId: string): string {
  return `gh_${createHash('sha1').update(appId).digest('hex').slice(0, 12)}`;
}
