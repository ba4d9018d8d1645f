// Reading the menu text with jsonc-parser (through ./jsonc), which keeps offsets and recovers from
// errors. Every reader — validator, menu detection, preview — parses through parseMenuTree, so they
// agree on comments, trailing commas and the document limits.

import { MENU_PARSE_OPTIONS, parseTree, type Node, type ParseError } from './jsonc';
import { menuBody } from '../menuBody';
import type { JsonPath, Menu } from '../model';
import { DOCUMENT_LIMITS, type DocumentLimits } from '../rules/limits';
import { RESERVED_KEYS } from '../ownFields';
import { documentLimitProblem } from './documentLimits';
import type { ProblemReporter } from './reporter';

/**
 * The tolerant tree of a menu text; syntax errors go to `errors` when given. Undefined for a text
 * beyond DOCUMENT_LIMITS (too large or too deeply nested), which is never parsed: the parser
 * recurses once per level.
 */
export function parseMenuTree(text: string, errors: ParseError[] = [], limits: DocumentLimits = DOCUMENT_LIMITS): Node | undefined {
  if (documentLimitProblem(text, limits)) return undefined;
  return parseTree(text, errors, MENU_PARSE_OPTIONS);
}

/**
 * The value of a tree, objects without a prototype (a `"__proto__"` key stays an ordinary key) and
 * the last duplicate winning as in JSON.parse. Reserved keys (RESERVED_KEYS) are reported on the
 * way, wherever they are. The tree comes from parseMenuTree, so its depth is bounded.
 */
export function treeValue(node: Node, path: JsonPath, report: ProblemReporter): unknown {
  switch (node.type) {
    case 'object': {
      const result = Object.create(null) as Record<string, unknown>;
      for (const child of node.children ?? []) {
        const [keyNode, value] = child.children ?? [];
        if (!keyNode || !value || typeof keyNode.value !== 'string') continue;
        const name: string = keyNode.value;
        if (RESERVED_KEYS.has(name)) report.at(keyNode, [...path, name], 'reservedKey', [name]);
        result[name] = treeValue(value, [...path, name], report);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((child, index) => treeValue(child, [...path, index], report));
    default:
      return node.value as unknown;
  }
}

/** The menu as uploaded (menuBody: documented own fields only), when the tree is an object with a `button` list. */
export function menuOfTree(root: Node, report: ProblemReporter): Menu | undefined {
  return menuBody(treeValue(root, [], report));
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
