// The one-line problem count shown above a menu file (code lens): which icon and which words.
// Kept out of the VS Code layer so the choice is unit-tested. Each count has its own singular and
// plural message: languages do not all pluralise by adding "s", so "1 errors" cannot be fixed by
// formatting. Hints do not count: they never block an upload.

import type { Localize } from '../../../common/localize';
import type { ProblemSeverity } from './validate/problems';

export interface ProblemSummary {
  /** A codicon name: `error` only when something blocks the upload, `warning` for warnings only. */
  readonly icon: 'pass' | 'error' | 'warning';
  readonly text: string;
  /** Whether there is anything to look at in the Problems panel. */
  readonly hasProblems: boolean;
}

export function summarizeProblems(problems: readonly { readonly severity: ProblemSeverity }[], localize: Localize): ProblemSummary {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (errors === 0 && warnings === 0) {
    return { icon: 'pass', text: localize('Valid WeChat menu'), hasProblems: false };
  }
  return { icon: errors > 0 ? 'error' : 'warning', text: countText(errors, warnings, localize), hasProblems: true };
}

function countText(errors: number, warnings: number, localize: Localize): string {
  if (warnings === 0) {
    return errors === 1 ? localize('1 error') : localize('{0} errors', errors);
  }
  if (errors === 0) {
    return warnings === 1 ? localize('1 warning') : localize('{0} warnings', warnings);
  }
  if (errors === 1) {
    return warnings === 1 ? localize('1 error, 1 warning') : localize('1 error, {0} warnings', warnings);
  }
  return warnings === 1 ? localize('{0} errors, 1 warning', errors) : localize('{0} errors, {1} warnings', errors, warnings);
}
