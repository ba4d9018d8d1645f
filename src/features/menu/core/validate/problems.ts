// The one table of menu problems: for each code its severity, the errcode WeChat would answer and
// the English message template (the key of the zh-cn bundle, limits through `{0}` placeholders).
// The checks only say which code applies where, with the arguments; the text is made here, once,
// by problemMessage — as vscode-github-issue-notebooks keeps codes in the parser and texts in one
// place. vscode-free.

import { formatMessage, type Localize, type MessageArg } from '../../../../common/localize';
import type { JsonPath } from '../model';
import { hasOwnKey } from '../ownFields';
import { BUTTON_FIELDS, BUTTON_TYPE_ERRCODE, type ButtonField, NO_RESPONSE_TYPE_ERRCODE } from '../rules/buttons';
import { URL_DOMAIN_ERRCODE, URL_DOMAIN_RULE, URL_RULE } from '../rules/domains';
import { MALFORMED_JSON_ERRCODE } from '../rules/errcodes';
import { BUTTON_COUNT, type ButtonLevel, BYTE_LIMITS, SUB_MENU_DEPTH_ERRCODE } from '../rules/limits';
import { MATCHRULE_EMPTY_ERRCODE, MATCHRULE_FIELDS, type MatchRuleField } from '../rules/matchRule';

/** Shared by the problem list, the diagnostics and the preview (one definition of the three levels). */
export type ProblemSeverity = 'error' | 'warning' | 'hint';

/** Where a problem was found, for the errcodes that depend on it (40018 top vs 40025 sub). */
export interface ProblemSubject {
  readonly level: ButtonLevel;
  readonly field?: string;
}

export interface ProblemRule {
  readonly severity: ProblemSeverity;
  /** The errcode WeChat would answer; absent for problems the server does not reject. */
  readonly errcode?: number | ((subject: ProblemSubject) => number | undefined);
  readonly message: string;
  /** Arguments that need localising themselves (labels of allowed values), made from the problem's. */
  readonly localizeArgs?: (args: readonly MessageArg[], localize: Localize) => readonly MessageArg[];
}

/** One allowed value with its label in a list, e.g. "1 (iOS)". */
export const VALUE_WITH_LABEL = '{0} ({1})';

const byLevel =
  (errcodes: Readonly<Record<ButtonLevel, number>>) =>
  (s: ProblemSubject): number =>
    errcodes[s.level];

/** A required leaf field's errcode: the byte-limit errcode of key/url (40019/40020 …); none for the others. */
function fieldErrcode(s: ProblemSubject): number | undefined {
  const limited = hasOwnKey(BUTTON_FIELDS, s.field) ? BUTTON_FIELDS[s.field as ButtonField].byteLimited : undefined;
  return limited ? BYTE_LIMITS[limited][s.level].errcode : undefined;
}

function isMatchRuleField(field: string | undefined): field is MatchRuleField {
  return hasOwnKey(MATCHRULE_FIELDS, field);
}

/** args [field]: the closed set of values of that match-rule field, labels localised. */
function allowedValues(args: readonly MessageArg[], localize: Localize): readonly MessageArg[] {
  const field = String(args[0]);
  const values = isMatchRuleField(field) ? (MATCHRULE_FIELDS[field].values ?? []) : [];
  const list = values.map((v) => (v.label ? localize(VALUE_WITH_LABEL, v.value, localize(v.label)) : v.value)).join(', ');
  return [field, list];
}

const json = (message: string): ProblemRule => ({ severity: 'error', errcode: MALFORMED_JSON_ERRCODE, message });
const MATCHRULE_VALUE = '"{0}" must be one of: {1}.';

const RULES = {
  // JSON syntax, one code per jsonc-parser ParseErrorCode (`json` + its name).
  jsonInvalidSymbol: json('Invalid JSON: unexpected character.'),
  jsonInvalidNumberFormat: json('Invalid JSON: malformed number.'),
  jsonPropertyNameExpected: json('Invalid JSON: a property name in double quotes is expected.'),
  jsonValueExpected: json('Invalid JSON: a value is expected.'),
  jsonColonExpected: json('Invalid JSON: a colon is expected.'),
  jsonCommaExpected: json('Invalid JSON: a comma is expected.'),
  jsonCloseBraceExpected: json('Invalid JSON: a closing brace } is expected.'),
  jsonCloseBracketExpected: json('Invalid JSON: a closing bracket ] is expected.'),
  jsonEndOfFileExpected: json('Invalid JSON: unexpected content after the end of the document.'),
  jsonInvalidCommentToken: json('Invalid JSON: malformed comment.'),
  jsonUnexpectedEndOfComment: json('Invalid JSON: the comment is not closed.'),
  jsonUnexpectedEndOfString: json('Invalid JSON: the string is not closed.'),
  jsonUnexpectedEndOfNumber: json('Invalid JSON: the number is incomplete.'),
  jsonInvalidUnicode: json('Invalid JSON: malformed \\u escape.'),
  jsonInvalidEscapeCharacter: json('Invalid JSON: invalid escape character.'),
  jsonInvalidCharacter: json('Invalid JSON: control characters must be escaped inside strings.'),
  jsonInvalid: json('Invalid JSON.'),
  documentEmpty: json('The document is empty. A menu file is a JSON object with a "button" list.'),

  // The document's bounds (DOCUMENT_LIMITS): one problem instead of checking it at all.
  documentTooLarge: {
    severity: 'error',
    message:
      'The document is too large to be a menu: {0} KB; a menu file is at most {1} KB (3 buttons with 5 sub-buttons each fit in far less). It was not checked: remove what is not the menu.',
  },
  documentTooDeep: {
    severity: 'error',
    message:
      'The document nests objects and lists more than {0} levels deep, which no menu does. It was not checked: remove the deep nesting here.',
  },
  /** Only problems are capped, never checks: a hidden error still blocks the upload (moreErrors). */
  moreProblems: { severity: 'warning', message: '…and {0} more problems not listed. Fix the ones above first.' },
  moreErrors: { severity: 'error', message: '…and {0} more problems not listed, {1} of them errors. Fix the ones above first.' },
  internalError: {
    severity: 'error',
    message: 'The menu could not be checked because of an internal error; the WeChat log has the details. Please report it with the file.',
  },
  reservedKey: {
    severity: 'error',
    message: '"{0}" is not a menu field and is reserved in JavaScript, where it could change what is read or sent. Remove this property.',
  },

  // The menu and its button lists.
  menuNotObject: { severity: 'error', message: 'A menu is a JSON object with a "button" list.' },
  buttonMissing: {
    severity: 'error',
    errcode: BUTTON_COUNT.top.errcode,
    message: 'The menu has no "button" list. Add {0} to {1} top-level buttons.',
  },
  buttonNotArray: { severity: 'error', errcode: BUTTON_COUNT.top.errcode, message: '"button" must be a list of {0} to {1} buttons.' },
  noButtons: {
    severity: 'error',
    errcode: BUTTON_COUNT.top.errcode,
    message: 'The menu has no buttons. Add {0} to {1} top-level buttons.',
  },
  tooManyButtons: {
    severity: 'error',
    errcode: BUTTON_COUNT.top.errcode,
    message: 'The menu has {0} top-level buttons; WeChat allows at most {1}. Remove this one or move it into a sub-menu.',
  },
  tooManySubButtons: {
    severity: 'error',
    errcode: BUTTON_COUNT.sub.errcode,
    message: 'This sub-menu has {0} buttons; WeChat allows at most {1}. Remove this one.',
  },
  subButtonNotArray: {
    severity: 'error',
    errcode: BUTTON_COUNT.sub.errcode,
    message: '"sub_button" must be a list of at most {0} buttons.',
  },
  nestedSubMenu: {
    severity: 'error',
    errcode: SUB_MENU_DEPTH_ERRCODE,
    message: 'A sub-button cannot have its own sub-menu. Move these buttons up or remove them.',
  },
  buttonNotObject: {
    severity: 'error',
    errcode: byLevel(BUTTON_TYPE_ERRCODE),
    message: 'A button must be an object with "name" and "type".',
  },

  // Button fields.
  nameMissing: {
    severity: 'error',
    errcode: byLevel({ top: BYTE_LIMITS.name.top.errcode, sub: BYTE_LIMITS.name.sub.errcode }),
    message: 'This button has no "name".',
  },
  nameEmpty: {
    severity: 'error',
    errcode: byLevel({ top: BYTE_LIMITS.name.top.errcode, sub: BYTE_LIMITS.name.sub.errcode }),
    message: 'The name is empty.',
  },
  nameTooLongTop: {
    severity: 'error',
    errcode: BYTE_LIMITS.name.top.errcode,
    message: 'Name is {0} bytes; a top-level button allows at most {1} bytes (UTF-8: a Chinese character is 3 bytes).',
  },
  nameTooLongSub: {
    severity: 'error',
    errcode: BYTE_LIMITS.name.sub.errcode,
    message: 'Name is {0} bytes; a sub-button allows at most {1} bytes (UTF-8: a Chinese character is 3 bytes).',
  },
  nameSpaces: { severity: 'warning', message: 'The name starts or ends with spaces, which WeChat keeps. Remove them unless intended.' },
  notString: { severity: 'error', message: '"{0}" must be a string.' },
  typeMissing: {
    severity: 'error',
    errcode: NO_RESPONSE_TYPE_ERRCODE,
    message:
      'This button has neither a "type" nor sub-buttons, so tapping it would do nothing. Add a type (e.g. "click" with a key, "view" with a url) or sub-buttons.',
  },
  typeUnknown: { severity: 'error', errcode: byLevel(BUTTON_TYPE_ERRCODE), message: 'Unknown button type "{0}". Valid types: {1}.' },
  typeWithSubButtons: {
    severity: 'warning',
    message:
      'This button has sub-buttons, so leave "type" out: a button has either a type or sub-buttons, and what WeChat does with both is not documented.',
  },
  fieldRequired: { severity: 'error', errcode: fieldErrcode, message: 'A "{0}" button needs "{1}".' },
  fieldEmpty: { severity: 'error', errcode: fieldErrcode, message: '"{0}" is empty; a "{1}" button needs a value here.' },
  keyTooLong: {
    severity: 'error',
    errcode: byLevel({ top: BYTE_LIMITS.key.top.errcode, sub: BYTE_LIMITS.key.sub.errcode }),
    message: 'Key is {0} bytes; WeChat allows at most {1} bytes.',
  },
  urlTooLong: {
    severity: 'error',
    errcode: byLevel({ top: BYTE_LIMITS.url.top.errcode, sub: BYTE_LIMITS.url.sub.errcode }),
    message: 'Url is {0} bytes; WeChat allows at most {1} bytes.',
  },
  fieldIgnored: { severity: 'warning', message: '"{0}" is not used by a "{1}" button; WeChat ignores it.' },
  fieldIgnoredWithSub: { severity: 'warning', message: '"{0}" is not used on a button with sub-buttons; WeChat ignores it.' },
  fieldUnknown: { severity: 'warning', message: 'Unknown field "{0}"; WeChat ignores it.' },
  duplicateProperty: { severity: 'warning', message: '"{0}" appears more than once in this object; only the last one counts.' },
  keyDuplicate: { severity: 'warning', message: 'Key "{0}" is also used by the button "{1}"; your server cannot tell them apart.' },

  // Urls.
  urlSpaces: { severity: 'warning', message: 'The url contains spaces; clients may fail to open it. Remove them or write them as %20.' },
  urlInvalid: {
    severity: 'error',
    errcode: URL_RULE.errcode,
    message: 'Not a valid url. Use a complete address starting with http:// or https://.',
  },
  urlHost: {
    severity: 'error',
    errcode: URL_RULE.errcode,
    message: 'The host "{0}" is not a domain name WeChat can link to. Use the full domain of the site, e.g. www.example.com.',
  },
  urlScheme: { severity: 'error', errcode: byLevel(URL_DOMAIN_ERRCODE), message: 'The url must start with http:// or https://, not {0}.' },
  tooManyDomains: {
    severity: 'error',
    errcode: URL_DOMAIN_RULE.errcode,
    message: 'The menu links to {0} domains ({1}); WeChat allows at most {2}. This url adds {3}.',
  },

  // Match rules.
  matchruleNotObject: { severity: 'error', errcode: MATCHRULE_EMPTY_ERRCODE, message: '"matchrule" must be an object.' },
  matchruleEmpty: {
    severity: 'error',
    errcode: MATCHRULE_EMPTY_ERRCODE,
    message: 'The match rule is empty. Set at least one field, e.g. "tag_id" or "client_platform_type".',
  },
  matchruleRenamed: { severity: 'hint', message: '"{0}" is the older name of "{1}". Rename it to "{1}".' },
  matchruleNeeds: {
    severity: 'error',
    errcode: (s: ProblemSubject) => (isMatchRuleField(s.field) ? MATCHRULE_FIELDS[s.field].needs?.errcode : undefined),
    message: '"{0}" needs "{1}" in the same match rule.',
  },
  matchruleValue: { severity: 'error', message: MATCHRULE_VALUE, localizeArgs: allowedValues },
  /** The same for an older field: the server's checks of those are not documented, so only warn. */
  matchruleLegacyValue: { severity: 'warning', message: MATCHRULE_VALUE, localizeArgs: allowedValues },
  matchruleNumber: { severity: 'hint', message: 'WeChat documents "{0}" as a string. Write "{1}".' },
  matchruleLegacy: {
    severity: 'hint',
    message: '"{0}" matches on personal data, which WeChat may reject (errcode {1}). Prefer "tag_id" or "client_platform_type".',
  },
} satisfies Record<string, ProblemRule>;

/** Stable rule ids: safe to match on in code actions and tests. */
export type MenuProblemCode = keyof typeof RULES;

export const PROBLEM_RULES: Readonly<Record<MenuProblemCode, ProblemRule>> = RULES;

export interface MenuProblem {
  readonly code: MenuProblemCode;
  /** Values for the `{n}` placeholders of the code's message. */
  readonly args: readonly MessageArg[];
  /** JSON path of the node the problem is about. */
  readonly path: JsonPath;
  /** Range in the text (UTF-16 offsets, as VS Code's positionAt expects). */
  readonly offset: number;
  readonly length: number;
  /** From the table, copied so that consumers need not look it up. */
  readonly severity: ProblemSeverity;
  readonly errcode?: number;
}

/** The problem's text in the user's language (English by default). */
export function problemMessage(problem: Pick<MenuProblem, 'code' | 'args'>, localize: Localize = formatMessage): string {
  const rule = PROBLEM_RULES[problem.code];
  const args = rule.localizeArgs ? rule.localizeArgs(problem.args, localize) : problem.args;
  return localize(rule.message, ...args);
}

/** The table entry's errcode for a problem found at `subject`. */
export function problemErrcode(code: MenuProblemCode, subject: ProblemSubject): number | undefined {
  const errcode = PROBLEM_RULES[code].errcode;
  return typeof errcode === 'function' ? errcode(subject) : errcode;
}
