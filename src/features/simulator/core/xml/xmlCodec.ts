// The one place fast-xml-parser is configured. WeChat's XML is flat text fields (CDATA for
// strings, bare numbers for CreateTime/MsgId/…), so everything is read back as strings and the
// callers decide what is a number.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

const CDATA = '#cdata';

/**
 * A field value: a string goes out as CDATA (as WeChat sends it), a number bare, a bigint bare too
 * (MsgId is a 64-bit integer, beyond a double's exact range).
 */
export type XmlField = string | number | bigint | XmlFields | readonly XmlFields[];
export interface XmlFields {
  readonly [name: string]: XmlField | undefined;
}

/** Turns strings into { '#cdata': s } so the builder writes <![CDATA[s]]>; arrays repeat the tag. */
function toBuilderTree(value: XmlField): unknown {
  if (typeof value === 'string') return { [CDATA]: value };
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => toBuilderTree(item as XmlFields));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as XmlFields)) {
    if (field !== undefined) out[key] = toBuilderTree(field);
  }
  return out;
}

const builder = new XMLBuilder({ cdataPropName: CDATA, format: false, suppressEmptyNode: false });

/** `<xml>…</xml>` with the fields in the order given. */
export function buildXml(fields: XmlFields): string {
  return builder.build({ xml: toBuilderTree(fields) }) as string;
}

/** A parsed element: text, or child elements (repeated tags become arrays). */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  readonly [name: string]: XmlValue;
}

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  trimValues: true,
  // Replies are untrusted input: DOCTYPE entities expand within tight bounds (no billion laughs);
  // beyond them the parser throws, which parseXml reports as invalid XML.
  processEntities: { enabled: true, maxEntityCount: 10, maxTotalExpansions: 100, maxExpandedLength: 10_000 },
});

export type ParsedXml =
  { readonly ok: true; readonly root: string; readonly node: XmlNode } | { readonly ok: false; readonly error: string };

/** Validates, then parses; `root` is the single top-level element's name. */
export function parseXml(text: string): ParsedXml {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  let doc: Record<string, XmlValue>;
  try {
    doc = parser.parse(text) as Record<string, XmlValue>;
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  const roots = Object.keys(doc).filter((key) => !key.startsWith('?'));
  if (roots.length !== 1) return { ok: false, error: `${roots.length} top-level elements` };
  const root = roots[0]!;
  const value = doc[root];
  const node: XmlNode = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  return { ok: true, root, node };
}

/** The text of a child element, or undefined when it is absent or not text. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  if (typeof value === 'string') return value;
  // An empty element parses as ''; anything else (nested, repeated) is not a text field.
  return undefined;
}

export function childOf(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

/** Children named `name`, one or many. */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is XmlNode => typeof item === 'object' && item !== null && !Array.isArray(item));
}

const orderedOptions = {
  preserveOrder: true,
  cdataPropName: CDATA,
  parseTagValue: false,
  trimValues: false,
  ignoreAttributes: true,
} as const;
const orderedParser = new XMLParser(orderedOptions);
const orderedBuilder = new XMLBuilder({ ...orderedOptions, format: false, suppressEmptyNode: false });

/**
 * Appends a CDATA field to an `<xml>` document we built, keeping every other field as it was
 * (order, CDATA or bare): compatible mode sends the plaintext message plus its Encrypt.
 */
export function appendCdataField(xml: string, name: string, value: string): string {
  const tree = orderedParser.parse(xml) as Array<Record<string, unknown[]>>;
  const root = tree.find((node) => Array.isArray(node['xml']));
  if (!root) throw new Error('not an <xml> document');
  root['xml']!.push({ [name]: [{ [CDATA]: [{ '#text': value }] }] });
  return orderedBuilder.build(tree) as string;
}
