// A real HTTP proxy for the transport tests: TooTallNate's `proxy` package (ESM, loaded with a
// dynamic import from this CommonJS build), on 127.0.0.1, over http or https. It records every
// connection, every CONNECT target and every Proxy-Authorization header it was shown. Test host
// names (`*.wechat.invalid`, which no resolver knows) are mapped to 127.0.0.1, so a request that
// reaches a local server through the proxy proves it went through the proxy: direct, it fails DNS.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';

export interface RealProxy {
  readonly url: string;
  readonly port: number;
  /** TCP connections accepted. */
  readonly connections: () => number;
  /** `host:port` of every CONNECT, as the client asked (before the test mapping). */
  readonly tunnels: string[];
  /** The Proxy-Authorization header of every request the authenticate hook saw ('' when absent). */
  readonly authorizations: string[];
  close(): Promise<void>;
}

interface ProxyModule {
  createProxy(server: http.Server): http.Server & { authenticate?: (req: http.IncomingMessage) => boolean };
}

const dynamicImport = new Function('s', 'return import(s)') as (specifier: string) => Promise<ProxyModule>;

export async function startRealProxy(
  options: { tls?: { key: string; cert: string }; requireAuthorization?: string } = {},
): Promise<RealProxy> {
  const { createProxy } = await dynamicImport('proxy');
  const base = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }) : http.createServer();
  const tunnels: string[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  // Before the proxy's own listener: record the target and map test hosts to loopback.
  base.prependListener('connect', (req: http.IncomingMessage) => {
    tunnels.push(req.url ?? '');
    req.url = (req.url ?? '').replace(/^[a-z0-9.-]+\.wechat\.invalid:/i, '127.0.0.1:');
  });
  const server = createProxy(base);
  server.authenticate = (req) => {
    const header = req.headers['proxy-authorization'] ?? '';
    authorizations.push(header);
    return options.requireAuthorization === undefined || header === options.requireAuthorization;
  };
  const track = (socket: net.Socket): void => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on(options.tls ? 'secureConnection' : 'connection', track);
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    tunnels,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
