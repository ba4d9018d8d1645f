// The layering (CONTRIBUTING.md) is enforced by ESLint's no-restricted-imports in
// eslint.config.mjs. These tests lint small sources as if they lived in each folder, so a rule
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

  /** The messages of no-restricted-imports for `code` placed at `file`. */
  async function restricted(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  const use = (specifier: string): string => `import * as m from '${specifier}';\nexport const used = m;\n`;

  const cases: Array<[file: string, specifier: string, allowed: boolean]> = [
    ['src/token/x.ts', 'vscode', false],
    ['src/wechat/x.ts', 'vscode', false],
    ['src/menu/rules/x.ts', 'vscode', false],
    ['src/common/x.ts', 'vscode', false],
    ['src/menu/x.ts', '../ui/menu/host', false],
    ['src/token/status/x.ts', '../../ui/common/log', false],
    ['src/token/x.ts', '../menu/model', false],
    ['src/menu/x.ts', '../token/manager', false],
    ['src/wechat/x.ts', '../token/store', false],
    ['src/wechat/x.ts', '../config', false],
    ['src/common/x.ts', '../wechat/errors', false],
    ['src/ui/x.ts', '../extension', false],
    ['src/token/x.ts', 'undici', false],
    ['src/ui/common/x.ts', 'undici', false],
    ['src/webview/menuPreview/x.ts', 'vscode', false],
    ['src/token/sources/redis/redisTokenSource.ts', 'ioredis', false],
    ['src/ui/token/x.ts', 'ioredis', false],
    ['src/extension.ts', 'ioredis', false],
    ['src/token/sources/redis/redisClient.ts', 'vscode', false],
    ['src/token/sources/redis/redisClient.ts', '../../../../ui/common/log', false],
    ['src/callback/x.ts', 'vscode', false],
    ['src/callback/reply/x.ts', '../../ui/callback/host', false],
    ['src/callback/x.ts', '../config', false],
    ['src/callback/x.ts', '../menu/model', false],
    // What the layers may do.
    ['src/wechat/undiciTransport.ts', 'undici', true],
    ['src/token/sources/redis/redisClient.ts', 'ioredis', true],
    ['src/token/x.ts', '../wechat/errors', true],
    ['src/token/x.ts', '../common/clock', true],
    ['src/menu/x.ts', '../wechat/errcodes', true],
    ['src/common/x.ts', './localize', true],
    ['src/ui/token/x.ts', 'vscode', true],
    ['src/ui/token/x.ts', '../../token/manager', true],
    ['src/extension.ts', './ui/common/log', true],
    ['src/callback/x.ts', '../wechat/http', true],
    ['src/callback/crypto/x.ts', '../../common/clock', true],
  ];

  for (const [file, specifier, allowed] of cases) {
    it(`${file} ${allowed ? 'may' : 'may not'} import ${specifier}`, async () => {
      const messages = await restricted(file, use(specifier));
      if (allowed) assert.deepEqual(messages, []);
      else assert.equal(messages.length, 1, `expected one no-restricted-imports error, got ${JSON.stringify(messages)}`);
    });
  }

  // Notifications and progress render [label](command:…) as links: only notify.ts may call them.
  const notifyCases: Array<[file: string, call: string, allowed: boolean]> = [
    ['src/ui/menu/x.ts', 'showErrorMessage', false],
    ['src/ui/token/x.ts', 'showInformationMessage', false],
    ['src/ui/diagnostics/x.ts', 'withProgress', false],
    ['src/extension.ts', 'showWarningMessage', false],
    ['src/ui/common/notify.ts', 'showErrorMessage', true],
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
