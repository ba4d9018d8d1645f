// A callback server built on node-webot's `wechat` middleware (what a developer would write), on
// 127.0.0.1 and an ephemeral port. It records every message the middleware accepted (after its own
// signature check and decryption) and answers with whatever `reply` says.
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';

import wechat from 'wechat';

export type WebotAnswer =
  | { readonly kind: 'reply'; readonly content: unknown }
  | { readonly kind: 'transfer'; readonly kfAccount?: string }
  | { readonly kind: 'raw'; readonly status: number; readonly body: string };

export interface WebotServer {
  readonly url: string;
  /** Messages as the middleware parsed them (req.weixin), in arrival order. */
  readonly received: Array<Record<string, unknown>>;
  /** Raw request URLs (path + query) and methods. */
  readonly requests: Array<{ readonly method: string; readonly url: string }>;
  reply: (message: Record<string, unknown>) => WebotAnswer;
  close(): Promise<void>;
}

export async function startWebotServer(config: string | wechat.Config): Promise<WebotServer> {
  const received: Array<Record<string, unknown>> = [];
  const requests: Array<{ method: string; url: string }> = [];
  const state: { reply: (message: Record<string, unknown>) => WebotAnswer } = {
    reply: () => ({ kind: 'reply', content: '' }),
  };
  const middleware = wechat(config, (req, res) => {
    const message = req.weixin ?? {};
    received.push(message);
    const answer = state.reply(message);
    if (answer.kind === 'reply') res.reply(answer.content);
    else if (answer.kind === 'transfer') res.transfer2CustomerService(answer.kfAccount);
    else {
      res.writeHead(answer.status);
      res.end(answer.body);
    }
  });
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    // What express.query() gives the middleware in a real app.
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    const wreq = Object.assign(req, { query }) as wechat.WechatRequest;
    middleware(wreq, res as wechat.WechatResponse, (err?: unknown) => {
      res.writeHead(err ? 500 : 404);
      res.end(err instanceof Error ? err.name : 'not handled');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/wechat`,
    received,
    requests,
    get reply() {
      return state.reply;
    },
    set reply(fn) {
      state.reply = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
