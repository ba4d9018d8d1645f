// ESLint flat config. Besides typescript-eslint's recommended rules it states the architecture
// (CONTRIBUTING.md, "Layers"): which folder may import which. A core folder that imports
// `vscode` or `ui/` fails `npm run lint`, and so CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import patterns (gitignore syntax, matched against the import string) with the reason shown. */
const forbid = (patterns, message) => ({ group: patterns, message });

const noVscode = { name: 'vscode', message: 'The core is vscode-free: adapt it in src/ui/<feature>/ instead.' };
const noUndici = {
  name: 'undici',
  message: 'undici is loaded lazily: only src/wechat/undiciTransport.ts imports it (see esbuild.mjs).',
};
const noIoredis = {
  name: 'ioredis',
  message: 'ioredis is loaded lazily: only src/token/sources/redis/redisClient.ts imports it (see esbuild.mjs).',
};
const noUi = forbid(['**/ui', '**/ui/**'], 'The core never imports the VS Code layer (src/ui/).');
const noRoot = forbid(
  ['**/extension', '**/config'],
  'Only src/extension.ts (the composition root) and src/ui/ read settings; the core gets values injected.',
);

const tokenPatterns = [noUi, noRoot, forbid(['**/menu', '**/menu/**'], 'token/ and menu/ do not know each other.')];

/** One `no-restricted-imports` rule for a layer. */
const layer = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: [noUndici, noIoredis, ...paths], patterns }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  // Layers (imports point one way: extension.ts → ui → core; common ← everything).
  layer(['src/common/**/*.ts'], {
    paths: [noVscode],
    patterns: [forbid(['../*', '!../common', '!../common/**'], 'src/common/ imports nothing of ours: every layer imports it.')],
  }),
  layer(['src/wechat/**/*.ts'], {
    paths: [noVscode],
    patterns: [noUi, noRoot, forbid(['**/token', '**/token/**', '**/menu', '**/menu/**'], 'wechat/ knows no cache policy and no menus.')],
  }),
  layer(['src/token/**/*.ts'], { paths: [noVscode], patterns: tokenPatterns }),
  layer(['src/menu/**/*.ts'], {
    paths: [noVscode],
    patterns: [noUi, noRoot, forbid(['**/token', '**/token/**'], 'token/ and menu/ do not know each other.')],
  }),
  layer(['src/callback/**/*.ts'], {
    paths: [noVscode],
    patterns: [noUi, noRoot, forbid(['**/token', '**/token/**', '**/menu', '**/menu/**'], 'callback/ gets the menu button and the account injected; it knows neither token/ nor menu/.')],
  }),
  layer(['src/webview/**/*.ts'], {
    paths: [noVscode],
    patterns: [
      noUi,
      noRoot,
      forbid(['**/token/**', '**/wechat/**'], 'The webview runs in a browser sandbox: it shares only message types with the extension.'),
    ],
  }),
  {
    // The webview script runs in a browser page (bundled by esbuild for platform 'browser'). Its
    // names are checked by tsc with lib DOM (src/webview/tsconfig.json); these globals tell ESLint
    // the same environment, written out because no `globals` package is installed.
    files: ['src/webview/**/*.ts'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', CSS: 'readonly', Element: 'readonly', HTMLElement: 'readonly',
        HTMLButtonElement: 'readonly', SVGSVGElement: 'readonly', HTMLElementTagNameMap: 'readonly',
        KeyboardEvent: 'readonly', MouseEvent: 'readonly', MessageEvent: 'readonly',
        // Injected by VS Code into webviews with scripts enabled.
        acquireVsCodeApi: 'readonly',
      },
    },
  },
  // The composition root may import every folder, but not the lazily loaded libraries.
  layer(['src/extension.ts'], {}),
  layer(['src/ui/**/*.ts', 'src/config.ts'], {
    patterns: [forbid(['**/extension'], 'Nothing imports the composition root.')],
  }),
  {
    // The one file that may import undici.
    files: ['src/wechat/undiciTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noIoredis] }] },
  },
  {
    // The one file that may import ioredis.
    files: ['src/token/sources/redis/redisClient.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noUndici], patterns: tokenPatterns }] },
  },
  {
    // Notifications render `[label](command:…)` as links: every message goes through
    // src/ui/common/notify.ts, which neutralises them (a hostile file or account name stays text).
    files: ['src/**/*.ts'],
    ignores: ['src/ui/common/notify.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'MemberExpression[property.name=/^(show(Information|Warning|Error)Message|withProgress)$/][object.property.name="window"]',
        message: 'Use src/ui/common/notify.ts: it neutralises command links in the message.',
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // mocha's `this` and chai-less assertions need nothing special; tests may use non-null assertions.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Functions passed to page.evaluate() run in the browser.
    files: ['scripts/vscode-host/ui-ops.mjs'],
    languageOptions: { globals: { localStorage: 'readonly', indexedDB: 'readonly', TextDecoder: 'readonly' } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly',
        AbortSignal: 'readonly', AbortController: 'readonly', __dirname: 'readonly',
      },
    },
  },
);
