// ESLint flat config. Besides typescript-eslint's recommended rules it states the architecture
// (CONTRIBUTING.md, "Layers"): which folder may import which. A core folder that imports
// `vscode` or `ui/` fails `npm run lint`, and so CI.
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

import layers from './eslint-rules/layers.mjs';

const noVscode = { name: 'vscode', message: 'The kernel and every core/ are vscode-free: adapt them in a ui/ folder instead.' };
const only = (name, file) => ({
  name,
  allowTypeImports: true,
  message: `${name} is loaded in one place: only ${file} imports it (types excepted), so one file knows its API.`,
});
const noUndici = {
  ...only('undici', 'src/wechat/undiciTransport.ts'),
  allowTypeImports: false,
  message: 'undici is loaded lazily: only src/wechat/undiciTransport.ts imports it (see esbuild.mjs).',
};
const noIoredis = {
  ...only('ioredis', 'src/token/sources/redis/redisClient.ts'),
  allowTypeImports: false,
  message: 'ioredis is loaded lazily: only src/token/sources/redis/redisClient.ts imports it (see esbuild.mjs).',
};
const noJsonc = only('jsonc-parser', 'src/features/menu/core/validate/jsonc.ts');
const noXml = only('fast-xml-parser', 'src/features/simulator/core/xml/xmlCodec.ts');
const LIBRARIES = [noUndici, noIoredis, noJsonc, noXml];

/** `no-restricted-imports` for the packages: every library but `except`, and `vscode` where `vscodeFree`. */
const packages = (files, { vscodeFree, except = [], ignores = [] }) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      { paths: [...(vscodeFree ? [noVscode] : []), ...LIBRARIES.filter((lib) => !except.includes(lib.name))] },
    ],
  },
});

/** The kernel, every feature's core/ and index.ts (read by plain unit tests), the webview scripts and the settings parser: no `vscode`. */
const VSCODE_FREE = [
  'src/features/*/index.ts',
  'src/features/all.ts',
  'src/common/**/*.ts',
  'src/wechat/**/*.ts',
  'src/token/**/*.ts',
  'src/features/*/core/**/*.ts',
  'src/features/*/webview/**/*.ts',
  'src/settings.ts',
];
const LIBRARY_HOMES = {
  'src/wechat/undiciTransport.ts': 'undici',
  'src/token/sources/redis/redisClient.ts': 'ioredis',
  'src/features/menu/core/validate/jsonc.ts': 'jsonc-parser',
  'src/features/simulator/core/xml/xmlCodec.ts': 'fast-xml-parser',
};

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
  {
    // Imports in one order everywhere (npm run format sorts them), so a diff shows only what changed.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  // Layers: which folder may import which (eslint-rules/layers.mjs, on resolved paths)…
  { files: ['src/**/*.ts'], plugins: { local: { rules: { layers } } }, rules: { 'local/layers': 'error' } },
  // …and which packages each file may import.
  packages(['src/**/*.ts'], { vscodeFree: false, ignores: [...VSCODE_FREE, ...Object.keys(LIBRARY_HOMES)] }),
  packages(VSCODE_FREE, { vscodeFree: true, ignores: Object.keys(LIBRARY_HOMES) }),
  ...Object.entries(LIBRARY_HOMES).map(([file, lib]) => packages([file], { vscodeFree: true, except: [lib] })),
  {
    // The webview script runs in a browser page (bundled by esbuild for platform 'browser'). Its
    // names are checked by tsc with lib DOM (src/features/menu/webview/tsconfig.json); these globals tell ESLint
    // the same environment, written out because no `globals` package is installed.
    files: ['src/features/*/webview/**/*.ts'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        CSS: 'readonly',
        Element: 'readonly',
        HTMLElement: 'readonly',
        HTMLButtonElement: 'readonly',
        SVGSVGElement: 'readonly',
        HTMLElementTagNameMap: 'readonly',
        KeyboardEvent: 'readonly',
        MouseEvent: 'readonly',
        MessageEvent: 'readonly',
        // Injected by VS Code into webviews with scripts enabled.
        acquireVsCodeApi: 'readonly',
      },
    },
  },
  {
    // Notifications render `[label](command:…)` as links: every message goes through
    // src/ui/notify.ts, which neutralises them (a hostile file or account name stays text).
    files: ['src/**/*.ts'],
    ignores: ['src/ui/notify.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(show(Information|Warning|Error)Message|withProgress)$/][object.property.name="window"]',
          message: 'Use src/ui/notify.ts: it neutralises command links in the message.',
        },
      ],
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
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        AbortController: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
