import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..', '..');

function importsOf(file: string): string[] {
  const source = readFileSync(join(repoRoot, file), 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/gm)].map((m) => m[1] ?? m[2] ?? '');
}

describe('menu core import rules (design.md)', () => {
  const menuFiles = readdirSync(join(repoRoot, 'src', 'menu'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/menu/${f}`);

  it('src/menu never imports vscode, ui/ or token/, and reaches wechat/ only for the rules table and localize', () => {
    assert.ok(menuFiles.length >= 5);
    assert.deepEqual(importsOf('src/menu/validate.ts').slice(0, 3), ['jsonc-parser', '../wechat/localize', '../wechat/menuRules']);
    for (const file of menuFiles) {
      for (const spec of importsOf(file)) {
        assert.notEqual(spec, 'vscode', file);
        assert.ok(!/\/(ui|token)\//.test(`${spec}/`), `${file} imports ${spec}`);
        if (spec.startsWith('../wechat/')) {
          assert.ok(['../wechat/menuRules', '../wechat/localize'].includes(spec), `${file} imports ${spec}`);
        }
      }
    }
  });

  it('src/wechat/menuRules.ts stays inside wechat/ and never imports vscode', () => {
    for (const spec of importsOf('src/wechat/menuRules.ts')) {
      assert.ok(spec.startsWith('./'), spec);
    }
  });
});
