// Menu changes serialised per account: uploads, restores and deletes of one account never
// interleave at the fake WeChat server, while another account's run at the same time. Real
// MenuService → TokenManager.withToken → WeChatClient → UndiciTransport → fake, with seeded
// random latencies in fake time (TokenRig), so requests of concurrent changes overlap.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { MenuBackupStore } from '../../../../../src/features/menu/core/backups';
import { LiveMenuChanges, MenuAccountRef } from '../../../../../src/features/menu/core/liveChanges';
import { Menu } from '../../../../../src/features/menu/core/model';
import { MenuService } from '../../../../../src/features/menu/core/service';
import { TokenManager } from '../../../../../src/token/manager';
import { tokenCall } from '../../../../../src/token/tokenCall';
import type { TokenCall } from '../../../../../src/wechat/client';
import type { FakeCall } from '../../../../fake-wechat/server';
import { hardeningCase } from '../../../../hardening/ledger';
import { seededRandom, TokenRig } from '../../../helpers/tokenRig';
import { MemoryBackupStorage } from './memoryBackupStorage';

const ONE = { appId: 'wxmenuqueue000001', secret: '11111111111111111111111111111111' };
const TWO = { appId: 'wxmenuqueue000002', secret: '22222222222222222222222222222222' };
const WRITES = new Set(['/cgi-bin/menu/create', '/cgi-bin/menu/delete', '/cgi-bin/menu/addconditional', '/cgi-bin/menu/delconditional']);

const menuNamed = (name: string): Menu => ({ button: [{ type: 'click', name, key: `KEY_${name}` }] }) as unknown as Menu;

interface Sent {
  readonly appId: string;
  readonly change: number;
  readonly phase: 'send' | 'done';
}

describe('menu/liveChanges: one change at a time per account', function () {
  this.timeout(30_000);
  let rig: TokenRig;
  let manager: TokenManager;
  let changes: LiveMenuChanges;
  let sent: Sent[];

  beforeEach(async () => {
    rig = await TokenRig.start({ accounts: [ONE, TWO] });
    manager = rig.window({ appId: ONE.appId, autoRefresh: false }).manager;
    changes = new LiveMenuChanges(new MenuBackupStore(new MemoryBackupStorage(), { now: () => rig.clock.now() }));
    sent = [];
    // Tokens first, without latency: the calls below are then menu calls only.
    await manager.get(ONE.appId);
    await manager.get(TWO.appId);
  });

  afterEach(() => rig.close());

  /** The account as a command pins it, its calls tagged with the change they belong to. */
  function account(appId: string, change: number): MenuAccountRef {
    const client = rig.client(rig.windows[0]!.log);
    const bound = tokenCall(manager, client, appId);
    const call: TokenCall = <T extends object>(...args: Parameters<TokenCall>): Promise<T> => {
      sent.push({ appId, change, phase: 'send' });
      const done = (): void => {
        sent.push({ appId, change, phase: 'done' });
      };
      const answer = bound<T>(...args);
      answer.then(done, done);
      return answer;
    };
    return { appId, label: appId, service: new MenuService(call) };
  }

  /** The fake's calls of one account (by the token they carry), menu endpoints only. */
  function callsOf(appId: string): FakeCall[] {
    const token = rig.store.peek(appId)?.accessToken;
    return rig.fake.calls.filter((c) => c.query['access_token'] === token && c.path.includes('menu'));
  }

  /** No request of another change of the same account between a change's first send and its last answer. */
  function assertNoInterleaving(): void {
    for (const appId of [ONE.appId, TWO.appId]) {
      const events = sent.filter((e) => e.appId === appId);
      let open: number | undefined;
      let outstanding = 0;
      for (const event of events) {
        if (event.phase === 'send') {
          assert.ok(open === undefined || open === event.change, `${appId}: change ${event.change} sent while change ${open} was running`);
          open = event.change;
          outstanding++;
        } else if (--outstanding === 0) {
          open = undefined;
        }
      }
    }
  }

  it('two overlapping uploads to one account: backup, create, backup, create at the fake; the other account in parallel', () =>
    hardeningCase('fault', 'concurrency: overlapping uploads of one account', async () => {
      rig.latency = (() => {
        const random = seededRandom(7);
        return () => Math.floor(random() * 2000);
      })();
      const uploads = [
        changes.replace(account(ONE.appId, 1), 'upload', () => account(ONE.appId, 1).service.create(menuNamed('A'))),
        changes.replace(account(ONE.appId, 2), 'upload', () => account(ONE.appId, 2).service.create(menuNamed('B'))),
        changes.replace(account(TWO.appId, 3), 'upload', () => account(TWO.appId, 3).service.create(menuNamed('C'))),
      ];
      await rig.runFor(60_000);
      const [first, second] = await Promise.all(uploads);
      assertNoInterleaving();

      const one = callsOf(ONE.appId);
      const pattern = one.map((c) => (WRITES.has(c.path) ? 'W' : 'R')).join('');
      assert.match(pattern, /^R+WR+W$/, `account one at the fake: ${one.map((c) => c.path).join(', ')}`);
      const creates = one.filter((c) => c.path === '/cgi-bin/menu/create').map((c) => JSON.stringify(c.body));
      assert.ok(creates[0]?.includes('"A"') && creates[1]?.includes('"B"'), 'in the order they were started');
      assert.deepEqual(rig.fake.liveMenu(ONE.appId), { button: [{ type: 'click', name: 'B', key: 'KEY_B' }] });
      // The second upload's backup holds the first upload's menu: nothing was backed up stale.
      assert.equal(first.backup, undefined, 'nothing was live before the first');
      assert.deepEqual(second.backup?.buttonNames, ['A']);

      // Account two ran alongside: its first request reached the fake before account one's last.
      const two = callsOf(TWO.appId);
      assert.ok(two.length >= 2);
      assert.ok(rig.fake.calls.indexOf(two[0]!) < rig.fake.calls.indexOf(one.at(-1)!), 'the other account did not wait');
      assert.equal(changes.busyAccounts, 0);
    }));

  it('property: any mix of uploads, restores and deletes on two accounts, any latencies — never interleaved per account', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ two: fc.boolean(), kind: fc.constantFrom('upload', 'restore', 'delete', 'conditional') }), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (ops, seed) =>
          hardeningCase('fault', 'concurrency: menu changes serialised per account', async () => {
            const random = seededRandom(seed);
            rig.latency = () => Math.floor(random() * 1500);
            sent = [];
            const running = ops.map((op, i) => {
              const ref = account(op.two ? TWO.appId : ONE.appId, i);
              const menu = menuNamed(`M${i}`);
              switch (op.kind) {
                case 'upload':
                  return changes.replace(ref, 'upload', () => ref.service.create(menu));
                case 'restore':
                  return changes.replace(ref, 'restore', () => ref.service.restore({ menu }));
                case 'delete':
                  return changes.replace(ref, 'delete', () => ref.service.deleteAll());
                case 'conditional':
                  // Refused (no default menu) or added: either way in the account's turn.
                  return changes.addConditional(ref, { ...menu, matchrule: { tag_id: '2' } } as Menu).catch(() => undefined);
              }
            });
            await rig.runFor(10 * 60_000);
            await Promise.all(running);
            assertNoInterleaving();
          }),
      ),
      { numRuns: 15, seed: 20260105 },
    ));
});
