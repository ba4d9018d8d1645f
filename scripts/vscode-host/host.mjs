// One fresh VS Code server + one chromium per run; both are stopped (process group killed by pid)
// however the run ends.
import { openBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

/**
 * Start server and browser, call fn({server, browser, page}), always clean up.
 * @template T
 * @param {Parameters<typeof startServer>[0] & { verbose?: boolean, onAutomationLog?: Function, onAutomationExit?: Function }} opts
 * @param {(h: {server: Awaited<ReturnType<typeof startServer>>, page: any, context: any}) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withHost(opts, fn) {
  const serverLines = [];
  const server = await startServer({
    ...opts,
    onLog: (line) => {
      serverLines.push(line);
      if (serverLines.length > 400) serverLines.shift();
      if (opts.verbose) console.log(`[server] ${line}`);
    },
  });
  let browser;
  try {
    browser = await openBrowser({
      origin: server.url,
      onAutomationLog: opts.onAutomationLog,
      onAutomationExit: opts.onAutomationExit,
      onConsole: opts.verbose ? (t) => console.log(`[page] ${t}`) : undefined,
    });
    return await fn({ server, page: browser.page, context: browser.context, serverLines });
  } finally {
    await browser?.close();
    await server.stop();
  }
}
