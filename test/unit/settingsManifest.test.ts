// package.json declares each wechat.* setting for the Settings editor (type, default, bounds, choices);
// src/settings.ts (SETTINGS) declares it again for parseConfig, which falls back to the same
// defaults and clamps into the same bounds when settings.json says something else. The two must
// agree for every setting, field by field.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONFIG_SECTION, parseConfig, SETTINGS } from '../../src/settings';
import { repoRoot } from './helpers/repoRoot';
/** The fields both sides state; the manifest's others (descriptions, scope, order, item schemas) are its own. */
const COMPARED = ['type', 'default', 'minimum', 'maximum', 'enum'] as const;

interface ManifestSection {
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

function manifestSettings(): Map<string, Readonly<Record<string, unknown>>> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: ManifestSection | ManifestSection[] };
  };
  const sections = [manifest.contributes.configuration].flat();
  const prefix = `${CONFIG_SECTION}.`;
  const settings = new Map<string, Readonly<Record<string, unknown>>>();
  for (const section of sections) {
    for (const [key, property] of Object.entries(section.properties)) {
      if (key.startsWith(prefix)) settings.set(key.slice(prefix.length), property);
    }
  }
  return settings;
}

/** The compared fields a declaration states. */
function stated(declaration: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(COMPARED.filter((field) => field in declaration).map((field) => [field, declaration[field]]));
}

describe('settings: package.json and src/settings.ts declare the same settings', () => {
  const manifest = manifestSettings();

  it('the same keys', () => {
    assert.deepEqual([...manifest.keys()].sort(), Object.keys(SETTINGS).sort());
  });

  for (const [key, spec] of Object.entries(SETTINGS)) {
    it(`wechat.${key}: type, default, minimum, maximum and enum agree`, () => {
      const declared = manifest.get(key);
      assert.ok(declared, `package.json does not declare wechat.${key}`);
      assert.deepEqual(stated(declared), stated(spec));
    });
  }

  it('with nothing set, parseConfig gives the declared defaults', () => {
    const config = parseConfig(() => undefined);
    assert.equal(config.tokenMode, SETTINGS.tokenMode.default);
    assert.equal(config.autoRefresh, SETTINGS.autoRefresh.default);
    assert.equal(config.refreshMarginSeconds, SETTINGS.refreshMarginSeconds.default);
    assert.equal(config.requestTimeoutSeconds, SETTINGS.requestTimeoutSeconds.default);
    assert.deepEqual(config.apiBaseUrl, { ok: true, url: SETTINGS.apiBaseUrl.default });
    assert.equal(config.statusBarShow, SETTINGS['statusBar.show'].default);
    assert.equal(config.teamMinReadIntervalSeconds, SETTINGS['teamSource.minReadIntervalSeconds'].default);
    assert.equal(config.terminalExposeToken, SETTINGS['terminal.exposeToken'].default);
    assert.equal(config.clipboardClearAfterSeconds, SETTINGS['clipboard.clearAfterSeconds'].default);
  });

  it('parseConfig clamps into the declared bounds', () => {
    /** Each integer setting and the WeChatConfig field it becomes. */
    const fields = {
      refreshMarginSeconds: 'refreshMarginSeconds',
      requestTimeoutSeconds: 'requestTimeoutSeconds',
      'teamSource.minReadIntervalSeconds': 'teamMinReadIntervalSeconds',
      'clipboard.clearAfterSeconds': 'clipboardClearAfterSeconds',
    } as const;
    for (const [key, field] of Object.entries(fields)) {
      const spec = SETTINGS[key as keyof typeof fields];
      const read = (value: number): number => parseConfig((asked) => (asked === key ? value : undefined))[field];
      assert.equal(read(spec.minimum - 1), spec.minimum, key);
      assert.equal(read(spec.maximum + 1), spec.maximum, key);
    }
    const integers = Object.entries(SETTINGS)
      .filter(([, spec]) => spec.type === 'integer')
      .map(([key]) => key);
    assert.deepEqual(Object.keys(fields).sort(), integers.sort());
  });
});
