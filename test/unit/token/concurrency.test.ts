// Several windows on one shared store (the memory store with the cross-window change
// notification), each a TokenManager + RefreshScheduler with the real client over real HTTP to the
// fake WeChat server, with seeded random latencies in fake time, over simulated days: stable mode
// asks the token endpoint at most once per token lifetime, no caller ever gets a dead token, and
// classic mode never fetches without a confirmation.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { hardeningCase } from '../../hardening/ledger';
import { seededRandom, TokenRig } from '../helpers/tokenRig';

const HOUR = 3_600_000;
const LIFETIME = 2 * HOUR;

describe('token concurrency: windows sharing one store', function () {
  this.timeout(120_000);

  it('property: 2–4 windows, random latencies, 2 days in stable mode → at most one token request per lifetime, never a dead token', () =>
    fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 5000 }),
        (count, seed, maxLatency) =>
          hardeningCase('fault', 'concurrency: windows share one token (stable)', async () => {
            const rig = await TokenRig.start();
            try {
              const random = seededRandom(seed);
              rig.latency = () => Math.floor(random() * maxLatency);
              const windows = Array.from({ length: count }, () => rig.window({ random }));
              // One window opens first (activation); the others follow within a few seconds.
              for (const win of windows) {
                await win.manager.reload();
                win.scheduler.reschedule();
                await rig.runFor(Math.floor(random() * 5000));
              }
              const startRequests = rig.tokenRequests();
              const startWrites = rig.store.writes.length;
              for (let minute = 0; minute < 2 * 24 * 60; minute += 7) {
                await rig.runFor(7 * 60_000);
                const win = windows[Math.floor(random() * windows.length)]!;
                // A get() may wait on a request with latency: the clock moves on meanwhile.
                const getting = win.manager.get();
                await rig.runFor(10_000);
                const token = await getting;
                assert.ok(rig.fake.isTokenValid(token.accessToken), `minute ${minute}: a dead token`);
              }
              // After the start (windows opening while the first fetch is on its way may each ask
              // once), every token request is answered with a new token: one per lifetime.
              const issued = new Set(rig.store.writes.slice(startWrites).map((w) => w.accessToken));
              const requests = rig.tokenRequests() - startRequests;
              assert.ok(requests <= issued.size, `${requests} token requests for ${issued.size} tokens (${count} windows, 2 days)`);
              // stable_token renews in a token's last 5 minutes: one per 115 minutes at most.
              assert.ok(issued.size <= Math.ceil((2 * 24 * HOUR) / (LIFETIME - 300_000)) + 1, `${issued.size} tokens in 2 days`);
            } finally {
              await rig.close();
            }
          }),
      ),
      { numRuns: 6, seed: 1205 },
    ));
  it('property: classic windows never fetch without a confirmation, and a token stored during a modal is used', () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (count, seed) =>
        hardeningCase('fault', 'concurrency: classic fetch only after a confirmation', async () => {
          const rig = await TokenRig.start();
          try {
            const random = seededRandom(seed);
            rig.latency = () => Math.floor(random() * 3000);
            // The user answers after a while (the modal is open meanwhile), yes or no.
            const confirm = (): Promise<boolean> =>
              new Promise((resolve) => rig.clock.setTimer(() => resolve(random() < 0.7), Math.floor(random() * 20_000)));
            const windows = Array.from({ length: count }, () => rig.window({ mode: 'classic', confirm }));
            for (let step = 0; step < 40; step++) {
              const win = windows[Math.floor(random() * windows.length)]!;
              const getting = win.manager.get().catch(() => undefined);
              await rig.runFor(Math.floor(random() * 30 * 60_000));
              await rig.runFor(60_000);
              await getting;
            }
            const agreed = windows.reduce((sum, w) => sum + w.confirmations.agreed, 0);
            const classic = rig.fake.callsTo('/cgi-bin/token').length;
            assert.ok(classic <= agreed, `${classic} classic fetches for ${agreed} confirmations`);
            assert.equal(rig.fake.callsTo('/cgi-bin/stable_token').length, 0, 'classic windows never auto-refresh with stable');
          } finally {
            await rig.close();
          }
        }),
      ),
      { numRuns: 5, seed: 1206 },
    ));
});
