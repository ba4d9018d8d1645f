// Bundles the extension the way the `yo code` esbuild template does, with one difference:
// what activation does not need goes to files of its own, required lazily by extension.js —
// dist/transport.js (undici) on the first HTTP call, dist/menu.js (JSON parser, validator,
// preview) when a menu document or command shows up. Activation with a cached token loads neither.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
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
    menu: 'src/ui/menu/feature.ts',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  plugins: [problemMatcherPlugin],
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  const result = await esbuild.build(options);
  // Guard the performance contract: undici must never end up in the activation bundle.
  const activationInputs = Object.keys(result.metafile.outputs['dist/extension.js']?.inputs ?? {});
  const lazyOnly = ['node_modules/undici', 'node_modules/jsonc-parser', 'src/menu/validate', 'src/wechat/menuRules'];
  const leaked = activationInputs.filter((input) => lazyOnly.some((lazy) => input.includes(lazy)));
  if (leaked.length > 0) {
    console.error(`lazily loaded code leaked into dist/extension.js: ${leaked.slice(0, 3).join(', ')}`);
    process.exit(1);
  }
}
