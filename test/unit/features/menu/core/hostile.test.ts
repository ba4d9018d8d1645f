// Hostile menu documents: names that JavaScript objects inherit, a `__proto__` that
// would smuggle a matchrule past the upload confirmation, documents far beyond any legal menu
// (size, nesting, problem count) and a validator bug, none of which may break diagnostics,
// preview or upload, or make what is sent differ from what was confirmed.
import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../src/common/localize';
import type { Logger } from '../../../../../src/common/logger';
import { convertApiMenu, convertLiveMenu } from '../../../../../src/features/menu/core/convert';
import { planUpload } from '../../../../../src/features/menu/core/menuBody';
import { buildPreviewModel } from '../../../../../src/features/menu/core/preview/model';
import { DOCUMENT_LIMITS } from '../../../../../src/features/menu/core/rules/limits';
import { MenuService } from '../../../../../src/features/menu/core/service';
import { canUpload, documentLimitOf, isMenuDocument, problemMessage, validateMenu } from '../../../../../src/features/menu/core/validate';
import type { EndpointRequest } from '../../../../../src/wechat/client';
import { Endpoint, MENU_ADD_CONDITIONAL, MENU_CREATE } from '../../../../../src/wechat/endpoints';
import { hardeningCase } from '../../../../hardening/ledger';
import { click, codes, menu, text, view } from './builders';

const VALID_BUTTONS = '[{"type":"click","name":"A","key":"K"}]';

/** A MenuService whose calls are recorded instead of sent. */
function recordingService(): { service: MenuService; sent: { path: string; body: unknown }[] } {
  const sent: { path: string; body: unknown }[] = [];
  const service = new MenuService(async <T extends object>(endpoint: Endpoint, request?: EndpointRequest) => {
    // What goes over the wire: the JSON text, read back.
    sent.push({ path: endpoint.path, body: JSON.parse(JSON.stringify(request?.body)) as unknown });
    return { menuid: '1' } as unknown as T;
  });
  return { service, sent };
}

/**
 * Validates, plans and "uploads" a document the way the upload command does; returns what the
 * confirmation would say (conditional or not) and what was sent, or undefined when refused.
 */
async function uploadAsCommand(source: string): Promise<{ conditional: boolean; path: string; body: unknown } | undefined> {
  const validation = validateMenu(source);
  if (!canUpload(validation)) return undefined;
  const plan = planUpload(validation.menu);
  const { service, sent } = recordingService();
  if (plan.conditional) await service.addConditional(plan.body);
  else await service.create(plan.body);
  assert.equal(sent.length, 1);
  const [request] = sent;
  return { conditional: plan.conditional, path: request!.path, body: request!.body };
}

function nested(depth: number): string {
  return `{"button":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

describe('hostile menu documents', () => {
  describe('inherited property names', () => {
    it('does not throw on "matchrule": {"constructor": "1"}; flags the key as reserved', () =>
      hardeningCase('hostile', 'menu: matchrule constructor key', () => {
        const source = `{"button":${VALID_BUTTONS},"matchrule":{"constructor":"1","tag_id":"2"}}`;
        const result = validateMenu(source);
        assert.deepEqual(codes(result), ['reservedKey']);
        const [problem] = result.problems;
        assert.equal(problem!.severity, 'error');
        assert.deepEqual(problem!.path, ['matchrule', 'constructor']);
        assert.equal(source.slice(problem!.offset, problem!.offset + problem!.length), '"constructor"');
        assert.match(problemMessage(problem!), /"constructor" is not a menu field .*Remove this property/);
      }));

    it('flags __proto__, constructor and prototype keys in buttons, sub-buttons and at the top', () =>
      hardeningCase('hostile', 'menu: reserved keys everywhere', () => {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          const source = `{"${key}":{},"button":[{"name":"P","${key}":"x","sub_button":[{"type":"view","name":"S","url":"https://a.example/","${key}":{"type":"x"}}]}]}`;
          const result = validateMenu(source);
          assert.deepEqual(
            result.problems.map((p) => [p.code, p.path.join('.')]),
            [
              ['reservedKey', key],
              ['reservedKey', `button.0.${key}`],
              ['reservedKey', `button.0.sub_button.0.${key}`],
            ],
            key,
          );
          assert.equal(canUpload(result), false);
        }
      }));

    it('reads toString, valueOf and hasOwnProperty as the unknown fields they are', () =>
      hardeningCase('hostile', 'menu: Object.prototype names as fields', () => {
        const source = text(menu(click('A', 'K', { toString: 'x', hasOwnProperty: 1 })));
        const withRule = `{"button":${VALID_BUTTONS},"matchrule":{"valueOf":"1"}}`;
        assert.deepEqual(codes(validateMenu(source)), ['fieldUnknown', 'fieldUnknown']);
        assert.deepEqual(codes(validateMenu(withRule)).sort(), ['fieldUnknown', 'matchruleEmpty']);
      }));
  });

  describe('what is confirmed is what is sent', () => {
    it('a top-level "__proto__": {"matchrule"} neither makes a conditional menu nor passes', async () =>
      hardeningCase('hostile', 'menu: __proto__ smuggled matchrule', async () => {
        const source = `{"button":${VALID_BUTTONS},"__proto__":{"matchrule":{"tag_id":"1"}}}`;
        const validation = validateMenu(source);
        assert.deepEqual(codes(validation), ['reservedKey']);
        assert.equal(validation.menu !== undefined && 'matchrule' in validation.menu, false);
        assert.equal(planUpload(validation.menu!).conditional, false);
        assert.equal(await uploadAsCommand(source), undefined, 'refused');
      }));

    it('agrees on every hostile variant that is uploaded', async () =>
      hardeningCase('hostile', 'menu: confirmation and body agree', async () => {
        const hostile = [
          `{"button":${VALID_BUTTONS},"matchrule":{"tag_id":"1"}}`,
          `{"button":${VALID_BUTTONS}}`,
          `{"button":[{"type":"click","name":"A","key":"K","value":"x","menuid":1}],"menuid":"9"}`,
          `{"button":${VALID_BUTTONS},"matchrule":{"tag_id":"1","extra":"x"}}`,
          `{"button":${VALID_BUTTONS},"matchrule":{"tag_id":1}}`,
          `{"button":[{"type":"view","name":"A","url":"https://a.example/","key":"ignored"}],"button":${VALID_BUTTONS}}`,
        ];
        for (const source of hostile) {
          const upload = await uploadAsCommand(source);
          assert.ok(upload, source);
          assert.equal(upload.path === MENU_ADD_CONDITIONAL.path, upload.conditional, source);
          assert.equal(Object.hasOwn(upload.body as object, 'matchrule'), upload.conditional, source);
        }
      }));

    it('sends only documented own fields, whatever the menu object carries', async () =>
      hardeningCase('hostile', 'menu: allow-listed body', async () => {
        const inherited = Object.create({ matchrule: { tag_id: '1' } }) as { button: unknown[] };
        inherited.button = [{ ...click('A', 'K'), value: 'x', __extra: 1 }];
        const { service, sent } = recordingService();
        await service.create(inherited as never);
        await service.addConditional({ button: [view('V')], matchrule: { tag_id: '1', ...{ evil: 'x' } } } as never);
        assert.deepEqual(sent, [
          { path: MENU_CREATE.path, body: { button: [{ name: 'A', type: 'click', key: 'K' }] } },
          {
            path: MENU_ADD_CONDITIONAL.path,
            body: { button: [{ name: 'V', type: 'view', url: 'https://example.com/' }], matchrule: { tag_id: '1' } },
          },
        ]);
        assert.equal(planUpload(inherited as never).conditional, false);
      }));
  });

  describe('documents beyond any legal menu', () => {
    const huge = `{"button":[${Array.from({ length: 40_000 }, (_, i) => `{"type":"click","name":"B${i}","key":"K${i}","url":"https://x.example/${i}"}`).join(',')}]}`;

    it('gives a 3.8 MB document one "too large" problem and checks nothing', () =>
      hardeningCase('hostile', 'menu: 3.8 MB document', () => {
        assert.ok(huge.length > 3_000_000);
        const result = validateMenu(huge);
        assert.deepEqual(codes(result), ['documentTooLarge']);
        const [problem] = result.problems;
        assert.equal(problem!.severity, 'error');
        assert.equal(
          problemMessage(problem!),
          `The document is too large to be a menu: ${Math.ceil(huge.length / 1024)} KB; a menu file is at most 256 KB (3 buttons with 5 sub-buttons each fit in far less). It was not checked: remove what is not the menu.`,
        );
        assert.equal(result.menu, undefined);
        assert.equal(documentLimitOf(result), problem);
        assert.equal(isMenuDocument(huge), true, 'still recognised, so the problem shows');
        assert.equal(isMenuDocument(`[${huge}]`), false);
        assert.equal(isMenuDocument(`{"x":"button",${huge.slice(1)}`), true);
        assert.equal(isMenuDocument(`{"other":${huge}}`), false);
      }));

    it("checks everything when given no limits (the bench's baseline)", () => {
      const unlimited = { maxBytes: Infinity, maxDepth: Infinity, maxProblems: Infinity };
      const source = text(menu(click('菜'.repeat(100_000), 'K')));
      assert.deepEqual(codes(validateMenu(source, undefined, unlimited)), ['nameTooLongTop']);
    });

    it('counts UTF-8 bytes: 100,000 Chinese characters (300 KB) are too large', () =>
      hardeningCase('hostile', 'menu: large in bytes, not in characters', () => {
        const source = text(menu(click('菜'.repeat(100_000), 'K')));
        assert.ok(source.length < DOCUMENT_LIMITS.maxBytes);
        assert.deepEqual(codes(validateMenu(source)), ['documentTooLarge']);
        const legal = text(menu(click('菜'.repeat(50_000), 'K')));
        assert.deepEqual(codes(validateMenu(legal)), ['nameTooLongTop']);
      }));

    it('gives 10,000 levels of nesting one "too deep" problem, without a stack overflow anywhere', () =>
      hardeningCase('hostile', 'menu: 10,000 levels of nesting', () => {
        const source = nested(10_000);
        const result = validateMenu(source);
        assert.deepEqual(codes(result), ['documentTooDeep']);
        assert.equal(result.problems[0]!.offset, '{"button":'.length + DOCUMENT_LIMITS.maxDepth - 1);
        assert.equal(isMenuDocument(source), true, 'menu-shaped: the problem shows');
        const model = buildPreviewModel(source, result, formatMessage);
        assert.equal(model.buttons, undefined);
        assert.equal(model.problems.length, 1);
        // Just within the bound, everything is checked as usual.
        assert.deepEqual(codes(validateMenu(nested(DOCUMENT_LIMITS.maxDepth - 1))), ['buttonNotObject']);
        // Unbalanced and inside strings or comments: only real brackets count.
        assert.deepEqual(
          codes(validateMenu(`{"button":${VALID_BUTTONS}, "matchrule": {"tag_id": "${'['.repeat(1000)}"}} // ${'{'.repeat(1000)}`)),
          [],
        );
      }));

    it('converts a deeply nested server answer without recursing into it', () =>
      hardeningCase('hostile', 'menu: deep menu/get answer', () => {
        let deep: Record<string, unknown> = { type: 'click', name: 'leaf', key: 'K' };
        for (let i = 0; i < 100_000; i++) deep = { name: `n${i}`, sub_button: [deep] };
        const api = convertApiMenu({ menu: { button: [deep] } });
        assert.deepEqual(api.menu?.button, [{ name: 'n99999', sub_button: [{ name: 'n99998' }] }]);
        const live = convertLiveMenu({ selfmenu_info: { button: [deep] } });
        assert.equal(live.menu?.button[0]?.sub_button?.[0]?.sub_button, undefined);
      }));

    it('reads own properties of server answers only', () =>
      hardeningCase('hostile', 'menu: __proto__ in a server answer', () => {
        const answer: unknown = JSON.parse(
          '{"menu":{"button":[{"type":"click","name":"A","key":"K","__proto__":{"url":"https://evil.example/"}}]},"__proto__":{"conditionalmenu":[{"button":[]}]}}',
        );
        const conversion = convertApiMenu(answer);
        assert.deepEqual(conversion.menu, { button: [{ type: 'click', name: 'A', key: 'K' }] });
        assert.deepEqual(conversion.conditional, []);
      }));

    it('reports at most maxProblems problems, then how many more (an error when errors are hidden)', () =>
      hardeningCase('hostile', 'menu: problem cap', () => {
        const fields = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`extra${i}`, i]));
        const warnings = validateMenu(text(menu(click('A', 'K', fields))));
        assert.equal(warnings.problems.length, DOCUMENT_LIMITS.maxProblems + 1);
        const last = warnings.problems[DOCUMENT_LIMITS.maxProblems]!;
        assert.equal(last.code, 'moreProblems');
        assert.equal(problemMessage(last), '…and 100 more problems not listed. Fix the ones above first.');
        assert.ok(canUpload(warnings), 'only warnings are hidden');

        const errors = validateMenu(text(menu(click('A', 'K', fields), click('B', 'K2', { name: 1 }))));
        const more = errors.problems[DOCUMENT_LIMITS.maxProblems]!;
        assert.equal(more.code, 'moreErrors');
        assert.equal(problemMessage(more), '…and 101 more problems not listed, 1 of them errors. Fix the ones above first.');
        assert.equal(canUpload(errors), false);
      }));
  });

  describe('the last-resort guard', () => {
    it('turns an exception inside the validator into one internal-error problem and logs it', () =>
      hardeningCase('hostile', 'menu: validator exception', () => {
        const logged: string[] = [];
        const log = { error: (line: string) => logged.push(line) } as unknown as Logger;
        const result = validateMenu(undefined as unknown as string, log);
        assert.deepEqual(codes(result), ['internalError']);
        assert.equal(result.problems[0]!.severity, 'error');
        assert.equal(logged.length, 1);
        assert.match(logged[0]!, /^menu validation failed: TypeError/);
      }));
  });
});
