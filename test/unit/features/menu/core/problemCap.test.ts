// The problem cap stops collecting: a 249 KB document of `{"button":[{},{},…]}`, under the
// 256 KB size limit, had the reporter collect ~255,000 problems to keep 200 (1.3–2 s of diagnostics
// and 3–4 s of preview per edit). What is proved here is counted, not timed: problems stored, buttons
// checked, objects built. The per-edit cost is in `npm run bench`.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { emptyButtonsDocument } from '../../../../../bench/menuValidation';
import { formatMessage } from '../../../../../src/common/localize';
import { buildPreviewModel, PREVIEW_BUTTONS } from '../../../../../src/features/menu/core/preview/model';
import { BUTTON_COUNT, DOCUMENT_LIMITS } from '../../../../../src/features/menu/core/rules/limits';
import {
  canUpload,
  type MenuProblem,
  type MenuProblemCode,
  problemMessage,
  validateMenu,
} from '../../../../../src/features/menu/core/validate';
import { ButtonChecks } from '../../../../../src/features/menu/core/validate/buttons';
import { parseMenuTree } from '../../../../../src/features/menu/core/validate/jsonTree';
import { PROBLEM_RULES } from '../../../../../src/features/menu/core/validate/problems';
import { ProblemReporter } from '../../../../../src/features/menu/core/validate/reporter';
import { hardeningCase } from '../../../../hardening/ledger';

const MAX = DOCUMENT_LIMITS.maxProblems;

/** What the reporter returned before the cap stopped collecting: sort everything, keep MAX, count the rest. */
function sortAll(reported: readonly MenuProblem[], max: number): MenuProblem[] {
  const all = [...reported].sort((a, b) => a.offset - b.offset || a.length - b.length);
  if (all.length <= max) return all;
  const hidden = all.slice(max);
  const errors = hidden.filter((p) => p.severity === 'error').length;
  const first = hidden[0] as MenuProblem;
  const code: MenuProblemCode = errors > 0 ? 'moreErrors' : 'moreProblems';
  return [
    ...all.slice(0, max),
    {
      code,
      args: errors > 0 ? [hidden.length, errors] : [hidden.length],
      path: first.path,
      offset: first.offset,
      length: 0,
      severity: PROBLEM_RULES[code].severity,
    },
  ];
}

describe('the problem cap', () => {
  it('stores at most twice the cap while 170,000 problems are reported, and lists the same as sorting them all', () => {
    const report = new ProblemReporter(MAX);
    const reported: MenuProblem[] = [];
    for (let i = 0; i < 170_000; i++) {
      const code: MenuProblemCode = i % 2 ? 'nameMissing' : 'fieldUnknown';
      report.range(['button', i], i * 3, 1, code, code === 'fieldUnknown' ? ['x'] : []);
      reported.push({
        code,
        args: code === 'fieldUnknown' ? ['x'] : [],
        path: ['button', i],
        offset: i * 3,
        length: 1,
        severity: PROBLEM_RULES[code].severity,
      });
    }
    assert.ok(report.peakStored <= 2 * MAX, `${report.peakStored} problems stored at once`);
    const sorted = report.sorted();
    assert.equal(sorted.length, MAX + 1);
    assert.deepEqual(
      sorted.map((p) => [p.code, p.offset, p.args]),
      sortAll(reported, MAX).map((p) => [p.code, p.offset, p.args]),
    );
    assert.equal(problemMessage(sorted[MAX]!), '…and 169800 more problems not listed, 84900 of them errors. Fix the ones above first.');
  });

  it('keeps the first problems by offset, ties in report order, whatever order they are reported in', () => {
    const codes: MenuProblemCode[] = ['nameMissing', 'fieldUnknown', 'nameSpaces', 'typeMissing'];
    const problem = fc.record({ offset: fc.nat(60), length: fc.nat(4), code: fc.constantFrom(...codes) });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 120 }), fc.integer({ min: 1, max: 12 }), (items, max) => {
        const report = new ProblemReporter(max);
        const reported = items.map(({ offset, length, code }, i): MenuProblem => {
          report.range(['p', i], offset, length, code);
          return { code, args: [], path: ['p', i], offset, length, severity: PROBLEM_RULES[code].severity };
        });
        const strip = (list: readonly MenuProblem[]) => list.map((p) => [p.code, p.path, p.offset, p.length, p.args]);
        assert.deepEqual(strip(report.sorted()), strip(sortAll(reported, max)));
        assert.ok(report.peakStored <= Math.max(2 * max, 1));
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('checks about maxProblems buttons of a 249 KB list of {}, and counts the rest', () =>
    hardeningCase(
      'hostile',
      'menu: 249 KB of {} buttons',
      () => {
        const source = emptyButtonsDocument();
        assert.ok(Buffer.byteLength(source) <= DOCUMENT_LIMITS.maxBytes && Buffer.byteLength(source) > 240 * 1024);
        const root = parseMenuTree(source);
        const list = root?.children?.[0]?.children?.[1];
        assert.ok(list?.type === 'array' && (list.children?.length ?? 0) > 80_000);
        const report = new ProblemReporter(MAX);
        const checks = new ButtonChecks(report);
        checks.checkList(list, ['button'], 'top');
        // Every button checked past the limit adds a "too many" error, so the cap is full after MAX of them.
        assert.ok(checks.checkedButtons <= BUTTON_COUNT.top.max + MAX, `${checks.checkedButtons} buttons checked`);
        assert.ok(report.peakStored <= 2 * MAX, `${report.peakStored} problems stored at once`);

        const validation = validateMenu(source);
        assert.equal(validation.problems.length, MAX + 1);
        assert.deepEqual(
          validation.problems.slice(0, 4).map((p) => p.code),
          ['nameMissing', 'typeMissing', 'nameMissing', 'typeMissing'],
        );
        const more = validation.problems[MAX]!;
        assert.equal(more.code, 'moreErrors', 'the hidden "too many buttons" errors still block the upload');
        assert.equal(canUpload(validation), false);
        // The menu holds what could ever be shown or checked, not 80,000 buttons.
        assert.ok((validation.menu?.button.length ?? 0) <= BUTTON_COUNT.sub.max + MAX);

        const model = buildPreviewModel(source, validation, formatMessage);
        assert.equal(model.buttons?.length, PREVIEW_BUTTONS.top);
        assert.equal(model.problems.length, MAX + 1);
      },
      { budgetMs: 5000 },
    ));

  it('still checks every button within the limits, however many problems come before them', () => {
    // 300 unknown fields fill the cap in the first button; the error in the third must still block the upload.
    const fields = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`extra${i}`, i]));
    const source = JSON.stringify({
      button: [
        { type: 'click', name: 'A', key: 'K', ...fields },
        { type: 'click', name: 'B', key: 'K2' },
        { type: 'click', key: 'K3' },
      ],
    });
    const validation = validateMenu(source);
    assert.equal(validation.problems[MAX]?.code, 'moreErrors');
    assert.equal(canUpload(validation), false);
  });
});
