// Reading the menu text with jsonc-parser (through ./jsonc), which keeps offsets and recovers from
// errors. Every reader — validator, menu detection, preview — parses through parseMenuTree, so they
// agree on comments, trailing commas and the document limits.

import { menuBody } from '../menuBody';
import type { JsonPath, Menu } from '../model';
import { RESERVED_KEYS } from '../ownFields';
import { BUTTON_COUNT, DOCUMENT_LIMITS, type DocumentLimits } from '../rules/limits';
import { type DocumentLimitProblem, documentLimitProblem } from './documentLimits';
import { MENU_PARSE_OPTIONS, type Node, type ParseError, parseTree } from './jsonc';
import type { ProblemReporter } from './reporter';

/**
 * The tolerant tree of a menu text; syntax errors go to `errors` when given. Undefined for a text
 * beyond DOCUMENT_LIMITS (too large or too deeply nested), which is never parsed: the parser
 * recurses once per level.
 */
export function parseMenuTree(text: string, errors: ParseError[] = [], limits: DocumentLimits = DOCUMENT_LIMITS): Node | undefined {
  const read = readMenuText(text, limits);
  errors.push(...read.errors);
  return read.root;
}

/** A menu text read: why it was not parsed (limit), or its tree and syntax errors. */
export interface MenuText {
  readonly limit?: DocumentLimitProblem;
  readonly root?: Node;
  readonly errors: readonly ParseError[];
}

/**
 * The last text parsed. On every edit the menu detection, the diagnostics and the preview each
 * read the same text in turn: one limit check and one parse serve them all (for a 249 KB document
 * the parse is most of an edit's cost). Only the last parsed text is kept — one tree of at most
 * DOCUMENT_LIMITS.maxBytes of text — and readers never change a tree.
 */
let lastRead: { readonly text: string; readonly limits: DocumentLimits; readonly read: MenuText } | undefined;

/** The document limits checked, then the text parsed (the last parse is reused for the same text). */
export function readMenuText(text: string, limits: DocumentLimits = DOCUMENT_LIMITS): MenuText {
  if (lastRead && lastRead.limits === limits && lastRead.text === text) return lastRead.read;
  const limit = documentLimitProblem(text, limits);
  // Not kept: a refused text is checked again quickly, and may be megabytes.
  if (limit) return { limit, errors: [] };
  const errors: ParseError[] = [];
  const read: MenuText = { root: parseTree(text, errors, MENU_PARSE_OPTIONS), errors };
  lastRead = { text, limits, read };
  return read;
}

/**
 * The value of a tree, objects without a prototype (a `"__proto__"` key stays an ordinary key) and
 * the last duplicate winning as in JSON.parse. An array keeps its first `maxItems` items: the only
 * arrays the menu reads are button lists, and one longer than any list's limit plus the problem cap
 * cannot be uploaded (too many buttons) nor show more (a list of 80,000 `{}` is 80,000 objects
 * to build on every edit otherwise). The tree comes from parseMenuTree, so its depth is bounded.
 */
export function treeValue(node: Node, maxItems = Number.POSITIVE_INFINITY): unknown {
  switch (node.type) {
    case 'object': {
      const result = Object.create(null) as Record<string, unknown>;
      for (const child of node.children ?? []) {
        const [keyNode, value] = child.children ?? [];
        if (!keyNode || !value || typeof keyNode.value !== 'string') continue;
        result[keyNode.value] = treeValue(value, maxItems);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).slice(0, maxItems).map((child) => treeValue(child, maxItems));
    default:
      return node.value as unknown;
  }
}

/**
 * Reports the reserved keys (RESERVED_KEYS: __proto__ …) wherever they are, in every item of every
 * array. One path array is pushed and popped on the way and copied only for a report, so a tree
 * of 80,000 nodes allocates nothing per node.
 */
export function reportReservedKeys(node: Node, report: ProblemReporter, path: (string | number)[] = []): void {
  if (node.type === 'object') {
    for (const child of node.children ?? []) {
      const [keyNode, value] = child.children ?? [];
      if (!keyNode || !value || typeof keyNode.value !== 'string') continue;
      const name: string = keyNode.value;
      path.push(name);
      if (RESERVED_KEYS.has(name)) report.at(keyNode, [...path], 'reservedKey', [name]);
      reportReservedKeys(value, report, path);
      path.pop();
    }
  } else if (node.type === 'array') {
    const children = node.children ?? [];
    for (let index = 0; index < children.length; index++) {
      path.push(index);
      reportReservedKeys(children[index] as Node, report, path);
      path.pop();
    }
  }
}

/**
 * The menu as uploaded (menuBody: documented own fields only), when the tree is an object with a
 * `button` list; reserved keys are reported on the way. A button list longer than
 * `BUTTON_COUNT.sub.max + maxProblems` keeps that many buttons (see treeValue).
 */
export function menuOfTree(root: Node, report: ProblemReporter, maxProblems: number = DOCUMENT_LIMITS.maxProblems): Menu | undefined {
  reportReservedKeys(root, report);
  return menuBody(treeValue(root, Math.max(BUTTON_COUNT.top.max, BUTTON_COUNT.sub.max) + maxProblems));
}

export interface Prop {
  readonly name: string;
  readonly keyNode: Node;
  readonly value: Node;
  readonly path: JsonPath;
}

/** Properties of an object node by name (the last one wins, as in JSON.parse); reports duplicates. */
export function properties(node: Node, path: JsonPath, report: ProblemReporter): Map<string, Prop> {
  const result = new Map<string, Prop>();
  for (const child of node.children ?? []) {
    const keyNode = child.children?.[0];
    const value = child.children?.[1];
    if (!keyNode || !value || typeof keyNode.value !== 'string') {
      continue;
    }
    const name: string = keyNode.value;
    if (RESERVED_KEYS.has(name)) {
      continue; // reported by treeValue; no check should read it
    }
    const earlier = result.get(name);
    if (earlier) {
      report.at(earlier.keyNode, earlier.path, 'duplicateProperty', [name]);
    }
    result.set(name, { name, keyNode, value, path: [...path, name] });
  }
  return result;
}

/** The string value of a property, or undefined after reporting that it is not a string. */
export function stringValue(prop: Prop, report: ProblemReporter): string | undefined {
  if (prop.value.type === 'string' && typeof prop.value.value === 'string') {
    return prop.value.value;
  }
  report.at(prop.value, prop.path, 'notString', [prop.name]);
  return undefined;
}
