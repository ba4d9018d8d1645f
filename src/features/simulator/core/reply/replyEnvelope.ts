// Opens an encrypted reply the way WeChat does: every envelope field present, MsgSignature equal to
// sha1(sorted Token, TimeStamp, Nonce, Encrypt), then a clean decryption for this account.
import { AesKey, decryptMessage } from '../crypto/messageCrypto';
import { msgSignature } from '../crypto/signature';
import { problem } from '../problems';
import { SimulationProblem } from '../types';
import { textOf, XmlNode } from '../xml/xmlCodec';

export type OpenedEnvelope = { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly problem: SimulationProblem };

const ENVELOPE_FIELDS = ['Encrypt', 'MsgSignature', 'TimeStamp', 'Nonce'] as const;

export function openEnvelope(envelope: XmlNode, token: string, appId: string, aes: AesKey): OpenedEnvelope {
  const values: Partial<Record<(typeof ENVELOPE_FIELDS)[number], string>> = {};
  for (const field of ENVELOPE_FIELDS) {
    const value = textOf(envelope, field);
    if (value === undefined || value === '') return { ok: false, problem: problem('missingEnvelopeField', field) };
    values[field] = value;
  }
  const {
    Encrypt: encrypt,
    MsgSignature: signature,
    TimeStamp: timestamp,
    Nonce: nonce,
  } = values as Record<(typeof ENVELOPE_FIELDS)[number], string>;
  if (msgSignature(token, timestamp, nonce, encrypt) !== signature.toLowerCase()) {
    return { ok: false, problem: problem('replySignatureMismatch') };
  }
  const opened = decryptMessage(encrypt, appId, aes);
  if (opened.ok) return { ok: true, xml: opened.message };
  switch (opened.reason) {
    case 'malformed':
      return { ok: false, problem: problem('replyMalformed', opened.detail) };
    case 'wrongKey':
      return { ok: false, problem: problem('replyWrongKey') };
    case 'wrongAppId':
      return { ok: false, problem: problem('replyWrongAppId', opened.appId, appId) };
  }
}
