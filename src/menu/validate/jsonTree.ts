// Reading the menu text with jsonc-parser, which keeps offsets and recovers from errors. Menu files
// may hold comments and trailing commas (the upload re-serialises the parsed menu), and every
// reader — validator, menu detection, preview — must agree on that: the options live here only.

import { parse, parseTree, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import type { JsonPath, Menu } from '../model';
import type { ProblemReporter } from './reporter';

export const MENU_PARSE_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false };

/** The tolerant tree of a menu text; syntax errors go to `errors` when given. */
export function parseMenuTree(text: string, errors: ParseError[] = []): Node | undefined {
  return parseTree(text, errors, MENU_PARSE_OPTIONS);
}

/** The text as a Menu, when its top level is an object with a `button` list. */
export function parseMenuValue(text: string): Menu | undefined {
  const value: unknown = parse(text, [], MENU_PARSE_OPTIONS);
  return isMenuShape(value) ? value : undefined;
}

function isMenuShape(value: unknown): value is Menu {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { button?: unknown }).button);
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
