// Every string the extension shows has a zh-cn translation, and the bundle holds nothing else.
// Strings come from four places: literals passed to l10n.t / t / localize in src/, the errcode
// table, the team-source failure table, the callback simulator's problem templates, and the menu
// core's catalogues (menuTexts.ts).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { PROBLEM_TEMPLATES } from '../../src/features/simulator/core/problems';
import { TEAM_SOURCE_TEXTS } from '../../src/token/sources/teamSourceError';
import { CATALOG, type Schema } from '../../src/wechat/catalog';
import { CATALOG_ERRCODES } from '../../src/wechat/catalog/errcodeTexts';
import { REQUEST_PROBLEM_RULES } from '../../src/wechat/catalog/problems';
import { GENERAL_ERRCODES, UNKNOWN_ERRCODE } from '../../src/wechat/errcodes';
import { catalogue } from './features/menu/core/menuTexts';

const root = join(__dirname, '..', '..', '..');
const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** String literals (any quotes) passed as the first argument of l10n.t(…), t(…) or localize(…). */
function literalMessages(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /(?:\bl10n\.t|\bt|\blocalize)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*[,)]/g;
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const message = (match[2] ?? '').replace(/\\(['"`\\])/g, '$1');
      if (!message.includes('${')) found.set(message, file.slice(root.length + 1));
    }
  }
  return found;
}

/** The descriptions of the catalog's patterns: arguments of the request checker's patternMismatch text. */
function patternTexts(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const own = schema.type === 'string' && schema.patternText ? [schema.patternText] : [];
  if (schema.type === 'array') return [...own, ...patternTexts(schema.items)];
  if (schema.type !== 'object') return own;
  return [
    ...Object.values(schema.properties ?? {}).flatMap(patternTexts),
    ...(schema.patternProperties ?? []).flatMap((p) => patternTexts(p.schema)),
    ...Object.values(schema.casesBy?.cases ?? {}).flatMap(patternTexts),
  ];
}

function tableMessages(): string[] {
  return [
    ...[UNKNOWN_ERRCODE, ...Object.values(GENERAL_ERRCODES)].flatMap((info) => [info.meaning, info.fix]),
    ...TEAM_SOURCE_TEXTS,
    // The callback simulator's problems: English templates the UI localises.
    ...Object.values(PROBLEM_TEMPLATES).flatMap((template) => [template.message, template.fix]),
    // The endpoint catalog: its errcodes, the request checker's templates and its pattern descriptions.
    ...Object.values(CATALOG_ERRCODES).flatMap((info) => [info.meaning, info.fix]),
    ...Object.values(REQUEST_PROBLEM_RULES).map((rule) => rule.message),
    ...CATALOG.flatMap((entry) => [...patternTexts(entry.body), ...patternTexts(entry.query)]),
  ];
}

const placeholders = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

describe('l10n/bundle.l10n.zh-cn.json', () => {
  const literals = literalMessages();

  it('finds the messages in the sources (the extraction itself works)', () => {
    assert.ok(literals.has('Copy Access Token'));
    assert.ok(literals.has('Access token copied. It is valid for {0}.'));
    assert.ok(literals.size > 80, `${literals.size} literals`);
  });

  it('translates every literal message of the code', () => {
    const missing = [...literals].filter(([message]) => !(message in bundle)).map(([message, file]) => `${file}: ${message}`);
    assert.deepEqual(missing, []);
  });

  it('translates every errcode meaning and fix', () => {
    assert.deepEqual(
      tableMessages().filter((message) => !(message in bundle)),
      [],
    );
  });

  it('holds no stale keys', () => {
    const known = new Set([...literals.keys(), ...tableMessages(), ...catalogue()]);
    assert.deepEqual(
      Object.keys(bundle).filter((key) => !known.has(key)),
      [],
    );
  });

  it('keeps the placeholders and codicons of every message', () => {
    for (const [english, chinese] of Object.entries(bundle)) {
      assert.deepEqual(placeholders(chinese), placeholders(english), english);
      assert.deepEqual(chinese.match(/\$\([a-z-~]+\)/g) ?? [], english.match(/\$\([a-z-~]+\)/g) ?? [], english);
    }
  });
});
