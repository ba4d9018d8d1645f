// Bundles the extension the way the `yo code` esbuild template does, with one difference:
// what activation does not need goes to files of its own, required lazily by extension.js —
// dist/transport.js (undici) on the first HTTP call, dist/menu.js (JSON parser, validator,
// preview) when a menu document or command shows up, dist/redis.js (ioredis) on the first read of
// a `redis` token source, dist/callback.js (fast-xml-parser, message crypto) on the first callback
// simulation. Activation with a cached token loads none of them.
// The menu preview's webview script is a separate browser build: dist/webview/menu-preview.js.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

/** Requires a bundle with `vscode` replaced by an object that answers every property and call. */
const LOAD_PROBE = `
  const Module = require('module');
  const stub = new Proxy(function () {}, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub,
    // esbuild's ESM interop copies the module onto an object whose prototype is the module's.
    getPrototypeOf: () => stub,
  });
  const load = Module._load;
  Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
  require(process.argv[1]);`;
const watch = process.argv.includes('--watch');

/** Prints errors in the format VS Code's $esbuild-watch problem matcher understands. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const options = {
  entryPoints: {
    extension: 'src/extension.ts',
    transport: 'src/wechat/undiciTransport.ts',
    client: 'src/wechat/client.ts',
    ui: 'src/ui/lazyUi.ts',
    // dist/<feature>.js: each feature's implementation, required by src/ui/features.ts on first use.
    ...Object.fromEntries(
      fs
        .readdirSync('src/features', { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(`src/features/${entry.name}/ui/bundle.ts`))
        .map((entry) => [entry.name, `src/features/${entry.name}/ui/bundle.ts`]),
    ),
    team: 'src/ui/token/teamBundle.ts',
    redis: 'src/token/sources/redis/redisClient.ts',
    callback: 'src/features/simulator/core/bundle.ts',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  // jsonc-parser's "main" is a UMD build whose require('./impl/…') calls esbuild leaves as they
  // are; its ESM build ("module") bundles. The .vsix ships no node_modules.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  plugins: watch ? [problemMatcherPlugin] : [],
};

/** The preview page's script: runs in the webview's browser sandbox, loaded by a nonce'd <script>. */
const WEBVIEW_SCRIPT = 'dist/webview/menu-preview.js';
const webviewOptions = {
  entryPoints: { 'menu-preview': 'src/features/menu/webview/main.ts' },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outdir: path.dirname(WEBVIEW_SCRIPT),
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
};

// A bundle renamed or removed must not linger in dist/ (and so in the .vsix).
if (!watch) fs.rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all([esbuild.context(options), esbuild.context(webviewOptions)]);
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  const [result] = await Promise.all([esbuild.build(options), esbuild.build(webviewOptions)]);
  // A browser bundle is no Node module, so the load probe below would prove nothing about it; what
  // can go wrong is a Node import bundled in, which leaves a require() the page cannot run.
  if (!fs.existsSync(WEBVIEW_SCRIPT)) {
    console.error(`${WEBVIEW_SCRIPT} was not written`);
    process.exit(1);
  }
  if (fs.readFileSync(WEBVIEW_SCRIPT, 'utf8').includes('require(')) {
    console.error(`${WEBVIEW_SCRIPT} calls require(): the webview runs in a browser, import nothing of Node's`);
    process.exit(1);
  }
  // `--metafile` (npm run bench): what is in each bundle, for esbuild's analyser and the bench's list.
  if (process.argv.includes('--metafile')) fs.writeFileSync('dist/extension.meta.json', JSON.stringify(result.metafile));
  // Guard the performance contract: undici and ioredis must never end up in the activation bundle.
  const activationInputs = Object.keys(result.metafile.outputs['dist/extension.js']?.inputs ?? {});
  // Each bundle must load on its own, as it will from the .vsix (which ships no node_modules):
  // require it in a fresh Node with `vscode` stubbed, and fail on any module it cannot find.
  for (const file of Object.keys(result.metafile.outputs).filter((out) => out.endsWith('.js'))) {
    const probe = spawnSync(process.execPath, ['-e', LOAD_PROBE, path.resolve(file)], { encoding: 'utf8' });
    if (probe.status !== 0) {
      const why = probe.stderr
        .split('\n')
        .filter((line) => /Error|Cannot find/.test(line))
        .slice(0, 3);
      console.error(`${file} does not load on its own:\n${why.map((line) => line.slice(0, 300)).join('\n')}`);
      process.exit(1);
    }
  }
  const lazyOnly = [
    'src/wechat/catalog/',
    'src/wechat/client.ts',
    'src/wechat/apiErrors.ts',
    'src/wechat/errcodes.ts',
    'node_modules/undici',
    'node_modules/ioredis',
    'src/token/sources/redis/redisClient',
    'node_modules/jsonc-parser',
    'src/features/menu/core/validate',
    'src/features/menu/core/rules',
    'src/features/accounts/ui/accountCommands',
    'src/features/token/ui/tokenCommands',
    'src/features/accounts/ui/accountSwitcher',
    'src/ui/errorPresenter',
    'src/ui/prompts',
    'src/token/sources/redis/redisTokenSource',
    'src/token/sources/tokenService/',
    'node_modules/fast-xml-parser',
    'src/features/simulator/core/httpSimulator',
    'src/features/simulator/core/crypto/',
    'src/features/simulator/core/xml/',
    'src/features/simulator/core/reply/',
    'src/token/sources/teamSourceError',
    'src/wechat/networkErrors',
  ];
  const leaked = activationInputs.filter((input) => lazyOnly.some((lazy) => input.includes(lazy)));
  if (leaked.length > 0) {
    console.error(`lazily loaded code leaked into dist/extension.js: ${leaked.slice(0, 3).join(', ')}`);
    process.exit(1);
  }
}
