// Local validation of a menu document against WeChat's rules, before anything is sent. Works on
// the text (jsonc-parser keeps offsets), so every problem points at the most precise node: the
// offending property value, or the property name for a field that is ignored or unknown.
// Problems are codes with arguments (problems.ts); the UI turns them into text with problemMessage
// and `vscode.l10n.t`, and offsets into ranges. vscode-free.

import { type Logger, silentLogger } from '../../../../common/logger';
import type { Menu } from '../model';
import { hasOwnKey } from '../ownFields';
import { DOCUMENT_LIMITS, type DocumentLimits } from '../rules/limits';
import { ButtonChecks } from './buttons';
import { startsLikeMenu } from './documentLimits';
import { getLocation, type ParseError, printParseErrorCode } from './jsonc';
import { MENU_PARSE_OPTIONS } from './jsonc';
import { menuOfTree, properties, readMenuText } from './jsonTree';
import { checkMatchRule } from './matchRule';
import { type MenuProblem, type MenuProblemCode, PROBLEM_RULES } from './problems';
import { ProblemReporter } from './reporter';
import { checkDomains } from './urls';

export { MENU_PARSE_OPTIONS };
export { type MenuProblem, type MenuProblemCode, PROBLEM_RULES, problemMessage, type ProblemSeverity } from './problems';

export interface MenuValidation {
  /**
   * The parsed menu, whenever the text is valid JSON whose top level is an object with a
   * `button` list — also when rule problems remain (the preview shows it with marks). Upload
   * only when `canUpload` says so.
   */
  readonly menu?: Menu;
  /** Sorted by offset. */
  readonly problems: readonly MenuProblem[];
}

const ROOT_FIELDS = new Set(['button', 'matchrule']);

/** The problem that kept the document from being checked at all (too large, too deep), if any. */
export function documentLimitOf(validation: MenuValidation): MenuProblem | undefined {
  return validation.problems.find((p) => p.code === 'documentTooLarge' || p.code === 'documentTooDeep');
}

/** True when no error-level problem is left and the menu could be read. */
export function canUpload(validation: MenuValidation): validation is MenuValidation & { menu: Menu } {
  return validation.menu !== undefined && !validation.problems.some((p) => p.severity === 'error');
}

/** Whether the text looks like a menu: a top-level object with a `button` property (parse errors tolerated). */
export function isMenuDocument(text: string): boolean {
  const read = readMenuText(text);
  if (read.limit) {
    // Not parsed (see DOCUMENT_LIMITS); a menu-shaped start still makes it a menu, which then
    // shows the one "too large" problem instead of passing for some other JSON.
    return startsLikeMenu(text);
  }
  const root = read.root;
  if (!root || root.type !== 'object') {
    return false;
  }
  return (root.children ?? []).some((p) => p.children?.[0]?.value === 'button');
}

/**
 * Validates a menu document. Never throws: a bug in a check turns into one internalError problem
 * (logged with its stack to `log`) instead of breaking diagnostics, preview and upload. `limits`
 * is DOCUMENT_LIMITS except in the bench, which measures the uncapped cost beside it.
 */
export function validateMenu(text: string, log: Logger = silentLogger, limits: DocumentLimits = DOCUMENT_LIMITS): MenuValidation {
  try {
    return checkMenuText(text, limits);
  } catch (error) {
    log.error(`menu validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const report = new ProblemReporter();
    report.range([], 0, 0, 'internalError');
    return { problems: report.sorted() };
  }
}

function checkMenuText(text: string, limits: DocumentLimits): MenuValidation {
  const report = new ProblemReporter(limits.maxProblems);
  if (text.trim() === '') {
    report.range([], 0, text.length, 'documentEmpty');
    return { problems: report.sorted() };
  }
  const read = readMenuText(text, limits);
  if (read.limit) {
    report.range([], read.limit.offset, read.limit.length, read.limit.code, read.limit.args);
    return { problems: report.sorted() };
  }
  const { root, errors } = read;
  if (errors.length > 0 || !root) {
    // Only the syntax errors: rules checked on a half-recovered tree would mostly be noise.
    reportSyntaxErrors(text, errors, report);
    return { problems: report.sorted() };
  }
  if (root.type !== 'object') {
    report.at(root, [], 'menuNotObject');
    return { problems: report.sorted() };
  }
  // Also reports reserved keys (__proto__ …) wherever they are.
  const parsed = menuOfTree(root, report, limits.maxProblems);
  const props = properties(root, [], report);
  for (const prop of props.values()) {
    if (!ROOT_FIELDS.has(prop.name)) {
      report.at(prop.keyNode, prop.path, 'fieldUnknown', [prop.name]);
    }
  }
  const buttons = props.get('button');
  const checks = new ButtonChecks(report);
  if (!buttons) {
    report.at(root, [], 'buttonMissing', ButtonChecks.countArgs('top'), { openingOnly: true });
  } else if (buttons.value.type !== 'array') {
    report.at(buttons.value, buttons.path, 'buttonNotArray', ButtonChecks.countArgs('top'));
  } else {
    checks.checkList(buttons.value, buttons.path, 'top');
  }
  const matchrule = props.get('matchrule');
  if (matchrule) {
    checkMatchRule(matchrule, report);
  }
  checks.checkDuplicateKeys();
  checkDomains(checks.urls, report);
  const menu = buttons?.value.type === 'array' ? parsed : undefined;
  return menu ? { menu, problems: report.sorted() } : { problems: report.sorted() };
}

function reportSyntaxErrors(text: string, errors: readonly ParseError[], report: ProblemReporter): void {
  for (const e of errors) {
    const name = `json${printParseErrorCode(e.error)}`;
    const code: MenuProblemCode = hasOwnKey(PROBLEM_RULES, name) ? name : 'jsonInvalid';
    const path = getLocation(text, e.offset).path;
    while (path.length > 0 && path[path.length - 1] === '') {
      path.pop(); // a property name still being typed
    }
    report.range(path, e.offset, e.length, code);
  }
}
