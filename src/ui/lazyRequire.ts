// Loads a bundle of dist/ that activation must not pay for (dist/transport.js with undici,
// dist/menu.js with the JSON parser and the validator). The path is computed at run time so
// esbuild leaves the require alone and the code stays out of dist/extension.js.
import * as vscode from 'vscode';

export function lazyRequire<Module>(extensionUri: vscode.Uri, bundle: string): Module {
  const modulePath = vscode.Uri.joinPath(extensionUri, 'dist', bundle).fsPath;
  // A real CommonJS require of a file path chosen at run time: what a static import cannot do.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(modulePath) as Module;
}
