// Randomness comes in through this interface so tests can fix the nonce, MsgId and the 16 random
// bytes in front of every encrypted message.
import { randomBytes } from 'node:crypto';

export interface RandomSource {
  bytes(length: number): Buffer;
}

export const systemRandom: RandomSource = { bytes: (length) => randomBytes(length) };

/** A decimal string of `digits` digits (no leading zero), as WeChat's nonce, echostr and MsgId are. */
export function randomDigits(random: RandomSource, digits: number): string {
  const bytes = random.bytes(digits);
  let out = '';
  for (let i = 0; i < digits; i++) {
    const byte = bytes[i] ?? 0;
    out += i === 0 ? String(1 + (byte % 9)) : String(byte % 10);
  }
  return out;
}
