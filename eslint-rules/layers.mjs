// The architecture as one ESLint rule: which folder of src/ may import which, judged on the path an
// import resolves to (not on how its string is spelled, so '../../menu/core/x' and
// '../../../features/menu/core/x' are the same import). CONTRIBUTING.md "Layers" draws the same picture.
import * as path from 'node:path';

/** A layer: the files it holds (relative to the repo, forward slashes) and what they may not import. */
const LAYERS = [
  {
    name: 'common',
    holds: /^src\/common\//,
    forbids: [{ target: /^src\/(?!common\/)/, why: 'src/common/ imports nothing of ours: every layer imports it.' }],
  },
  {
    name: 'wechat',
    holds: /^src\/wechat\//,
    forbids: [
      {
        target: /^src\/(token|features|ui)\//,
        why: "src/wechat/ is the kernel's HTTP layer: it knows no cache policy, feature or VS Code adapter.",
      },
      {
        target: /^src\/(config|settings|extension)\.ts$/,
        why: 'The kernel gets settings injected: only the composition root and ui/ read them.',
      },
    ],
  },
  {
    name: 'token',
    holds: /^src\/token\//,
    forbids: [
      { target: /^src\/(features|ui)\//, why: 'src/token/ is the kernel: features build on it, never the other way round.' },
      {
        target: /^src\/(config|settings|extension)\.ts$/,
        why: 'The kernel gets settings injected: only the composition root and ui/ read them.',
      },
    ],
  },
  {
    name: 'feature core',
    holds: /^src\/features\/[^/]+\/core\//,
    forbids: [
      {
        target: /^src\/(ui|features\/[^/]+\/(ui|webview))\//,
        why: "A feature's core/ is vscode-free: it never imports a VS Code adapter (ui/) or a webview script.",
      },
      {
        target: /^src\/features\/[^/]+\/index\.ts$/,
        why: "A feature's core/ imports only types from a feature's index.ts, which brings in the VS Code layer.",
        typesAllowed: true,
      },
      { target: /^src\/(config|settings|extension)\.ts$/, why: "A feature's core/ gets settings injected: its ui/ reads them." },
    ],
  },
  {
    name: 'feature index',
    holds: /^src\/features\/([^/]+\/index|all)\.ts$/,
    forbids: [
      {
        // Plain unit tests read the Feature values, and activation imports them: VS Code adapters only as types.
        target: /^src\/(features\/[^/]+\/(ui|webview)\/|ui\/(?!(commandIds|commandTable|contextKeys|features)\.ts$))/,
        why: "A feature's index.ts is vscode-free and cheap: from ui/ it imports only types (the implementation loads from its bundle).",
        typesAllowed: true,
      },
    ],
  },
  {
    name: 'feature ui',
    holds: /^src\/features\/[^/]+\/(ui\/|index\.ts$)/,
    forbids: [{ target: /^src\/extension\.ts$/, why: 'Nothing imports the composition root.' }],
  },
  {
    name: 'webview',
    holds: /^src\/features\/[^/]+\/webview\//,
    forbids: [
      {
        target: /^src\//,
        why: 'The webview runs in a browser page: from outside its folder it imports only types (import type).',
        unlessOwnFolder: true,
        typesAllowed: true,
      },
    ],
  },
  {
    name: 'shared ui',
    holds: /^src\/ui\//,
    forbids: [
      {
        target: /^src\/features\//,
        why: 'src/ui/ is the VS Code layer every feature shares: it knows no feature (features register themselves).',
      },
      { target: /^src\/extension\.ts$/, why: 'Nothing imports the composition root.' },
    ],
  },
  {
    name: 'settings',
    holds: /^src\/(settings|config)\.ts$/,
    forbids: [
      {
        target: /^src\/(ui|features\/[^/]+\/(ui|webview))\//,
        why: 'The settings readers import no VS Code adapter: features parse their settings in their core/.',
      },
    ],
  },
];

const FEATURE = /^src\/features\/([^/]+)\//;

/** Files only the composition root may import: itself (nobody) and the kernel it builds. */
const ROOT_ONLY = /^src\/(extension|kernel)\.ts$/;

function relativeToRepo(file, cwd) {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** The repo-relative path an import of `spec` from `fromRel` names (extension-less specs get .ts). */
function resolve(fromRel, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  if (/\.(ts|mjs|js|json)$/.test(base)) return base;
  // Not touching the disk keeps the rule fast and makes the layer test's made-up files work:
  // a folder import is read as its index.ts, anything else as a .ts file.
  return spec.endsWith('/') || /\/index$/.test(base) ? `${base.replace(/\/index$/, '').replace(/\/$/, '')}/index.ts` : `${base}.ts`;
}

/** Whether a resolved path names a feature's public face: features/<name>/index.ts (or the folder). */
const isFeatureIndex = (target) => /^src\/features\/[^/]+\/index\.ts$/.test(target);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point the way CONTRIBUTING.md "Layers" draws them.' },
    schema: [],
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const fromRel = relativeToRepo(context.filename ?? context.getFilename(), cwd);
    if (!fromRel.startsWith('src/')) return {};
    const layers = LAYERS.filter((layer) => layer.holds.test(fromRel));
    const ownFeature = FEATURE.exec(fromRel)?.[1];

    function check(node, spec, typeOnly) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      let target = resolve(fromRel, spec);
      // `../menu` and `../menu/index` are the same index.ts.
      if (/^src\/features\/[^/]+\.ts$/.test(target)) target = target.replace(/\.ts$/, '/index.ts');
      const targetFeature = FEATURE.exec(target)?.[1];
      if (ownFeature && targetFeature && targetFeature !== ownFeature && !isFeatureIndex(target)) {
        context.report({
          node,
          message: `A feature imports another feature only through its index.ts: import from 'features/${targetFeature}/index' (or let the composition root pass it in), not '${spec}'.`,
        });
        return;
      }
      if (ROOT_ONLY.test(target) && fromRel !== 'src/extension.ts') {
        context.report({
          node,
          message: `Only the composition root (src/extension.ts) imports '${spec}': features reach the kernel through the FeatureContext.`,
        });
        return;
      }
      for (const layer of layers) {
        for (const rule of layer.forbids) {
          if (!rule.target.test(target)) continue;
          if (rule.unlessOwnFolder && target.startsWith(path.posix.dirname(fromRel).replace(/(webview)\/.*$/, '$1') + '/')) continue;
          if (rule.typesAllowed && typeOnly) continue;
          context.report({ node, message: `${rule.why} ('${spec}' from ${layer.name})` });
          return;
        }
      }
    }

    const isTypeOnly = (node) =>
      node.importKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};
