// Desktop route for the integration suites: @vscode/test-cli downloads VS Code (desktop, Electron)
// and runs test/integration in it. Needs the internet; offline, `npm run test:desktop`
// (scripts/vscode-host/test-desktop.mjs) stops with "cannot download VS Code (offline)".
// The offline route is scripts/vscode-host/run-integration.mjs (VS Code server + chromium).
// Under this route the suites start the fake WeChat server themselves; the reload phases and the
// tests that need a person's hand on the page (input boxes) run only under the offline runner.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig([
  {
    label: 'integration',
    files: 'out/test/integration/[0-9]*.test.js',
    // The oldest VS Code the manifest accepts (engines.vscode), as rust-analyzer does.
    version: process.env.VSCODE_TEST_VERSION ?? '1.96.0',
    workspaceFolder: './test/integration/workspace',
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    mocha: { ui: 'tdd', timeout: 20000, color: true },
  },
]);
