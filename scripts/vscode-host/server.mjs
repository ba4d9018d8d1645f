// Starts Microsoft's VS Code server (server-main.js from npm code-server) with Node 24, in its own
// process group, on a free port, with fresh user-data/server-data/extensions dirs under a temp dir.
// User and machine settings are written before any page loads. stop() kills the group by pid.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { NODE24_BIN, SERVER_MAIN } from './paths.mjs';
import { bounded, runBounded, startGroup } from './proc.mjs';

export const HOST = '127.0.0.1';

/** Settings that keep a test workbench quiet and deterministic. */
export const QUIET_SETTINGS = Object.freeze({
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
});

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * @param {object} o
 * @param {Record<string, unknown>} [o.settings] user settings (merged over QUIET_SETTINGS)
 * @param {Record<string, unknown>} [o.machineSettings] remote machine settings (machine-scoped ones live here)
 * @param {Record<string, string>} [o.env] extra environment for the server and its extension host
 * @param {boolean} [o.disableWorkspaceTrust]
 * @param {string[]} [o.extraArgs]
 * @param {(line: string) => void} [o.onLog]
 * @param {number} [o.startTimeoutMs]
 * @param {boolean} [o.smokeTestDriver] default true; needed for the test payload, but it also makes
 *   the workbench refuse modal dialogs, so UI tests turn it off
 * @param {string[]} [o.installVsix] .vsix files installed into the fresh extensions dir first
 * @param {string[]} [o.copyExtensions] unpacked extension folders (named publisher.name-version)
 *   copied into the fresh extensions dir before the server starts
 */
export async function startServer(o = {}) {
  if (!fs.existsSync(SERVER_MAIN) || !fs.existsSync(NODE24_BIN)) {
    throw new Error('VS Code host not installed: run `node scripts/vscode-host/setup.mjs` first');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-vscode-'));
  const userDataDir = path.join(tmp, 'user-data');
  const serverDataDir = path.join(tmp, 'server-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspaceDir = path.join(tmp, 'workspace');
  for (const d of [userDataDir, serverDataDir, extensionsDir, workspaceDir]) fs.mkdirSync(d, { recursive: true });
  writeJson(path.join(userDataDir, 'User', 'settings.json'), { ...QUIET_SETTINGS, ...(o.settings ?? {}) });
  const machine = { ...(o.machineSettings ?? {}) };
  // With --user-data-dir the server keeps its machine settings under <user-data-dir>/Machine/;
  // without it, under <server-data-dir>/data/Machine/. Write both.
  writeJson(path.join(userDataDir, 'Machine', 'settings.json'), machine);
  writeJson(path.join(serverDataDir, 'data', 'Machine', 'settings.json'), machine);
  const logFile = path.join(tmp, 'server.log');

  for (const dir of o.copyExtensions ?? []) fs.cpSync(dir, path.join(extensionsDir, path.basename(dir)), { recursive: true });
  for (const vsix of o.installVsix ?? []) {
    await runBounded(
      'install ' + path.basename(vsix),
      NODE24_BIN,
      [
        SERVER_MAIN,
        '--install-extension',
        vsix,
        '--extensions-dir',
        extensionsDir,
        '--user-data-dir',
        userDataDir,
        '--server-data-dir',
        serverDataDir,
        '--accept-server-license-terms',
      ],
      { cwd: tmp, timeoutMs: 60_000, logFile: path.join(tmp, 'install.log') },
    );
  }
  const port = await freePort();
  const args = [
    SERVER_MAIN,
    '--host',
    HOST,
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(o.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']),
    '--disable-telemetry',
    '--user-data-dir',
    userDataDir,
    '--server-data-dir',
    serverDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(o.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    ...(o.extraArgs ?? []),
  ];
  let listening;
  const ready = new Promise((resolve) => {
    listening = resolve;
  });
  const onLine = (line) => {
    o.onLog?.(line);
    if (/Extension host agent listening on/.test(line)) listening();
  };
  const env = { ...process.env, ...(o.env ?? {}), VSCODE_AGENT_FOLDER: serverDataDir };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  const group = startGroup(NODE24_BIN, args, { cwd: tmp, env, logFile, onLine });
  const server = {
    port,
    url: `http://${HOST}:${port}`,
    tmp,
    userDataDir,
    serverDataDir,
    extensionsDir,
    workspaceDir,
    logFile,
    pid: group.pid,
    /** vscode-remote URI for an absolute path on this machine. */
    remoteUri: (abs) => `vscode-remote://${HOST}:${port}${abs.split(path.sep).map(encodeURIComponent).join('/')}`,
    /** Workbench URL opening `folder`, optionally with a smoke-test-driver payload. */
    workbenchUrl({ folder = workspaceDir, payload } = {}) {
      const q = [`folder=${encodeURIComponent(server.remoteUri(folder))}`];
      if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${server.url}/?${q.join('&')}`;
    },
    async stop({ keep = Boolean(process.env.KEEP_VSCODE_TMP) } = {}) {
      await group.stop();
      if (!keep) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  try {
    const r = await bounded(
      Promise.race([
        ready,
        group.exited.then((e) => Promise.reject(new Error(`server-main.js exited early (${e.code ?? e.signal}); see ${logFile}`))),
      ]),
      o.startTimeoutMs ?? 60_000,
      'the VS Code server to listen',
    );
    void r;
  } catch (err) {
    await server.stop({ keep: true });
    throw err;
  }
  return server;
}
