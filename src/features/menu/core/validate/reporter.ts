// Collects the problems of one validation. A check names a code and the node; severity and
// errcode come from the problem table, so no check restates them.

import type { Node } from 'jsonc-parser';

import type { MessageArg } from '../../../../common/localize';
import type { JsonPath } from '../model';
import { type ButtonLevel, DOCUMENT_LIMITS } from '../rules/limits';
import { type MenuProblem, type MenuProblemCode, PROBLEM_RULES, problemErrcode, type ProblemSeverity } from './problems';

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

/** A problem and the order it was reported in: ties in offset and length keep that order. */
interface Entry {
  readonly problem: MenuProblem;
  readonly seq: number;
}

function compare(a: Entry, b: Entry): number {
  return a.problem.offset - b.problem.offset || a.problem.length - b.problem.length || a.seq - b.seq;
}

/**
 * Keeps the `maxProblems` first problems by offset and only counts the rest. A document can hold
 * hundreds of thousands of problems (a 249 KB list of `{}` had 255,000, 1.3–2 s per edit to
 * collect and sort, for 200 shown): entries beyond the cap are dropped as soon as a compaction
 * shows they cannot be among the first, and once the cap is reached a problem after the last one
 * kept is counted without being stored. The result is the same as sorting everything — the
 * same problems listed, the same "…and N more" — for whatever order the checks report in.
 */
export class ProblemReporter {
  private entries: Entry[] = [];
  private seq = 0;
  /** Set once the cap is reached: the last entry kept; anything after it is never listed. */
  private lastKept: Entry | undefined;
  private hiddenCount = 0;
  private hiddenErrors = 0;
  /** The first hidden problem: where "…and N more" points. */
  private firstHidden: Entry | undefined;
  /** What the cap saved, for the tests: problems stored at most at one time. */
  private peak = 0;

  constructor(private readonly maxProblems: number = DOCUMENT_LIMITS.maxProblems) {}

  /** The most problems held at once (at most twice the cap): the unit tests check that collecting stops. */
  get peakStored(): number {
    return this.peak;
  }

  /**
   * Whether a problem at `offset` could still be listed. False once the cap is reached with
   * problems that all come before it: checks of what lies there could only add to the count.
   */
  canList(offset: number): boolean {
    return this.lastKept === undefined || offset <= this.lastKept.problem.offset;
  }

  /**
   * Counts `count` problems of `code` that the caller knows come after one just reported past
   * the cap (canList was false for it): what "…and N more" adds up, without building them.
   */
  countUnlisted(count: number, code: MenuProblemCode): void {
    for (let i = 0; i < count; i++) this.countHidden(PROBLEM_RULES[code].severity);
  }

  /** A problem covering `node`. */
  at(node: Node, path: JsonPath, code: MenuProblemCode, args: readonly MessageArg[] = [], options: ReportOptions = {}): void {
    const length = options.openingOnly && (node.type === 'object' || node.type === 'array') ? 1 : node.length;
    this.range(path, node.offset, length, code, args, options);
  }

  /** A problem covering an explicit range (syntax errors, which have no node). */
  range(
    path: JsonPath,
    offset: number,
    length: number,
    code: MenuProblemCode,
    args: readonly MessageArg[] = [],
    options: ReportOptions = {},
  ): void {
    const seq = this.seq++;
    const severity = PROBLEM_RULES[code].severity;
    const last = this.lastKept?.problem;
    if (last && (offset > last.offset || (offset === last.offset && length >= last.length))) {
      // After everything kept (ties go to the earlier report, which is kept): never listed, only
      // counted; stored only if it is where "…and N more" will point.
      this.countHidden(severity);
      const first = this.firstHidden?.problem;
      if (!first || offset < first.offset || (offset === first.offset && length < first.length)) {
        this.firstHidden = { problem: { code, args, path, offset, length, severity }, seq };
      }
      return;
    }
    const errcode = problemErrcode(code, { level: options.level ?? 'top', field: options.field });
    this.entries.push({ problem: { code, args, path, offset, length, severity, ...(errcode !== undefined ? { errcode } : {}) }, seq });
    this.peak = Math.max(this.peak, this.entries.length);
    if (this.entries.length >= 2 * this.maxProblems) this.compact();
  }

  /**
   * Sorted by offset, shorter ranges first; at most DOCUMENT_LIMITS.maxProblems, then one problem
   * saying how many more there are (an error when any of them is one, so a hidden error still
   * blocks the upload).
   */
  sorted(): MenuProblem[] {
    if (this.entries.length > this.maxProblems) this.compact();
    else this.entries.sort(compare);
    const all = this.entries.map((e) => e.problem);
    const first = this.firstHidden?.problem;
    if (!first) return all;
    const errors = this.hiddenErrors;
    const code: MenuProblemCode = errors > 0 ? 'moreErrors' : 'moreProblems';
    const more: MenuProblem = {
      code,
      args: errors > 0 ? [this.hiddenCount, errors] : [this.hiddenCount],
      path: first.path,
      offset: first.offset,
      length: 0,
      severity: PROBLEM_RULES[code].severity,
    };
    return [...all, more];
  }

  /** Sorts, keeps the first maxProblems and counts the rest as hidden. */
  private compact(): void {
    this.entries.sort(compare);
    for (const entry of this.entries.splice(this.maxProblems)) this.hide(entry);
    this.lastKept = this.entries[this.entries.length - 1];
  }

  private hide(entry: Entry): void {
    this.countHidden(entry.problem.severity);
    if (!this.firstHidden || compare(entry, this.firstHidden) < 0) this.firstHidden = entry;
  }

  private countHidden(severity: ProblemSeverity): void {
    this.hiddenCount++;
    if (severity === 'error') this.hiddenErrors++;
  }
}
