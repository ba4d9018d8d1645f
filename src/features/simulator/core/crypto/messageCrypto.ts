// The message encryption of WeChat's 安全模式, with Node's crypto:
//   key = base64decode(EncodingAESKey + "=")  (32 bytes), IV = key[0..16)
//   plaintext = 16 random bytes + 4-byte big-endian length + message + AppID
//   PKCS#7 padding to a multiple of 32 bytes (WeChat's block size, not AES's 16), then AES-256-CBC
//   with Node's own padding switched off; the ciphertext travels as base64.
// Decryption checks each layer and says which one failed, because a wrong key and a wrong AppID
// need different fixes.
import { createCipheriv, createDecipheriv } from 'node:crypto';

import { RandomSource } from '../random';

const WECHAT_BLOCK = 32;
const RANDOM_PREFIX = 16;
const LENGTH_FIELD = 4;

export interface AesKey {
  readonly key: Buffer;
  readonly iv: Buffer;
}

/** Undefined when the EncodingAESKey does not decode to 32 bytes. */
export function aesKeyOf(encodingAesKey: string): AesKey | undefined {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) return undefined;
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  return key.length === 32 ? { key, iv: key.subarray(0, 16) } : undefined;
}

export function pkcs7Pad(data: Buffer): Buffer {
  const amount = WECHAT_BLOCK - (data.length % WECHAT_BLOCK);
  return Buffer.concat([data, Buffer.alloc(amount, amount)]);
}

export function encryptMessage(message: string, appId: string, aes: AesKey, random: RandomSource): string {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(LENGTH_FIELD);
  length.writeUInt32BE(body.length, 0);
  const prefix = random.bytes(RANDOM_PREFIX);
  if (prefix.length !== RANDOM_PREFIX) throw new Error(`random source gave ${prefix.length} bytes, not ${RANDOM_PREFIX}`);
  const plain = pkcs7Pad(Buffer.concat([prefix, length, body, Buffer.from(appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export type DecryptFailure =
  /** Not base64, empty, or not whole AES blocks: truncated or mangled in transit. */
  | { readonly ok: false; readonly reason: 'malformed'; readonly detail: string }
  /** Padding or length field make no sense: the usual sign of a different key. */
  | { readonly ok: false; readonly reason: 'wrongKey' }
  /** Decrypted cleanly, but for another account. */
  | { readonly ok: false; readonly reason: 'wrongAppId'; readonly appId: string };

export type DecryptResult = { readonly ok: true; readonly message: string; readonly appId: string } | DecryptFailure;

export function decryptMessage(encrypted: string, expectedAppId: string, aes: AesKey): DecryptResult {
  const text = encrypted.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    return { ok: false, reason: 'malformed', detail: 'not base64' };
  }
  const cipherText = Buffer.from(text, 'base64');
  if (cipherText.length === 0 || cipherText.length % 16 !== 0) {
    return { ok: false, reason: 'malformed', detail: `${cipherText.length} bytes, not whole 16-byte AES blocks` };
  }
  const decipher = createDecipheriv('aes-256-cbc', aes.key, aes.iv);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  const pad = plain[plain.length - 1] ?? 0;
  // WeChat pads to 32 bytes, but SDKs padding to AES's 16 produce 1–16, which WeChat accepts too.
  if (pad < 1 || pad > WECHAT_BLOCK || pad > plain.length || !plain.subarray(plain.length - pad).every((b) => b === pad)) {
    return { ok: false, reason: 'wrongKey' };
  }
  const content = plain.subarray(RANDOM_PREFIX, plain.length - pad);
  if (content.length < LENGTH_FIELD) return { ok: false, reason: 'wrongKey' };
  const length = content.readUInt32BE(0);
  if (length > content.length - LENGTH_FIELD) return { ok: false, reason: 'wrongKey' };
  const messageBytes = content.subarray(LENGTH_FIELD, LENGTH_FIELD + length);
  const appId = content.subarray(LENGTH_FIELD + length).toString('utf8');
  // An AppID is printable ASCII; bytes that are not came from a wrong key that happened to leave
  // a plausible padding and length.
  if (!/^[\x21-\x7e]*$/.test(appId)) return { ok: false, reason: 'wrongKey' };
  if (appId !== expectedAppId) return { ok: false, reason: 'wrongAppId', appId };
  return { ok: true, message: messageBytes.toString('utf8'), appId };
}
