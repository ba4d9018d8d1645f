// WeChat's callback signatures: sha1 of the parts sorted as strings and joined without a separator.
// `signature` (URL check and every push) signs Token, timestamp and nonce; `msg_signature`
// (encrypted pushes and replies) adds the Encrypt text.
import { createHash } from 'node:crypto';

export function wechatSignature(parts: readonly string[]): string {
  // Array.prototype.sort compares UTF-16 code units, as the reference SDKs' string sorts do.
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function urlSignature(token: string, timestamp: string, nonce: string): string {
  return wechatSignature([token, timestamp, nonce]);
}

export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return wechatSignature([token, timestamp, nonce, encrypt]);
}
