// The body WeChat posts in each message mode: 明文 the message itself; 安全 only ToUserName and the
// ciphertext; 兼容 the plaintext fields followed by Encrypt, so a server can read either.
import { MessageMode } from '../types';
import { appendCdataField, buildXml } from './xmlCodec';

export function postedBody(mode: MessageMode, plainXml: string, toUserName: string, encrypt: string | undefined): string {
  if (mode === 'plaintext' || encrypt === undefined) return plainXml;
  if (mode === 'safe') return buildXml({ ToUserName: toUserName, Encrypt: encrypt });
  return appendCdataField(plainXml, 'Encrypt', encrypt);
}
