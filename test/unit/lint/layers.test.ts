// The layering (CONTRIBUTING.md) is enforced by ESLint: eslint-rules/layers.mjs for folders,
// no-restricted-imports for packages (eslint.config.mjs). These tests lint small sources as if they lived in each folder, so a rule
// that stops biting (a wrong glob, a folder renamed) fails here rather than silently.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';

import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..', '..');

describe('lint: layer rules (eslint.config.mjs)', function () {
  this.timeout(60_000);
  let eslint: ESLint;

  before(() => {
    eslint = new ESLint({ cwd: root });
  });

  /** The messages of the import rules (no-restricted-imports for packages, local/layers for folders) for `code` placed at `file`. */
  async function restricted(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'local/layers')
      .map((m) => m.message);
  }

  const use = (specifier: string): string => `import * as m from '${specifier}';\nexport const used = m;\n`;
  const useType = (specifier: string): string => `import type * as m from '${specifier}';\nexport type Used = typeof m;\n`;

  const cases: Array<[file: string, specifier: string, allowed: boolean]> = [
    // The kernel and every core/ are vscode-free.
    ['src/token/x.ts', 'vscode', false],
    ['src/wechat/x.ts', 'vscode', false],
    ['src/common/x.ts', 'vscode', false],
    ['src/settings.ts', 'vscode', false],
    ['src/features/menu/core/rules/x.ts', 'vscode', false],
    ['src/features/simulator/core/x.ts', 'vscode', false],
    ['src/features/menu/webview/x.ts', 'vscode', false],
    // A core never imports a VS Code adapter, the settings readers or the composition root.
    ['src/features/menu/core/x.ts', '../ui/host', false],
    ['src/features/menu/core/x.ts', '../../../ui/notify', false],
    ['src/features/simulator/core/reply/x.ts', '../../ui/endpoints', false],
    ['src/features/simulator/core/x.ts', '../../../config', false],
    ['src/features/simulator/core/x.ts', '../../../settings', false],
    ['src/features/menu/core/x.ts', '../index', false],
    ['src/token/status/x.ts', '../../ui/log', false],
    ['src/token/x.ts', '../features/menu/core/model', false],
    ['src/token/x.ts', '../config', false],
    ['src/wechat/x.ts', '../token/store', false],
    ['src/wechat/x.ts', '../config', false],
    ['src/wechat/x.ts', '../features/diagnostics/core/quota', false],
    ['src/common/x.ts', '../wechat/errors', false],
    // The settings readers import no adapter (a feature's settings are parsed in its core/).
    ['src/settings.ts', './features/simulator/ui/endpoints', false],
    ['src/settings.ts', './ui/log', false],
    // A feature imports another only through its index.ts.
    ['src/features/menu/ui/x.ts', '../../simulator/ui/previewPanel', false],
    ['src/features/simulator/core/phone/x.ts', '../../../menu/core/model', false],
    ['src/features/token/ui/x.ts', '../../accounts/ui/accountCommands', false],
    ['src/features/menu/ui/x.ts', '../../simulator/index', true],
    ['src/features/menu/ui/x.ts', '../../simulator', true],
    // The shared VS Code layer knows no feature; nothing imports the composition root.
    ['src/ui/x.ts', '../features/menu/ui/feature', false],
    ['src/ui/x.ts', '../extension', false],
    ['src/features/menu/ui/x.ts', '../../../extension', false],
    ['src/features/menu/index.ts', '../../extension', false],
    ['src/features/menu/ui/x.ts', '../../../kernel', false],
    ['src/ui/x.ts', '../kernel', false],
    ['src/extension.ts', './kernel', true],
    // A feature's index.ts is vscode-free: from ui/ only types.
    ['src/features/menu/index.ts', './ui/host', false],
    ['src/features/menu/index.ts', '../../ui/notify', false],
    ['src/features/menu/index.ts', '../../ui/commandTable', true],
    ['src/features/all.ts', './menu', true],
    // The webview imports nothing but types from outside its folder.
    ['src/features/menu/webview/x.ts', '../core/phone/chat', false],
    ['src/features/menu/webview/x.ts', './dom', true],
    // Libraries, each in its one file.
    ['src/token/x.ts', 'undici', false],
    ['src/ui/x.ts', 'undici', false],
    ['src/token/sources/redis/redisTokenSource.ts', 'ioredis', false],
    ['src/features/token/ui/x.ts', 'ioredis', false],
    ['src/extension.ts', 'ioredis', false],
    ['src/token/sources/redis/redisClient.ts', 'vscode', false],
    ['src/token/sources/redis/redisClient.ts', '../../../ui/log', false],
    ['src/features/menu/core/validate/index.ts', 'jsonc-parser', false],
    ['src/features/simulator/core/phone/x.ts', 'jsonc-parser', false],
    ['src/features/simulator/core/reply/x.ts', 'fast-xml-parser', false],
    ['src/features/menu/ui/x.ts', 'fast-xml-parser', false],
    // What the layers may do.
    ['src/wechat/undiciTransport.ts', 'undici', true],
    ['src/token/sources/redis/redisClient.ts', 'ioredis', true],
    ['src/features/menu/core/validate/jsonc.ts', 'jsonc-parser', true],
    ['src/features/simulator/core/xml/xmlCodec.ts', 'fast-xml-parser', true],
    ['src/token/x.ts', '../wechat/errors', true],
    ['src/token/x.ts', '../common/clock', true],
    ['src/features/menu/core/x.ts', '../../../wechat/errcodes', true],
    ['src/features/menu/core/x.ts', '../../../common/clock', true],
    ['src/common/x.ts', './localize', true],
    ['src/features/token/ui/x.ts', 'vscode', true],
    ['src/features/token/ui/x.ts', '../../../token/manager', true],
    ['src/features/menu/ui/x.ts', '../core/validate', true],
    ['src/features/menu/ui/x.ts', '../../../ui/notify', true],
    ['src/extension.ts', './ui/log', true],
    ['src/extension.ts', './features/menu', true],
    ['src/features/simulator/core/x.ts', '../../../wechat/http', true],
    ['src/features/simulator/core/crypto/x.ts', '../../../../common/clock', true],
  ];

  // Type-only imports: what crosses into the webview, and a library's types elsewhere.
  const typeCases: Array<[file: string, specifier: string, allowed: boolean]> = [
    ['src/features/menu/webview/x.ts', '../core/phone/chat', true],
    ['src/features/simulator/core/phone/x.ts', 'jsonc-parser', true],
    ['src/features/menu/core/x.ts', 'vscode', false],
    ['src/features/menu/index.ts', './ui/host', true],
    ['src/features/menu/index.ts', 'vscode', false],
  ];
  for (const [file, specifier, allowed] of typeCases) {
    it(`${file} ${allowed ? 'may' : 'may not'} import types of ${specifier}`, async () => {
      const messages = await restricted(file, useType(specifier));
      if (allowed) assert.deepEqual(messages, []);
      else assert.equal(messages.length, 1, `expected one import error, got ${JSON.stringify(messages)}`);
    });
  }

  for (const [file, specifier, allowed] of cases) {
    it(`${file} ${allowed ? 'may' : 'may not'} import ${specifier}`, async () => {
      const messages = await restricted(file, use(specifier));
      if (allowed) assert.deepEqual(messages, []);
      else assert.equal(messages.length, 1, `expected one import error, got ${JSON.stringify(messages)}`);
    });
  }

  // Notifications and progress render [label](command:…) as links: only notify.ts may call them.
  const notifyCases: Array<[file: string, call: string, allowed: boolean]> = [
    ['src/features/menu/ui/x.ts', 'showErrorMessage', false],
    ['src/features/token/ui/x.ts', 'showInformationMessage', false],
    ['src/features/diagnostics/ui/x.ts', 'withProgress', false],
    ['src/extension.ts', 'showWarningMessage', false],
    ['src/ui/notify.ts', 'showErrorMessage', true],
  ];
  for (const [file, call, allowed] of notifyCases) {
    it(`${file} ${allowed ? 'may' : 'may not'} call window.${call}`, async () => {
      const code = `import * as vscode from 'vscode';\nexport const shown = (vscode.window.${call} as unknown as () => void)();\n`;
      const [result] = await eslint.lintText(code, { filePath: join(root, file) });
      const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
      assert.equal(messages.length, allowed ? 0 : 1, JSON.stringify(messages));
    });
  }
});
