// Collects the problems of one validation. A check names a code and the node; severity and
// errcode come from the problem table, so no check restates them.

import type { Node } from 'jsonc-parser';
import type { MessageArg } from '../../../../common/localize';
import type { JsonPath } from '../model';
import { DOCUMENT_LIMITS, type ButtonLevel } from '../rules/limits';
import { PROBLEM_RULES, problemErrcode, type MenuProblem, type MenuProblemCode } from './problems';

export interface ReportOptions {
  /** Level of the button concerned (errcodes differ between top-level and sub-buttons). */
  readonly level?: ButtonLevel;
  /** Field concerned, for the errcodes that depend on it. */
  readonly field?: string;
  /**
   * Cover only the first character of an object or array, so a problem about a whole button does
   * not underline many lines.
   */
  readonly openingOnly?: boolean;
}

export class ProblemReporter {
  private readonly problems: MenuProblem[] = [];

  constructor(private readonly maxProblems: number = DOCUMENT_LIMITS.maxProblems) {}

  /** A problem covering `node`. */
  at(node: Node, path: JsonPath, code: MenuProblemCode, args: readonly MessageArg[] = [], options: ReportOptions = {}): void {
    const length = options.openingOnly && (node.type === 'object' || node.type === 'array') ? 1 : node.length;
    this.range(path, node.offset, length, code, args, options);
  }

  /** A problem covering an explicit range (syntax errors, which have no node). */
  range(path: JsonPath, offset: number, length: number, code: MenuProblemCode, args: readonly MessageArg[] = [], options: ReportOptions = {}): void {
    const errcode = problemErrcode(code, { level: options.level ?? 'top', field: options.field });
    this.problems.push({
      code,
      args,
      path,
      offset,
      length,
      severity: PROBLEM_RULES[code].severity,
      ...(errcode !== undefined ? { errcode } : {}),
    });
  }

  /**
   * Sorted by offset, shorter ranges first; at most DOCUMENT_LIMITS.maxProblems, then one problem
   * saying how many more there are (an error when any of them is one, so a hidden error still
   * blocks the upload).
   */
  sorted(): MenuProblem[] {
    const all = [...this.problems].sort((a, b) => a.offset - b.offset || a.length - b.length);
    const max = this.maxProblems;
    if (all.length <= max) {
      return all;
    }
    const hidden = all.slice(max);
    const errors = hidden.filter((p) => p.severity === 'error').length;
    const first = hidden[0] as MenuProblem;
    const code: MenuProblemCode = errors > 0 ? 'moreErrors' : 'moreProblems';
    const more: MenuProblem = { code, args: errors > 0 ? [hidden.length, errors] : [hidden.length], path: first.path, offset: first.offset, length: 0, severity: PROBLEM_RULES[code].severity };
    return [...all.slice(0, max), more];
  }
}
