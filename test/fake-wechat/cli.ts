// Runs the fake WeChat server on its own so a person can point the extension at it:
//   npm run build:tests && node out/test/fake-wechat/cli.js --port 8787 [--appid wx… --secret …]
//     [--whitelist 1.2.3.4,5.6.7.8] [--caller-ip 1.2.3.4] [--ttl 7200] [--quiet]
// Then set `wechat.apiBaseUrl` to the printed URL and set up the printed AppID/AppSecret.

import { type FakeAccount, type FakeCall, type FakeWeChat, startFakeWeChat } from './server';

export const DEMO_APP_ID = 'wxfake0000000001';
export const DEMO_SECRET = 'fa4e5ec2e7d0000000000000000000d1';

interface CliOptions {
  port: number;
  appId: string;
  secret: string;
  whitelist?: string[];
  callerIp?: string;
  ttl?: number;
  quiet: boolean;
}

const USAGE = `usage: node out/test/fake-wechat/cli.js [--port N] [--appid ID] [--secret S]
       [--whitelist IP,IP] [--caller-ip IP] [--ttl SECONDS] [--quiet]`;

function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { port: 8787, appId: DEMO_APP_ID, secret: DEMO_SECRET, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid --port\n${USAGE}`);
        opts.port = n;
        break;
      }
      case '--appid':
        opts.appId = value();
        break;
      case '--secret':
        opts.secret = value();
        break;
      case '--whitelist':
        opts.whitelist = value()
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        break;
      case '--caller-ip':
        opts.callerIp = value();
        break;
      case '--ttl': {
        const n = Number(value());
        if (!Number.isFinite(n) || n <= 0) throw new Error(`invalid --ttl\n${USAGE}`);
        opts.ttl = n;
        break;
      }
      case '--quiet':
        opts.quiet = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return opts;
}

/** One log line per request, with the secret and tokens redacted. */
function describe(call: FakeCall): string {
  const q = Object.entries(call.query)
    .map(([k, v]) => `${k}=${k === 'secret' || k === 'access_token' ? '***' : v}`)
    .join('&');
  const time = new Date(call.at).toISOString();
  const fault = call.fault ? ` [fault ${call.fault}]` : '';
  return `${time} ${call.method} ${call.path}${q ? `?${q}` : ''} → errcode ${call.errcode}${fault}`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const account: FakeAccount = { appId: opts.appId, secret: opts.secret };
  if (opts.whitelist) account.ipWhitelist = opts.whitelist;
  const fake: FakeWeChat = await startFakeWeChat({
    accounts: [account],
    port: opts.port,
    ...(opts.ttl !== undefined ? { tokenTtlSeconds: opts.ttl } : {}),
    ...(opts.callerIp !== undefined ? { callerIp: opts.callerIp } : {}),
  });
  process.stdout.write(
    [
      `Fake WeChat API listening on ${fake.url}`,
      `  AppID:     ${opts.appId}`,
      `  AppSecret: ${opts.secret}`,
      opts.whitelist ? `  IP whitelist: ${opts.whitelist.join(', ')}` : '  IP whitelist: (any)',
      `Set "wechat.apiBaseUrl": "${fake.url}" in your VS Code user settings, then run "WeChat: Set Up Account".`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  if (!opts.quiet) {
    let logged = 0;
    const timer = setInterval(() => {
      while (logged < fake.calls.length) {
        const call = fake.calls[logged++] as FakeCall;
        process.stdout.write(`${describe(call)}\n`);
      }
    }, 200);
    timer.unref();
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping fake WeChat…\n');
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
