import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../src/common/localize';
import { summarizeProblems } from '../../../../../src/features/menu/core/problemSummary';
import type { ProblemSeverity } from '../../../../../src/features/menu/core/validate';

const of = (...severities: ProblemSeverity[]) =>
  summarizeProblems(
    severities.map((severity) => ({ severity })),
    formatMessage,
  );
const repeat = (n: number, severity: ProblemSeverity): ProblemSeverity[] => Array.from({ length: n }, () => severity);

describe('summarizeProblems (the code lens above a menu file)', () => {
  it('passes a menu without errors or warnings; hints do not count', () => {
    assert.deepEqual(of(), { icon: 'pass', text: 'Valid WeChat menu', hasProblems: false });
    assert.deepEqual(of('hint'), { icon: 'pass', text: 'Valid WeChat menu', hasProblems: false });
  });

  it('shows the warning icon, not the error icon, when there are only warnings', () => {
    assert.deepEqual(of('warning'), { icon: 'warning', text: '1 warning', hasProblems: true });
    assert.deepEqual(of(...repeat(3, 'warning'), 'hint'), { icon: 'warning', text: '3 warnings', hasProblems: true });
  });

  it('shows the error icon as soon as one error blocks the upload', () => {
    assert.equal(of('error').icon, 'error');
    assert.equal(of('warning', 'error').icon, 'error');
  });

  it('says "1 error", never "1 errors", in every combination', () => {
    const cases: [ProblemSeverity[], string][] = [
      [['error'], '1 error'],
      [repeat(2, 'error'), '2 errors'],
      [['error', 'warning'], '1 error, 1 warning'],
      [['error', ...repeat(4, 'warning')], '1 error, 4 warnings'],
      [[...repeat(2, 'error'), 'warning'], '2 errors, 1 warning'],
      [[...repeat(2, 'error'), ...repeat(5, 'warning')], '2 errors, 5 warnings'],
    ];
    for (const [severities, text] of cases) {
      assert.equal(of(...severities).text, text);
    }
  });

  it('passes separate singular and plural templates to localize', () => {
    const seen: string[] = [];
    summarizeProblems([{ severity: 'error' }], (m) => (seen.push(m), m));
    summarizeProblems([{ severity: 'error' }, { severity: 'error' }], (m) => (seen.push(m), m));
    assert.deepEqual(seen, ['1 error', '{0} errors']);
  });
});
