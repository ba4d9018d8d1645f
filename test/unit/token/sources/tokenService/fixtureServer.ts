// A stand-in for a team's token service (中控服务器) on 127.0.0.1, ephemeral port. Each path is a
// route the test declares: a fixed answer, one computed from the request, or a slow one. Every
// request is recorded so tests can check the appid parameter and the Authorization header.
import * as http from 'node:http';
import * as net from 'node:net';

export interface FixtureRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
}

export interface FixtureAnswer {
  readonly status?: number;
  readonly contentType?: string;
  /** A string is sent as is; anything else as JSON. */
  readonly body: unknown;
  /** Answer only after this many ms (bounded: close() cancels it). */
  readonly delayMs?: number;
}

export type Route = FixtureAnswer | ((request: FixtureRequest) => FixtureAnswer);

export interface TokenServiceFixture {
  readonly origin: string;
  readonly requests: FixtureRequest[];
  /** Resolves when the next request arrives (call it before the request is sent). */
  nextRequest(): Promise<FixtureRequest>;
  /** Replaces or adds a route while the server runs. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function startTokenServiceFixture(routes: Record<string, Route> = {}): Promise<TokenServiceFixture> {
  const table = new Map(Object.entries(routes));
  const requests: FixtureRequest[] = [];
  const waiting: Array<(request: FixtureRequest) => void> = [];
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://fixture');
    const request: FixtureRequest = { path: parsed.pathname, query: parsed.searchParams, headers: req.headers };
    requests.push(request);
    for (const resolve of waiting.splice(0)) resolve(request);
    const route = table.get(parsed.pathname);
    const answer: FixtureAnswer =
      route === undefined ? { status: 404, body: { error: 'no such route' } } : typeof route === 'function' ? route(request) : route;
    const send = (): void => {
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const contentType =
        answer.contentType ?? (typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
      res.writeHead(answer.status ?? 200, { 'content-type': contentType });
      res.end(text);
    };
    if (!answer.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) send();
    }, answer.delayMs);
    timers.add(timer);
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    route: (path, route) => void table.set(path, route),
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
