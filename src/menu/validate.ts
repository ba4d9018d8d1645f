// Local validation of a menu document against WeChat's rules, before anything is sent. Works on
// the text (jsonc-parser keeps offsets), so every problem points at the most precise node: the
// offending property value, or the property name for a field that is ignored or unknown.
// vscode-free: the UI turns offsets into ranges and passes `vscode.l10n.t` as `localize`.

import { getLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { formatMessage, type Localize, type MessageArg } from '../common/localize';
import {
  BUTTON_FIELDS,
  BUTTON_TYPE_ERRCODE,
  BUTTON_TYPE_NAMES,
  BUTTON_TYPES,
  LEAF_FIELDS,
  NO_RESPONSE_TYPE_ERRCODE,
  URL_BUTTON_TYPES,
  isButtonType,
} from './rules/buttons';
import { registrableDomain, URL_DOMAIN_ERRCODE, URL_DOMAIN_RULE, URL_RULE } from './rules/domains';
import { MALFORMED_JSON_ERRCODE } from './rules/errcodes';
import { BUTTON_COUNT, BYTE_LIMITS, SUB_MENU_DEPTH_ERRCODE, utf8ByteLength, type ButtonLevel } from './rules/limits';
import { MATCHRULE_EMPTY_ERRCODE, MATCHRULE_FIELDS, MATCHRULE_PRIVACY_ERRCODE, type MatchRuleField } from './rules/matchRule';
import type { JsonPath, Menu } from './model';

export type MenuProblemSeverity = 'error' | 'warning' | 'hint';

/** Stable rule ids: safe to match on in code actions and tests. */
export type MenuProblemCode =
  | 'json-parse'
  | 'menu-not-object'
  | 'button-missing'
  | 'button-not-array'
  | 'button-count'
  | 'sub-button-count'
  | 'sub-button-not-array'
  | 'sub-button-depth'
  | 'button-not-object'
  | 'name-missing'
  | 'name-empty'
  | 'name-bytes'
  | 'name-spaces'
  | 'field-not-string'
  | 'type-missing'
  | 'type-unknown'
  | 'type-with-sub-buttons'
  | 'field-required'
  | 'field-empty'
  | 'key-bytes'
  | 'url-bytes'
  | 'field-ignored'
  | 'field-unknown'
  | 'duplicate-property'
  | 'url-spaces'
  | 'url-invalid'
  | 'url-scheme'
  | 'url-domains'
  | 'key-duplicate'
  | 'matchrule-not-object'
  | 'matchrule-empty'
  | 'matchrule-renamed'
  | 'matchrule-needs'
  | 'matchrule-value'
  | 'matchrule-number'
  | 'matchrule-legacy';

export interface MenuProblem {
  /** JSON path of the node the problem is about. */
  path: JsonPath;
  /** Range in the text (UTF-16 offsets, as VS Code's positionAt expects). */
  offset: number;
  length: number;
  severity: MenuProblemSeverity;
  /** The errcode WeChat would answer; absent for problems the server does not reject. */
  errcode?: number;
  message: string;
  code: MenuProblemCode;
}

export interface MenuValidation {
  /**
   * The parsed menu, whenever the text is valid JSON whose top level is an object with a
   * `button` list — also when rule problems remain (the preview shows it with marks). Upload
   * only when `canUpload` says so.
   */
  menu?: Menu;
  /** Sorted by offset. */
  problems: MenuProblem[];
}

/** English message templates (keys of the zh-cn bundle). Limits come in through placeholders. */
export const MENU_MESSAGES = {
  parse: {
    InvalidSymbol: 'Invalid JSON: unexpected character.',
    InvalidNumberFormat: 'Invalid JSON: malformed number.',
    PropertyNameExpected: 'Invalid JSON: a property name in double quotes is expected.',
    ValueExpected: 'Invalid JSON: a value is expected.',
    ColonExpected: 'Invalid JSON: a colon is expected.',
    CommaExpected: 'Invalid JSON: a comma is expected.',
    CloseBraceExpected: 'Invalid JSON: a closing brace } is expected.',
    CloseBracketExpected: 'Invalid JSON: a closing bracket ] is expected.',
    EndOfFileExpected: 'Invalid JSON: unexpected content after the end of the document.',
    InvalidCommentToken: 'Invalid JSON: malformed comment.',
    UnexpectedEndOfComment: 'Invalid JSON: the comment is not closed.',
    UnexpectedEndOfString: 'Invalid JSON: the string is not closed.',
    UnexpectedEndOfNumber: 'Invalid JSON: the number is incomplete.',
    InvalidUnicode: 'Invalid JSON: malformed \\u escape.',
    InvalidEscapeCharacter: 'Invalid JSON: invalid escape character.',
    InvalidCharacter: 'Invalid JSON: control characters must be escaped inside strings.',
    unknown: 'Invalid JSON.',
    empty: 'The document is empty. A menu file is a JSON object with a "button" list.',
  },
  menuNotObject: 'A menu is a JSON object with a "button" list.',
  buttonMissing: 'The menu has no "button" list. Add {0} to {1} top-level buttons.',
  buttonNotArray: '"button" must be a list of {0} to {1} buttons.',
  tooFewTop: 'The menu has no buttons. Add {0} to {1} top-level buttons.',
  tooManyTop: 'The menu has {0} top-level buttons; WeChat allows at most {1}. Remove this one or move it into a sub-menu.',
  tooManySub: 'This sub-menu has {0} buttons; WeChat allows at most {1}. Remove this one.',
  subButtonNotArray: '"sub_button" must be a list of at most {0} buttons.',
  nestedSubMenu: 'A sub-button cannot have its own sub-menu. Move these buttons up or remove them.',
  buttonNotObject: 'A button must be an object with "name" and "type".',
  nameMissing: 'This button has no "name".',
  nameEmpty: 'The name is empty.',
  nameTooLongTop: 'Name is {0} bytes; a top-level button allows at most {1} bytes (UTF-8: a Chinese character is 3 bytes).',
  nameTooLongSub: 'Name is {0} bytes; a sub-button allows at most {1} bytes (UTF-8: a Chinese character is 3 bytes).',
  nameSpaces: 'The name starts or ends with spaces, which WeChat keeps. Remove them unless intended.',
  notString: '"{0}" must be a string.',
  typeMissing: 'This button has neither a "type" nor sub-buttons, so tapping it would do nothing. Add a type (e.g. "click" with a key, "view" with a url) or sub-buttons.',
  typeUnknown: 'Unknown button type "{0}". Valid types: {1}.',
  typeWithSubButtons: 'This button has sub-buttons, so leave "type" out: a button has either a type or sub-buttons, and what WeChat does with both is not documented.',
  fieldRequired: 'A "{0}" button needs "{1}".',
  fieldEmpty: '"{0}" is empty; a "{1}" button needs a value here.',
  keyTooLong: 'Key is {0} bytes; WeChat allows at most {1} bytes.',
  urlTooLong: 'Url is {0} bytes; WeChat allows at most {1} bytes.',
  fieldIgnored: '"{0}" is not used by a "{1}" button; WeChat ignores it.',
  fieldIgnoredWithSub: '"{0}" is not used on a button with sub-buttons; WeChat ignores it.',
  fieldUnknown: 'Unknown field "{0}"; WeChat ignores it.',
  duplicateProperty: '"{0}" appears more than once in this object; only the last one counts.',
  urlSpaces: 'The url contains spaces; clients may fail to open it. Remove them or write them as %20.',
  urlInvalid: 'Not a valid url. Use a complete address starting with http:// or https://.',
  urlScheme: 'The url must start with http:// or https://, not {0}.',
  tooManyDomains: 'The menu links to {0} domains ({1}); WeChat allows at most {2}. This url adds {3}.',
  keyDuplicate: 'Key "{0}" is also used by the button "{1}"; your server cannot tell them apart.',
  matchruleNotObject: '"matchrule" must be an object.',
  matchruleEmpty: 'The match rule is empty. Set at least one field, e.g. "tag_id" or "client_platform_type".',
  matchruleRenamed: '"{0}" is the older name of "{1}". Rename it to "{1}".',
  matchruleNeeds: '"{0}" needs "{1}" in the same match rule.',
  matchruleValue: '"{0}" must be one of: {1}.',
  matchruleNumber: 'WeChat documents "{0}" as a string. Write "{1}".',
  matchruleLegacy: '"{0}" matches on personal data, which WeChat may reject (errcode {1}). Prefer "tag_id" or "client_platform_type".',
  /** One allowed value with its label in a list, e.g. "1 (iOS)". */
  valueWithLabel: '{0} ({1})',
} as const;

type ParseMessageKey = keyof typeof MENU_MESSAGES.parse;

/** True when no error-level problem is left and the menu could be read. */
export function canUpload(validation: MenuValidation): validation is MenuValidation & { menu: Menu } {
  return validation.menu !== undefined && !validation.problems.some((p) => p.severity === 'error');
}

/** Whether the text looks like a menu: a top-level object with a `button` property (parse errors tolerated). */
export function isMenuDocument(text: string): boolean {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') {
    return false;
  }
  return (root.children ?? []).some((p) => p.children?.[0]?.value === 'button');
}

const ROOT_FIELDS = new Set(['button', 'matchrule']);

interface Prop {
  readonly name: string;
  readonly keyNode: Node;
  readonly value: Node;
  readonly path: JsonPath;
}

interface KeyUse {
  readonly key: string;
  readonly node: Node;
  readonly path: JsonPath;
  readonly buttonName: string;
}

interface UrlUse {
  readonly domain: string;
  readonly node: Node;
  readonly path: JsonPath;
}

/** Validates a menu document. Never throws. */
export function validateMenu(text: string, localize: Localize = formatMessage): MenuValidation {
  return new Validator(text, localize).run();
}

class Validator {
  private readonly problems: MenuProblem[] = [];
  private readonly keys: KeyUse[] = [];
  private readonly urls: UrlUse[] = [];

  constructor(
    private readonly text: string,
    private readonly localize: Localize,
  ) {}

  run(): MenuValidation {
    const errors: ParseError[] = [];
    const root = parseTree(this.text, errors, { allowTrailingComma: true, disallowComments: false });
    if (this.text.trim() === '') {
      this.add([], 0, this.text.length, 'error', 'json-parse', MENU_MESSAGES.parse.empty, [], MALFORMED_JSON_ERRCODE);
      return this.result(undefined);
    }
    if (errors.length > 0 || !root) {
      // Only the syntax errors: rules checked on a half-recovered tree would mostly be noise.
      for (const e of errors) {
        const name = printParseErrorCode(e.error);
        const key: ParseMessageKey = name in MENU_MESSAGES.parse ? (name as ParseMessageKey) : 'unknown';
        const path = getLocation(this.text, e.offset).path;
        while (path.length > 0 && path[path.length - 1] === '') {
          path.pop(); // a property name still being typed
        }
        this.add(path, e.offset, e.length, 'error', 'json-parse', MENU_MESSAGES.parse[key], [], MALFORMED_JSON_ERRCODE);
      }
      return this.result(undefined);
    }
    if (root.type !== 'object') {
      this.problemAt(root, [], 'error', 'menu-not-object', MENU_MESSAGES.menuNotObject);
      return this.result(undefined);
    }
    const props = this.properties(root, []);
    for (const prop of props.values()) {
      if (!ROOT_FIELDS.has(prop.name)) {
        this.problemAt(prop.keyNode, prop.path, 'warning', 'field-unknown', MENU_MESSAGES.fieldUnknown, [prop.name]);
      }
    }
    const buttons = props.get('button');
    let readable = false;
    if (!buttons) {
      this.problemAt(root, [], 'error', 'button-missing', MENU_MESSAGES.buttonMissing, this.countArgs('top'), BUTTON_COUNT.top.errcode, true);
    } else if (buttons.value.type !== 'array') {
      this.problemAt(buttons.value, buttons.path, 'error', 'button-not-array', MENU_MESSAGES.buttonNotArray, this.countArgs('top'), BUTTON_COUNT.top.errcode);
    } else {
      readable = true;
      this.checkButtonList(buttons.value, buttons.path, 'top');
    }
    const matchrule = props.get('matchrule');
    if (matchrule) {
      this.checkMatchRule(matchrule);
    }
    this.checkDuplicateKeys();
    this.checkDomains();
    const menu = readable ? this.parsedMenu() : undefined;
    return this.result(menu);
  }

  private parsedMenu(): Menu | undefined {
    const value: unknown = parse(this.text, [], { allowTrailingComma: true, disallowComments: false });
    return isMenuShape(value) ? value : undefined;
  }

  private result(menu: Menu | undefined): MenuValidation {
    const problems = this.problems.sort((a, b) => a.offset - b.offset || a.length - b.length);
    return menu ? { menu, problems } : { problems };
  }

  // ------------------------------------------------------------------------------- buttons

  private countArgs(level: ButtonLevel): MessageArg[] {
    return [BUTTON_COUNT[level].min, BUTTON_COUNT[level].max];
  }

  private checkButtonList(list: Node, path: JsonPath, level: ButtonLevel): void {
    const items = list.children ?? [];
    const rule = BUTTON_COUNT[level];
    if (items.length === 0 && level === 'top') {
      this.problemAt(list, path, 'error', 'button-count', MENU_MESSAGES.tooFewTop, this.countArgs('top'), rule.errcode);
    }
    items.forEach((item, index) => {
      const itemPath = [...path, index];
      if (index >= rule.max) {
        const code = level === 'top' ? 'button-count' : 'sub-button-count';
        const template = level === 'top' ? MENU_MESSAGES.tooManyTop : MENU_MESSAGES.tooManySub;
        this.problemAt(item, itemPath, 'error', code, template, [items.length, rule.max], rule.errcode, true);
      }
      this.checkButton(item, itemPath, level);
    });
  }

  private checkButton(node: Node, path: JsonPath, level: ButtonLevel): void {
    if (node.type !== 'object') {
      this.problemAt(node, path, 'error', 'button-not-object', MENU_MESSAGES.buttonNotObject, [], BUTTON_TYPE_ERRCODE[level]);
      return;
    }
    const props = this.properties(node, path);
    const name = this.checkName(node, props, path, level);

    const sub = props.get('sub_button');
    let hasSubButtons = false;
    if (sub) {
      if (sub.value.type !== 'array') {
        this.problemAt(sub.value, sub.path, 'error', 'sub-button-not-array', MENU_MESSAGES.subButtonNotArray, [BUTTON_COUNT.sub.max], BUTTON_COUNT.sub.errcode);
      } else if ((sub.value.children ?? []).length > 0) {
        if (level === 'sub') {
          this.problemAt(sub.value, sub.path, 'error', 'sub-button-depth', MENU_MESSAGES.nestedSubMenu, [], SUB_MENU_DEPTH_ERRCODE);
        } else {
          hasSubButtons = true;
          this.checkButtonList(sub.value, sub.path, 'sub');
        }
      }
    }

    for (const prop of props.values()) {
      if (!(prop.name in BUTTON_FIELDS)) {
        this.problemAt(prop.keyNode, prop.path, 'warning', 'field-unknown', MENU_MESSAGES.fieldUnknown, [prop.name]);
      }
    }

    if (hasSubButtons) {
      const type = props.get('type');
      if (type) {
        this.problemAt(type.value, type.path, 'warning', 'type-with-sub-buttons', MENU_MESSAGES.typeWithSubButtons);
      }
      for (const field of LEAF_FIELDS) {
        const prop = props.get(field);
        if (prop) {
          this.problemAt(prop.keyNode, prop.path, 'warning', 'field-ignored', MENU_MESSAGES.fieldIgnoredWithSub, [field]);
        }
      }
      return;
    }
    this.checkLeaf(node, props, path, level, name);
  }

  /** Checks `name`; returns it (or '' when unusable) for messages that refer to the button. */
  private checkName(node: Node, props: Map<string, Prop>, path: JsonPath, level: ButtonLevel): string {
    const prop = props.get('name');
    const limit = BYTE_LIMITS.name[level];
    if (!prop) {
      this.problemAt(node, [...path, 'name'], 'error', 'name-missing', MENU_MESSAGES.nameMissing, [], limit.errcode, true);
      return '';
    }
    const value = this.stringValue(prop);
    if (value === undefined) {
      return '';
    }
    if (value.trim() === '') {
      this.problemAt(prop.value, prop.path, 'error', 'name-empty', MENU_MESSAGES.nameEmpty, [], limit.errcode);
      return value;
    }
    const bytes = utf8ByteLength(value);
    if (bytes > limit.maxBytes) {
      const template = level === 'top' ? MENU_MESSAGES.nameTooLongTop : MENU_MESSAGES.nameTooLongSub;
      this.problemAt(prop.value, prop.path, 'error', 'name-bytes', template, [bytes, limit.maxBytes], limit.errcode);
    }
    if (value !== value.trim()) {
      this.problemAt(prop.value, prop.path, 'warning', 'name-spaces', MENU_MESSAGES.nameSpaces);
    }
    return value;
  }

  private checkLeaf(node: Node, props: Map<string, Prop>, path: JsonPath, level: ButtonLevel, name: string): void {
    const typeProp = props.get('type');
    if (!typeProp) {
      const anchor = props.get('name')?.value ?? node;
      this.problemAt(anchor, [...path, 'type'], 'error', 'type-missing', MENU_MESSAGES.typeMissing, [], NO_RESPONSE_TYPE_ERRCODE, anchor === node);
      return;
    }
    const type = this.stringValue(typeProp);
    if (type === undefined) {
      return;
    }
    if (!isButtonType(type)) {
      this.problemAt(typeProp.value, typeProp.path, 'error', 'type-unknown', MENU_MESSAGES.typeUnknown, [type, BUTTON_TYPE_NAMES.join(', ')], BUTTON_TYPE_ERRCODE[level]);
      return;
    }
    const requires = BUTTON_TYPES[type].requires;
    for (const field of LEAF_FIELDS) {
      const prop = props.get(field);
      if (!requires.includes(field)) {
        if (prop) {
          this.problemAt(prop.keyNode, prop.path, 'warning', 'field-ignored', MENU_MESSAGES.fieldIgnored, [field, type]);
        }
        continue;
      }
      const byteLimited = BUTTON_FIELDS[field].byteLimited;
      const errcode = byteLimited ? BYTE_LIMITS[byteLimited][level].errcode : undefined;
      if (!prop) {
        this.problemAt(typeProp.value, [...path, field], 'error', 'field-required', MENU_MESSAGES.fieldRequired, [type, field], errcode);
        continue;
      }
      const value = this.stringValue(prop);
      if (value === undefined) {
        continue;
      }
      if (value.trim() === '') {
        this.problemAt(prop.value, prop.path, 'error', 'field-empty', MENU_MESSAGES.fieldEmpty, [field, type], errcode);
        continue;
      }
      if (byteLimited === 'key' || byteLimited === 'url') {
        const limit = BYTE_LIMITS[byteLimited][level];
        const bytes = utf8ByteLength(value);
        if (bytes > limit.maxBytes) {
          const [code, template] = byteLimited === 'key'
            ? (['key-bytes', MENU_MESSAGES.keyTooLong] as const)
            : (['url-bytes', MENU_MESSAGES.urlTooLong] as const);
          this.problemAt(prop.value, prop.path, 'error', code, template, [bytes, limit.maxBytes], limit.errcode);
        }
      }
      if (field === 'key') {
        this.keys.push({ key: value, node: prop.value, path: prop.path, buttonName: name });
      }
      if (field === 'url' && URL_BUTTON_TYPES.includes(type)) {
        this.checkUrl(prop);
      }
    }
  }

  private checkUrl(prop: Prop): void {
    const raw = this.stringValue(prop) ?? '';
    if (/\s/.test(raw)) {
      this.problemAt(prop.value, prop.path, 'warning', 'url-spaces', MENU_MESSAGES.urlSpaces);
    }
    // WeChat answers "invalid button url domain" (40055, 40054 in a sub-menu) for a url that does
    // not start with http:// or https:// — the usual mistake is leaving the scheme out.
    const level = prop.path.includes('sub_button') ? 'sub' : 'top';
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw.trim())?.[1]?.toLowerCase();
    if (scheme === undefined || !(URL_RULE.schemes as readonly string[]).includes(`${scheme}:`)) {
      const shown = scheme === undefined ? raw.trim().slice(0, 20) : `${scheme}:`;
      this.problemAt(prop.value, prop.path, 'error', 'url-scheme', MENU_MESSAGES.urlScheme, [shown], URL_DOMAIN_ERRCODE[level]);
      return;
    }
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      this.problemAt(prop.value, prop.path, 'error', 'url-invalid', MENU_MESSAGES.urlInvalid, [], URL_RULE.errcode);
      return;
    }
    if (url.hostname === '') {
      this.problemAt(prop.value, prop.path, 'error', 'url-invalid', MENU_MESSAGES.urlInvalid, [], URL_RULE.errcode);
      return;
    }
    this.urls.push({ domain: registrableDomain(url.hostname), node: prop.value, path: prop.path });
  }

  // ---------------------------------------------------------------------- whole-menu rules

  private checkDuplicateKeys(): void {
    const first = new Map<string, KeyUse>();
    for (const use of this.keys) {
      const earlier = first.get(use.key);
      if (!earlier) {
        first.set(use.key, use);
        continue;
      }
      this.problemAt(use.node, use.path, 'warning', 'key-duplicate', MENU_MESSAGES.keyDuplicate, [use.key, earlier.buttonName]);
    }
  }

  private checkDomains(): void {
    const domains: string[] = [];
    for (const use of this.urls) {
      if (!domains.includes(use.domain)) {
        domains.push(use.domain);
      }
    }
    if (domains.length <= URL_DOMAIN_RULE.max) {
      return;
    }
    const allowed = new Set(domains.slice(0, URL_DOMAIN_RULE.max));
    for (const use of this.urls) {
      if (!allowed.has(use.domain)) {
        this.problemAt(use.node, use.path, 'error', 'url-domains', MENU_MESSAGES.tooManyDomains, [domains.length, domains.join(', '), URL_DOMAIN_RULE.max, use.domain], URL_DOMAIN_RULE.errcode);
      }
    }
  }

  // ------------------------------------------------------------------------------ matchrule

  private checkMatchRule(matchrule: Prop): void {
    if (matchrule.value.type !== 'object') {
      this.problemAt(matchrule.value, matchrule.path, 'error', 'matchrule-not-object', MENU_MESSAGES.matchruleNotObject, [], MATCHRULE_EMPTY_ERRCODE);
      return;
    }
    const props = this.properties(matchrule.value, matchrule.path);
    const present = new Map<MatchRuleField, Prop>();
    for (const prop of props.values()) {
      if (!(prop.name in MATCHRULE_FIELDS)) {
        this.problemAt(prop.keyNode, prop.path, 'warning', 'field-unknown', MENU_MESSAGES.fieldUnknown, [prop.name]);
        continue;
      }
      const field = prop.name as MatchRuleField;
      const value = this.matchRuleValue(prop);
      if (value === undefined || value.trim() === '') {
        continue;
      }
      present.set(field, prop);
      const rule = MATCHRULE_FIELDS[field];
      if (rule.renamedTo) {
        this.problemAt(prop.keyNode, prop.path, 'hint', 'matchrule-renamed', MENU_MESSAGES.matchruleRenamed, [field, rule.renamedTo]);
      }
      if (rule.values && !rule.values.some((v) => v.value === value.trim())) {
        const list = rule.values
          .map((v) => (v.label ? this.localize(MENU_MESSAGES.valueWithLabel, v.value, this.localize(v.label)) : v.value))
          .join(', ');
        const severity = rule.legacy ? 'warning' : 'error';
        this.problemAt(prop.value, prop.path, severity, 'matchrule-value', MENU_MESSAGES.matchruleValue, [field, list]);
      } else if (prop.value.type === 'number') {
        this.problemAt(prop.value, prop.path, 'hint', 'matchrule-number', MENU_MESSAGES.matchruleNumber, [field, value]);
      }
      if (rule.legacy) {
        this.problemAt(prop.keyNode, prop.path, 'hint', 'matchrule-legacy', MENU_MESSAGES.matchruleLegacy, [field, MATCHRULE_PRIVACY_ERRCODE]);
      }
    }
    for (const [field, prop] of present) {
      const needs = MATCHRULE_FIELDS[field].needs;
      if (needs && !present.has(needs.field)) {
        this.problemAt(prop.value, prop.path, 'error', 'matchrule-needs', MENU_MESSAGES.matchruleNeeds, [field, needs.field], needs.errcode);
      }
    }
    if (present.size === 0) {
      this.problemAt(matchrule.value, matchrule.path, 'error', 'matchrule-empty', MENU_MESSAGES.matchruleEmpty, [], MATCHRULE_EMPTY_ERRCODE, (matchrule.value.children ?? []).length > 0);
    }
  }

  /** A match-rule value as text: strings as they are, numbers converted; otherwise reported. */
  private matchRuleValue(prop: Prop): string | undefined {
    if (prop.value.type === 'number') {
      return String(prop.value.value);
    }
    return this.stringValue(prop);
  }

  // -------------------------------------------------------------------------------- helpers

  /** Properties of an object node by name (the last one wins, as in JSON.parse); reports duplicates. */
  private properties(node: Node, path: JsonPath): Map<string, Prop> {
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
        this.problemAt(earlier.keyNode, earlier.path, 'warning', 'duplicate-property', MENU_MESSAGES.duplicateProperty, [name]);
      }
      result.set(name, { name, keyNode, value, path: [...path, name] });
    }
    return result;
  }

  /** The string value of a property, or undefined after reporting that it is not a string. */
  private stringValue(prop: Prop): string | undefined {
    if (prop.value.type === 'string' && typeof prop.value.value === 'string') {
      return prop.value.value;
    }
    this.problemAt(prop.value, prop.path, 'error', 'field-not-string', MENU_MESSAGES.notString, [prop.name]);
    return undefined;
  }

  /**
   * Adds a problem covering `node`. With `openingOnly`, only the first character of an object or
   * array is covered, so a problem about a whole button does not underline many lines.
   */
  private problemAt(
    node: Node,
    path: JsonPath,
    severity: MenuProblemSeverity,
    code: MenuProblemCode,
    template: string,
    args: readonly MessageArg[] = [],
    errcode?: number,
    openingOnly = false,
  ): void {
    const length = openingOnly && (node.type === 'object' || node.type === 'array') ? 1 : node.length;
    this.add(path, node.offset, length, severity, code, template, args, errcode);
  }

  private add(
    path: JsonPath,
    offset: number,
    length: number,
    severity: MenuProblemSeverity,
    code: MenuProblemCode,
    template: string,
    args: readonly MessageArg[],
    errcode?: number,
  ): void {
    const problem: MenuProblem = { path, offset, length, severity, code, message: this.localize(template, ...args) };
    if (errcode !== undefined) {
      problem.errcode = errcode;
    }
    this.problems.push(problem);
  }
}

function isMenuShape(value: unknown): value is Menu {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { button?: unknown }).button);
}
