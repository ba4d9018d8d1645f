// Reads the server's answer to a push as WeChat would: "success" or nothing → no reply; otherwise
// one <xml> reply, which in safe mode must be encrypted (compatible mode takes either).
import { AesKey } from '../crypto/messageCrypto';
import { problem } from '../problems';
import { MessageMode, SimulatedReply, SimulationProblem } from '../types';
import { parseXml, XmlNode } from '../xml/xmlCodec';
import { openEnvelope } from './replyEnvelope';
import { readReplyMessage, ReplyAddressing } from './replyMessage';

export interface ReplyContext extends ReplyAddressing {
  readonly mode: MessageMode;
  readonly token: string;
  readonly appId: string;
  /** Present in compatible and safe mode. */
  readonly aes?: AesKey;
}

export interface ReadReply {
  readonly reply: SimulatedReply;
  readonly problems: readonly SimulationProblem[];
  /** The reply XML after decryption, when it came encrypted and opened. */
  readonly decryptedXml?: string;
}

const FAILED: SimulatedReply = { kind: 'none', why: 'failed' };

function parseReplyXml(text: string): { ok: true; node: XmlNode } | { ok: false; problem: SimulationProblem } {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, problem: problem('invalidXml', parsed.error) };
  if (parsed.root !== 'xml') return { ok: false, problem: problem('notXmlRoot', parsed.root) };
  return { ok: true, node: parsed.node };
}

export function readReply(body: string, context: ReplyContext): ReadReply {
  const text = body.trim();
  if (text === '') return { reply: { kind: 'none', why: 'empty' }, problems: [] };
  if (text === 'success') return { reply: { kind: 'none', why: 'success' }, problems: [] };
  const outer = parseReplyXml(text);
  if (!outer.ok) return { reply: FAILED, problems: [outer.problem] };
  let node = outer.node;
  let decryptedXml: string | undefined;
  if (node['Encrypt'] !== undefined) {
    if (context.mode === 'plaintext' || !context.aes) return { reply: FAILED, problems: [problem('encryptedInPlaintext')] };
    const opened = openEnvelope(node, context.token, context.appId, context.aes);
    if (!opened.ok) return { reply: FAILED, problems: [opened.problem] };
    decryptedXml = opened.xml;
    const inner = parseReplyXml(opened.xml);
    if (!inner.ok) return { reply: FAILED, problems: [inner.problem], decryptedXml };
    node = inner.node;
  } else if (context.mode === 'safe') {
    return { reply: FAILED, problems: [problem('notEncrypted')] };
  }
  const read = readReplyMessage(node, context);
  return { reply: read.reply ?? FAILED, problems: read.problems, ...(decryptedXml !== undefined ? { decryptedXml } : {}) };
}
