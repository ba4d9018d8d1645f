// A read under way when the source is closed (switching account, a new URL or password) must not
// open a second connection that nobody will ever close: each would linger on production's Redis.
import * as assert from 'node:assert/strict';

import { RedisConnection } from '../../../../../src/token/sources/redis/connection';
import { RedisTokenSource } from '../../../../../src/token/sources/redis/redisTokenSource';
import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';
import { FakeClock } from '../../../helpers/fakeClock';
import { CapturingLogger } from '../../../helpers/fixtures';

const APP = 'wxaaaaaaaaaaaaaaaa';
const closedFailure = { redisClientFailure: true, stage: 'command', code: 'CLOSED', message: 'Connection is closed.' } as const;

describe('token/sources/redis: dispose() during a read', () => {
  it('the read fails and no connection is opened after dispose()', async () => {
    let opened = 0;
    let closed = 0;
    let hang = false;
    let commandHangs: () => void = () => undefined;
    const hanging = new Promise<void>((resolve) => (commandHangs = resolve));
    const connect = async (): Promise<RedisConnection> => {
      opened++;
      let isClosed = false;
      const pending: Array<(error: unknown) => void> = [];
      const command = <T>(value: T): Promise<T> =>
        new Promise<T>((resolve, reject) => {
          if (isClosed) return reject(closedFailure);
          if (hang) {
            pending.push(reject);
            return commandHangs();
          }
          resolve(value);
        });
      return {
        get: () => command<string | null>('TOKENVALUE_abcdefghijklmnopqrstuvwxyz'),
        pttl: () => command(100_000),
        close: async () => {
          closed++;
          isClosed = true;
          for (const reject of pending) reject(closedFailure);
        },
      };
    };
    const source = new RedisTokenSource({
      url: () => 'redis://127.0.0.1:6379/0',
      keySettings: () => ({}),
      credentials: async () => undefined,
      connect,
      clock: new FakeClock(),
      log: new CapturingLogger(),
    });
    await source.read(APP);
    hang = true;
    const reading = source.read(APP);
    await hanging; // the read is under way, waiting on the connection
    await source.dispose();
    await assert.rejects(reading, (error: unknown) => error instanceof TeamSourceError);
    assert.equal(opened, 1, 'a connection was opened after dispose()');
    assert.equal(closed, 1);
  });
});
