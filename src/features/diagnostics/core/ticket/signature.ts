// The JS-SDK signature, computed like WeChat's official signature tool: sha1 over
// `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` — the four keys sorted by ASCII, lower case,
// values raw (not URL-encoded). The nonceStr and timestamp given to wx.config must be the signed ones.
import { createHash, randomBytes } from 'node:crypto';

import { mask } from '../../../../wechat/redact';

export interface SignatureInput {
  readonly ticket: string;
  readonly nonceStr: string;
  /** Seconds since the epoch, as wx.config takes it. */
  readonly timestamp: number;
  /** The page URL without its fragment (see pageUrl.ts). */
  readonly url: string;
}

export interface Signature {
  readonly signature: string;
  /** The exact string that was hashed. Contains the ticket: show `maskedSigned` instead. */
  readonly signed: string;
  /** `signed` with the ticket replaced by its length. */
  readonly maskedSigned: string;
}

export function signatureFields(input: SignatureInput): Record<string, string> {
  return { jsapi_ticket: input.ticket, noncestr: input.nonceStr, timestamp: String(input.timestamp), url: input.url };
}

/** Joins the fields in ASCII order of their names, as the documentation prescribes. */
export function signedString(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${fields[key] ?? ''}`)
    .join('&');
}

export function jsSdkSignature(input: SignatureInput): Signature {
  const fields = signatureFields(input);
  const signed = signedString(fields);
  const maskedSigned = signedString({ ...fields, jsapi_ticket: mask(input.ticket) });
  return { signature: createHash('sha1').update(signed, 'utf8').digest('hex'), signed, maskedSigned };
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random nonceStr of letters and digits (16, like the documented example). */
export function randomNonceStr(length = 16): string {
  const bytes = randomBytes(length);
  let nonce = '';
  // 62 symbols: the modulo bias (256 % 62) is irrelevant for a nonce.
  for (const byte of bytes) nonce += NONCE_ALPHABET[byte % NONCE_ALPHABET.length] ?? 'A';
  return nonce;
}

/** wx.config's timestamp: whole seconds. */
export function timestampSeconds(nowMs: number): number {
  return Math.floor(nowMs / 1000);
}
