import * as assert from 'node:assert/strict';

import { describeEndpoint, parseRedisUrl } from '../../../../../src/token/sources/redis/connectionUrl';
import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';

describe('token/sources/redis/connectionUrl', () => {
  it('redis:// and rediss://, default port 6379 and db 0', () => {
    assert.deepEqual(parseRedisUrl('redis://redis.internal'), { host: 'redis.internal', port: 6379, db: 0, tls: false });
    assert.deepEqual(parseRedisUrl(' rediss://10.0.0.5:6380/2 '), { host: '10.0.0.5', port: 6380, db: 2, tls: true });
    assert.deepEqual(parseRedisUrl('redis://[::1]:7000/'), { host: '::1', port: 7000, db: 0, tls: false });
    assert.equal(describeEndpoint(parseRedisUrl('redis://[::1]:7000/3')), 'redis://[::1]:7000/3');
  });

  const refused: Array<[string, string | undefined, RegExp]> = [
    ['a missing URL', undefined, /is empty/],
    ['an empty URL', '  ', /is empty/],
    ['not a URL', 'redis internal', /is not a URL/],
    ['a host:port without scheme', 'redis.internal:6379', /must start with redis:\/\/ or rediss:\/\//],
    ['another scheme', 'http://redis.internal:6379', /must start with redis:\/\/ or rediss:\/\/ \(TLS\), not http:/],
    ['a db that is no number', 'redis://redis.internal/zero', /database number such as \/0/],
    ['a query', 'redis://redis.internal/0?password=x', /query or fragment/],
  ];
  for (const [name, url, detail] of refused) {
    it(`misconfigured: ${name}`, () => {
      assert.throws(
        () => parseRedisUrl(url),
        (error: unknown) =>
          error instanceof TeamSourceError &&
          error.failure === 'misconfigured' &&
          error.where === 'wechat.redis.url' &&
          detail.test(error.detail),
      );
    });
  }

  for (const url of [
    'redis://:s3cret-pw@redis.internal:6379/0',
    'rediss://reader:s3cret-pw@redis.internal',
    'http://reader:s3cret-pw@redis.internal',
  ]) {
    it(`credentials in the URL are refused, pointing to Set Redis Password, without echoing them: ${url.split(':')[0]}`, () => {
      assert.throws(
        () => parseRedisUrl(url),
        (error: unknown) =>
          error instanceof TeamSourceError &&
          error.failure === 'misconfigured' &&
          /WeChat: Set Redis Password/.test(error.detail) &&
          !error.message.includes('s3cret-pw') &&
          !error.describe().includes('s3cret-pw'),
      );
    });
  }
});
