// Local servers for transport tests: an echo server (http or https) and a CONNECT proxy that
// records which targets it tunnelled to. All bind 127.0.0.1 on an ephemeral port.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EchoRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface EchoServer extends LocalServer {
  readonly requests: EchoRequest[];
  /** Paths under /status/NNN answer with that status; /slow never answers. */
  /** Resolves when the next request has been read (call it before sending). */
  nextRequest(): Promise<EchoRequest>;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

function closer(server: http.Server | net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** Answers every request with a JSON echo of what it received. */
export async function startEchoServer(tls?: { key: string; cert: string }): Promise<EchoServer> {
  const requests: EchoRequest[] = [];
  const waiting: Array<(request: EchoRequest) => void> = [];
  const sockets = new Set<net.Socket>();
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(entry);
      for (const resolve of waiting.splice(0)) resolve(entry);
      if (entry.url.startsWith('/slow')) return;
      const status = /^\/status\/(\d{3})/.exec(entry.url)?.[1];
      res.writeHead(status ? Number(status) : 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ method: entry.method, url: entry.url, body: entry.body, contentType: req.headers['content-type'] ?? null }));
    });
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: closer(server, sockets),
  };
}

export interface ConnectProxy extends LocalServer {
  /** `host:port` of every CONNECT it served. */
  readonly tunnels: string[];
}

/** A minimal HTTP CONNECT proxy (what undici's ProxyAgent speaks by default). */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end('CONNECT only');
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const index = target.lastIndexOf(':');
    const upstream = net.connect(Number(target.slice(index + 1)), target.slice(0, index).replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, tunnels, close: closer(server, sockets) };
}

/**
 * A throw-away self-signed certificate for 127.0.0.1, made with the openssl CLI at test time
 * (no key material is committed). Undefined when openssl is not installed.
 */
export function selfSignedCert(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'wechat-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:api.wechat.invalid',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
