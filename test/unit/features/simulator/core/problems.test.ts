import * as assert from 'node:assert/strict';

import { formatTemplate, problem, PROBLEM_TEMPLATES } from '../../../../../src/features/simulator/core/problems';

const placeholders = (template: string): number[] => [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));

describe('callback/problems', () => {
  it('every template numbers its arguments from {0} without gaps', () => {
    for (const [code, { message, fix }] of Object.entries(PROBLEM_TEMPLATES)) {
      assert.ok(message.length > 0 && fix.length > 0, code);
      const used = [...new Set([...placeholders(message), ...placeholders(fix)])].sort((a, b) => a - b);
      assert.deepEqual(
        used,
        used.map((_, i) => i),
        `${code}: ${used.join(',')}`,
      );
      // problem()'s argument count is derived from the templates at compile time up to {2}.
      assert.ok(used.length <= 3, `${code} uses more than {2}: widen ArgsOf in problems.ts`);
    }
  });

  it('problem() carries the code, both templates and the arguments; formatTemplate fills them', () => {
    const p = problem('late', 6200);
    assert.deepEqual(p, { code: 'late', ...PROBLEM_TEMPLATES.late, args: [6200] });
    assert.equal(formatTemplate(p.message, p.args), 'The server answered after 6200 ms; WeChat waits 5 s, so the follower sees no reply.');
    assert.equal(formatTemplate('{0} and {1}', ['a']), 'a and {1}');
  });
});
