// Calling the fake WeChat server as the notebook will: a path, a method, a JSON body, the token in
// the query; the answer as JSON or as an image. Plain fetch, so the catalog tests depend on no
// client code.
import { FakeWeChat, startFakeWeChat } from '../../../fake-wechat/server';
import { APP_ID, APP_SECRET } from '../../helpers/fixtures';

export interface FakeAnswer {
  readonly status: number;
  readonly contentType: string;
  /** The JSON answer (undefined for an image or text). */
  readonly json: Record<string, unknown> | undefined;
  readonly bytes: Buffer;
}

export class FakeCaller {
  private constructor(
    readonly fake: FakeWeChat,
    readonly token: string,
  ) {}

  static async start(): Promise<FakeCaller> {
    const fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }] });
    const answer = await send(
      fake.url,
      'POST',
      '/cgi-bin/stable_token',
      {},
      { grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET },
    );
    const token = answer.json?.['access_token'];
    if (typeof token !== 'string') throw new Error(`no token: ${JSON.stringify(answer.json)}`);
    return new FakeCaller(fake, token);
  }

  call(
    method: string,
    path: string,
    options: { body?: unknown; query?: Record<string, string>; token?: boolean } = {},
  ): Promise<FakeAnswer> {
    const query = { ...(options.token === false ? {} : { access_token: this.token }), ...options.query };
    return send(this.fake.url, method, path, query, options.body);
  }

  /** The errcode of a JSON answer (0 when it has none), -1 for anything else. */
  async errcode(
    method: string,
    path: string,
    options: { body?: unknown; query?: Record<string, string>; token?: boolean } = {},
  ): Promise<number> {
    const answer = await this.call(method, path, options);
    if (!answer.json) return answer.contentType.startsWith('image/') ? 0 : -1;
    const errcode = answer.json['errcode'];
    return typeof errcode === 'number' ? errcode : 0;
  }
}

async function send(base: string, method: string, path: string, query: Record<string, string>, body: unknown): Promise<FakeAnswer> {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await fetch(url, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  let json: Record<string, unknown> | undefined;
  if (contentType.includes('json')) json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  return { status: response.status, contentType, json, bytes };
}
