// package.json and the code must not drift: commands, settings, localisation keys, the schema
// URL, the engine version. (In the manner of vscode-pull-request-github's check-commands.)
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatMessage } from '../../src/common/localize';
import { FEATURES } from '../../src/features/all';
import { hasMenuFileName } from '../../src/features/menu/core/menuDocuments';
import { MENU_SCHEMA_URI } from '../../src/features/menu/core/schemaUri';
import { ACCOUNT_COMMANDS, CALLBACK_COMMANDS, GENERAL_COMMANDS, MENU_COMMANDS, TOKEN_COMMANDS } from '../../src/ui/commandIds';
import { CONTEXT_KEYS } from '../../src/ui/contextKeys';
import type { FeatureContext } from '../../src/ui/feature';

/** Each feature's command table, built as the composition root builds it (nothing is loaded). */
const FEATURE_TABLES = FEATURES.map((feature) => ({
  feature,
  table: feature.commands(
    () => {
      throw new Error('a manifest test must not load a feature');
    },
    { localize: formatMessage } as unknown as FeatureContext,
  ),
}));

const root = join(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}
interface SettingContribution {
  markdownDescription?: string;
  description?: string;
  scope?: string;
}
interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: CommandContribution[];
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, SettingContribution> };
    jsonValidation: Array<{ fileMatch: string[]; url: string }>;
  };
}

const manifest = readJson('package.json') as unknown as Manifest;
const nls = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;

/** Every `%key%` used anywhere in package.json. */
function nlsKeysUsed(): string[] {
  const text = readFileSync(join(root, 'package.json'), 'utf8');
  return [...new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1] ?? ''))];
}

describe('package.json', () => {
  it("contributes exactly the commands of the features' command tables (and Show Log / the status-bar pick), each id once", () => {
    // Each table is typed CommandTable<its ids>, so the compiler holds every id to a handler; the
    // real host checks registration (test/integration/01-commands).
    const contributed = manifest.contributes.commands.map((command) => command.command).sort();
    const declared = [...FEATURE_TABLES.flatMap(({ table }) => Object.keys(table)), ...Object.values(GENERAL_COMMANDS)];
    assert.equal(new Set(declared).size, declared.length, 'an id is declared by two groups');
    assert.deepEqual(contributed, [...declared].sort());
    for (const id of declared) assert.match(id, /^wechat\.[a-z][A-Za-z]+$/);
  });

  it('puts every command in the "WeChat" category with a localised title', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, '%category%', command.command);
      assert.match(command.title, /^%command\.[A-Za-z]+%$/, command.command);
    }
    assert.equal(nls['category'], 'WeChat');
  });

  it('titles the commands exactly as the issues ask', () => {
    const title = (id: string): string | undefined => {
      const contribution = manifest.contributes.commands.find((command) => command.command === id);
      return contribution ? nls[contribution.title.slice(1, -1)] : undefined;
    };
    assert.equal(title(TOKEN_COMMANDS.copyAccessToken), 'Copy Access Token');
    assert.equal(title(ACCOUNT_COMMANDS.setupAccount), 'Set Up Account');
    assert.equal(title(ACCOUNT_COMMANDS.setAppSecret), 'Set AppSecret');
    assert.equal(title(ACCOUNT_COMMANDS.clearAppSecret), 'Clear AppSecret');
    assert.equal(title(TOKEN_COMMANDS.refreshAccessToken), 'Refresh Access Token');
    assert.equal(title(TOKEN_COMMANDS.forceRefreshAccessToken), 'Force Refresh Access Token');
    assert.equal(title(TOKEN_COMMANDS.revokeTaskTokenAccess), 'Revoke Token Access for Tasks');
    assert.equal(title(GENERAL_COMMANDS.showLog), 'Show Log');
    assert.equal(title(MENU_COMMANDS.uploadMenu), 'Upload Menu');
    assert.equal(title(MENU_COMMANDS.downloadMenu), 'Download Current Menu');
    assert.equal(title(MENU_COMMANDS.restoreMenuBackup), 'Restore Menu Backup');
    assert.equal(title(MENU_COMMANDS.deleteMenu), 'Delete Menu');
    assert.equal(title(MENU_COMMANDS.deleteConditionalMenu), 'Delete Conditional Menu');
    assert.equal(title(MENU_COMMANDS.newMenuFile), 'New Menu File');
    assert.equal(title(MENU_COMMANDS.tryMatchMenu), 'Try Match');
    assert.equal(title(CALLBACK_COMMANDS.setUpCallback), 'Set Up Callback');
    assert.equal(title(CALLBACK_COMMANDS.verifyCallbackUrl), 'Verify Callback URL');
    assert.equal(title(MENU_COMMANDS.openSimulator), 'Open Simulator');
  });

  it('declares every context key a when-clause reads, and each feature sets only declared keys', () => {
    const declared = new Set<string>(Object.values(CONTEXT_KEYS));
    const settings = Object.keys(manifest.contributes.configuration.properties);
    const whens = Object.values(manifest.contributes.menus).flatMap((items) => items.map((item) => item.when ?? ''));
    for (const key of whens.flatMap((when) => when.match(/\bwechat\.[A-Za-z.]+/g) ?? [])) {
      assert.ok(
        declared.has(key) || settings.some((setting) => key.startsWith(setting)),
        `when-clause key ${key} is declared in src/ui/contextKeys.ts`,
      );
    }
    const setByFeatures = FEATURES.flatMap((feature) => feature.contextKeys);
    for (const key of setByFeatures) assert.ok(declared.has(key), `${key} is declared`);
    assert.deepEqual([...new Set(setByFeatures)].sort(), [...declared].sort(), 'every declared key is set by a feature');
  });

  it('gives every quick-pick entry a label and a group, and every feature a folder with a bundle entry', () => {
    for (const { feature, table } of FEATURE_TABLES) {
      for (const [id, spec] of Object.entries(table))
        if (spec.pick) assert.ok(spec.pick.label.length > 0 && spec.pick.group.length > 0, id);
      assert.ok(existsSync(join(root, 'src', 'features', feature.id, 'ui', 'bundle.ts')), `src/features/${feature.id}/ui/bundle.ts`);
    }
    assert.equal(new Set(FEATURES.map((feature) => feature.id)).size, FEATURES.length);
  });

  it('hides the internal status-bar command from the palette', () => {
    const entry = manifest.contributes.menus['commandPalette']?.find((item) => item.command === GENERAL_COMMANDS.showActions);
    assert.equal(entry?.when, 'false');
  });

  it('only names contributed commands in menus', () => {
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('has an English and a Chinese text for every %key%, and no unused key', () => {
    const used = nlsKeysUsed().sort();
    assert.deepEqual(Object.keys(nls).sort(), used);
    assert.deepEqual(Object.keys(nlsZh).sort(), used);
  });

  it('describes and scopes every setting; the API base URL is machine-wide and restricted', () => {
    const properties = manifest.contributes.configuration.properties;
    for (const [key, setting] of Object.entries(properties)) {
      assert.ok(setting.markdownDescription ?? setting.description, `${key} has a description`);
      assert.ok(setting.scope, `${key} has a scope`);
    }
    assert.equal(properties['wechat.apiBaseUrl']?.scope, 'machine');
    assert.equal(properties['wechat.tokenMode']?.scope, 'application');
    // A workspace must not be able to keep a copied token on the clipboard forever.
    assert.equal(properties['wechat.clipboard.clearAfterSeconds']?.scope, 'application');
    assert.deepEqual(Object.keys(properties).sort(), [
      'wechat.accountName',
      'wechat.accounts',
      'wechat.apiBaseUrl',
      'wechat.appId',
      'wechat.autoRefresh',
      'wechat.clipboard.clearAfterSeconds',
      'wechat.redis.url',
      'wechat.refreshMarginSeconds',
      'wechat.requestTimeoutSeconds',
      'wechat.simulator.callbacks',
      'wechat.simulator.openId',
      'wechat.statusBar.show',
      'wechat.teamSource.minReadIntervalSeconds',
      'wechat.terminal.exposeToken',
      'wechat.tokenMode',
      'wechat.tokenService.url',
    ]);
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    // The AppSecret's destination, and which account's secret is used, never come from an untrusted workspace.
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), [
      'wechat.accountName',
      'wechat.accounts',
      'wechat.apiBaseUrl',
      'wechat.appId',
      'wechat.redis.url',
      'wechat.simulator.callbacks',
      'wechat.tokenService.url',
    ]);
    // Where simulated events go (signed with the account's Token): machine-wide, like the other URLs.
    assert.equal(properties['wechat.simulator.callbacks']?.scope, 'machine');
    // Where team credentials are sent: machine-wide, like the API base URL.
    assert.equal(properties['wechat.redis.url']?.scope, 'machine');
    assert.equal(properties['wechat.tokenService.url']?.scope, 'machine');
  });

  it('points jsonValidation at the schema the extension serves, for the menu file names', () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.equal(validation?.url, MENU_SCHEMA_URI);
    assert.ok(validation?.fileMatch.includes('*.wechat-menu.json'));
    assert.ok(validation?.fileMatch.includes('wechat-menu*.json'));
    // The JSON language service may ask for the schema before onStartupFinished.
    assert.ok(manifest.activationEvents.includes(`onFileSystem:${MENU_SCHEMA_URI.split(':')[0]}`));
  });

  it('keeps @types/vscode at engines.vscode, which vsce requires', () => {
    assert.equal(`^${manifest.devDependencies['@types/vscode']}`, manifest.engines.vscode);
  });

  describe('menu file commands in the explorer and the editor title', () => {
    /** The `resourceFilename =~ /…/flags` regex of a when-clause, as VS Code evaluates it. */
    const fileNameRegex = (when: string | undefined): RegExp => {
      const match = /resourceFilename =~ \/(.+)\/([a-z]*)$/.exec(when ?? '');
      assert.ok(match, `no resourceFilename regex in ${when}`);
      return new RegExp(match[1] ?? '', match[2]);
    };
    const accepted = [
      'wechat-menu.json',
      'wechat-menu.jsonc',
      'wechat-menu-2.json',
      'foo.wechat-menu.jsonc',
      'shop.wechat-menu.json',
      'WeChat-Menu.JSON',
    ];
    const refused = ['package.json', 'tsconfig.json', 'menu.json', 'wechat-menu.json.bak', 'my-wechat-menu.json', 'wechat-menu.yaml'];
    const entries = (location: string) =>
      (manifest.contributes.menus[location] ?? []).filter(
        (m) => m.command === MENU_COMMANDS.uploadMenu || m.command === MENU_COMMANDS.previewMenu,
      );

    for (const location of ['explorer/context', 'editor/title']) {
      it(`${location}: Upload and Preview only on menu file names, .json and .jsonc`, () => {
        const found = entries(location);
        assert.equal(found.length, 2);
        for (const entry of found) {
          const regex = fileNameRegex(entry.when);
          for (const name of accepted) assert.ok(regex.test(name), `${entry.command} offered on ${name}`);
          for (const name of refused) assert.ok(!regex.test(name), `${entry.command} not offered on ${name}`);
        }
      });

      it(`${location}: the when-clause agrees with hasMenuFileName, which the diagnostics use`, () => {
        for (const entry of entries(location)) {
          const regex = fileNameRegex(entry.when);
          for (const name of [...accepted, ...refused]) {
            assert.equal(regex.test(name), hasMenuFileName(`/work/project/${name}`), name);
            assert.equal(regex.test(name), hasMenuFileName(name), name);
          }
        }
      });
    }
  });
});
