// Fuzzing the menu validator: whatever the document — any JSON value, hostile keys,
// deep nesting, huge strings, arbitrary text — validateMenu, isMenuDocument and the preview model
// never throw, never need the last-resort guard, and what they return is well-formed: problems
// from the table inside the text, at most the cap, and a menu that holds only documented fields.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { formatMessage } from '../../../../../../src/common/localize';
import { menuBody, planUpload } from '../../../../../../src/features/menu/core/menuBody';
import { buildPreviewModel } from '../../../../../../src/features/menu/core/preview/model';
import { LEAF_FIELDS } from '../../../../../../src/features/menu/core/rules/buttons';
import { DOCUMENT_LIMITS } from '../../../../../../src/features/menu/core/rules/limits';
import { MATCHRULE_FIELD_NAMES } from '../../../../../../src/features/menu/core/rules/matchRule';
import { canUpload, isMenuDocument, PROBLEM_RULES, problemMessage, validateMenu } from '../../../../../../src/features/menu/core/validate';
import { hardeningCase } from '../../../../../hardening/ledger';
import { deepText, hostileJsonText, hostileMenuText, hugeStringText } from './arbitraries';

/** Fixed seed: a failure reproduces; the counterexample is printed by fast-check. */
const SEED = 20261202;
const BUTTON_KEYS = new Set(['name', 'type', 'sub_button', ...LEAF_FIELDS]);
const MATCHRULE_KEYS = new Set<string>(MATCHRULE_FIELD_NAMES);

function assertAllowListed(body: unknown): void {
  const menu = body as { button: Record<string, unknown>[]; matchrule?: Record<string, unknown> };
  assert.deepEqual(
    Object.keys(menu).filter((k) => k !== 'button' && k !== 'matchrule'),
    [],
  );
  const buttons = [...menu.button, ...menu.button.flatMap((b) => (b['sub_button'] as Record<string, unknown>[] | undefined) ?? [])];
  for (const button of buttons) {
    for (const key of Object.keys(button)) assert.ok(BUTTON_KEYS.has(key), key);
    assert.equal(Object.getPrototypeOf(button), Object.prototype);
  }
  for (const key of Object.keys(menu.matchrule ?? {})) assert.ok(MATCHRULE_KEYS.has(key), key);
}

/** Everything a document goes through in the editor, with the invariants that must hold. */
function checkDocument(text: string): void {
  const validation = validateMenu(text);
  assert.ok(validation.problems.length <= DOCUMENT_LIMITS.maxProblems + 1);
  for (const problem of validation.problems) {
    assert.ok(Object.hasOwn(PROBLEM_RULES, problem.code), problem.code);
    assert.notEqual(problem.code, 'internalError', 'the guard caught an exception: fix its cause');
    assert.equal(problem.severity, PROBLEM_RULES[problem.code].severity);
    assert.ok(problem.offset >= 0 && problem.length >= 0 && problem.offset + problem.length <= text.length, `${problem.code} range`);
    assert.equal(typeof problemMessage(problem), 'string');
  }
  if (validation.menu) {
    assert.deepEqual(JSON.parse(JSON.stringify(validation.menu)), validation.menu, 'plain JSON, nothing inherited');
    assertAllowListed(validation.menu);
    assertAllowListed(planUpload(validation.menu).body);
  }
  if (canUpload(validation)) {
    assert.ok(!validation.problems.some((p) => p.code === 'reservedKey'));
  }
  isMenuDocument(text);
  buildPreviewModel(text, validation, formatMessage);
}

describe('fuzz: validateMenu never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        hardeningCase('hostile', 'fuzz menu: any JSON value', () => checkDocument(JSON.stringify(value) ?? '')),
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('on any JSON value as the button list or the match rule', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (button, matchrule) =>
        hardeningCase('hostile', 'fuzz menu: JSON value in menu fields', () => checkDocument(JSON.stringify({ button, matchrule }))),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('on texts with __proto__, constructor and prototype keys anywhere', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJsonText, hostileMenuText), (text) =>
        hardeningCase('hostile', 'fuzz menu: reserved keys', () => {
          checkDocument(text);
          // Whatever the keys, the upload body never has a prototype-borne field.
          const body = menuBody(JSON.parse(text));
          if (body) assertAllowListed(body);
        }),
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('on deep nesting, balanced or not', () => {
    fc.assert(
      fc.property(deepText, (text) =>
        hardeningCase('hostile', 'fuzz menu: deep nesting', () => {
          checkDocument(text);
          const depth = (text.match(/[[{]/g) ?? []).length;
          if (depth > DOCUMENT_LIMITS.maxDepth)
            assert.deepEqual(
              validateMenu(text).problems.map((p) => p.code),
              ['documentTooDeep'],
            );
        }),
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('on huge strings', () => {
    fc.assert(
      fc.property(hugeStringText, (text) =>
        hardeningCase('hostile', 'fuzz menu: huge strings', () => {
          checkDocument(text);
          if (Buffer.byteLength(text) > DOCUMENT_LIMITS.maxBytes) {
            assert.deepEqual(
              validateMenu(text).problems.map((p) => p.code),
              ['documentTooLarge'],
            );
          }
        }),
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('on arbitrary text, and on menus with random edits', () => {
    const menuText =
      '{\n  "button": [\n    {"type": "click", "name": "今日歌曲", "key": "V1001"},\n    {"name": "菜单", "sub_button": [{"type": "view", "name": "搜索", "url": "https://www.example.com/"}]}\n  ],\n  "matchrule": {"tag_id": "2"} // 注释\n}\n';
    const edited = fc
      .array(fc.tuple(fc.nat(menuText.length), fc.nat(4), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 6 })
      .map((edits) => edits.reduce((text, [at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove), menuText));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), edited), (text) =>
        hardeningCase('hostile', 'fuzz menu: arbitrary text', () => checkDocument(text)),
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
