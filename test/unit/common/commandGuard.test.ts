import * as assert from 'node:assert/strict';

import { guardCommand } from '../../../src/common/commandGuard';
import { hardeningCase } from '../../hardening/ledger';

describe('common/commandGuard', () => {
  const collect = (): {
    reported: Array<[string, unknown]>;
    logged: Array<[string, unknown]>;
    report: (id: string, e: unknown) => void;
    fallback: (id: string, e: unknown) => void;
  } => {
    const reported: Array<[string, unknown]> = [];
    const logged: Array<[string, unknown]> = [];
    return { reported, logged, report: (id, e) => void reported.push([id, e]), fallback: (id, e) => void logged.push([id, e]) };
  };

  it('passes the arguments and the result through', async () => {
    const c = collect();
    const run = guardCommand('wechat.x', (a: number, b: number) => a + b, c.report, c.fallback);
    assert.equal(await run(2, 3), 5);
    assert.deepEqual(c.reported, []);
  });

  it('a rejection (e.g. a damaged backup listing) reaches the reporter and the command resolves', () =>
    hardeningCase('fault', 'command rejects outside any handler', async () => {
      const c = collect();
      const failure = new Error('backup folder is a file');
      const run = guardCommand('wechat.restoreMenuBackup', () => Promise.reject(failure), c.report, c.fallback);
      assert.equal(await run(), undefined);
      assert.deepEqual(c.reported, [['wechat.restoreMenuBackup', failure]]);
    }));

  it('a synchronous throw reaches the reporter too', () =>
    hardeningCase('fault', 'command throws synchronously', async () => {
      const c = collect();
      const failure = new TypeError('boom');
      const run = guardCommand(
        'wechat.y',
        () => {
          throw failure;
        },
        c.report,
        c.fallback,
      );
      assert.equal(await run(), undefined);
      assert.deepEqual(c.reported, [['wechat.y', failure]]);
    }));

  it('the command resolves without waiting for the report (a notification waits for a click)', async () => {
    let finishReport: () => void = () => undefined;
    const reported = new Promise<void>((resolve) => (finishReport = resolve));
    const run = guardCommand(
      'wechat.w',
      () => Promise.reject(new Error('x')),
      () => reported,
      () => undefined,
    );
    assert.equal(await run(), undefined);
    finishReport();
  });

  it('when reporting fails as well (presenter bundle missing), the fallback logs it and nothing rejects', () =>
    hardeningCase('fault', 'error presenter fails', async () => {
      const c = collect();
      const reportFailure = new Error('cannot load dist/commands.js');
      let fellBack: () => void = () => undefined;
      const fallenBack = new Promise<void>((resolve) => (fellBack = resolve));
      const fallback = (id: string, e: unknown): void => {
        c.fallback(id, e);
        fellBack();
      };
      const run = guardCommand(
        'wechat.z',
        () => Promise.reject(new Error('first')),
        () => Promise.reject(reportFailure),
        fallback,
      );
      assert.equal(await run(), undefined);
      await fallenBack; // the report fails after the command resolved
      assert.deepEqual(c.logged, [['wechat.z', reportFailure]]);
    }));
});
