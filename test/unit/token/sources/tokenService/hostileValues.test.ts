// A token service that hands out something other than a WeChat token (shell syntax, 513
// characters, an expiry years ahead): refused by the one token check with a badToken / noToken
// error naming the URL, never the value — and, read through TokenManager, never stored.
import * as assert from 'node:assert/strict';

import { TokenManager } from '../../../../../src/token/manager';
import { TeamSourceReader } from '../../../../../src/token/sources/teamSource';
import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';
import { hardeningCase } from '../../../../hardening/ledger';
import { DEFAULT_START, FakeClock } from '../../../helpers/fakeClock';
import { APP_ID, fixedCredentials, ScriptedTokenApi } from '../../../helpers/fixtures';
import { HOSTILE_TOKENS } from '../../../helpers/hostileTokens';
import { MemoryTokenStore } from '../../../helpers/memoryTokenStore';
import { useTokenService } from './harness';

describe('token/sources/tokenService: hostile token values (fixture service, UndiciTransport, TokenManager)', () => {
  const h = useTokenService();

  /** Reads `path` through a TokenManager as a team account does; returns the error and the store. */
  async function readThroughManager(path: string): Promise<{ error: unknown; store: MemoryTokenStore }> {
    const store = new MemoryTokenStore();
    const clock = new FakeClock(DEFAULT_START);
    const reader = new TeamSourceReader(h.source(path), clock, () => 0);
    const manager = new TokenManager({
      api: new ScriptedTokenApi(),
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      teamSource: () => reader,
    });
    try {
      return { error: await manager.refresh().catch((e: unknown) => e), store };
    } finally {
      manager.dispose();
    }
  }

  for (const [name, value] of HOSTILE_TOKENS) {
    it(`access_token ${name}: refused, naming the URL; nothing stored`, () =>
      hardeningCase('hostile', `token service: access_token ${name}`, async () => {
        h.fixture.route('/hostile', { body: { access_token: value, expires_in: 7200 } });
        const error = await h.failure(h.source('/hostile').read(APP_ID), 'badToken', h.urlOf('/hostile'));
        assert.match(error.detail, /^access_token (contains|is 513 characters)/);
        assert.match(
          error.describe(),
          /was refused: access_token .+\. WeChat's access tokens are at most 512 characters .+ Nothing was used or stored/,
        );
        const { error: viaManager, store } = await readThroughManager('/hostile');
        assert.ok(viaManager instanceof TeamSourceError && viaManager.failure === 'badToken', String(viaManager));
        assert.deepEqual(store.writes, []);
        for (const text of [error.message, error.describe(), viaManager.describe(), h.log.text]) assert.ok(!text.includes(value), text);
      }));
  }

  it('a wrapped answer ({code, data}) is held to the same check', () =>
    hardeningCase('hostile', 'token service: wrapped access_token with shell syntax', async () => {
      h.fixture.route('/wrapped-hostile', { body: { code: 0, data: { access_token: 'tok`id`$(id)', expires_in: 7200 } } });
      await h.failure(h.source('/wrapped-hostile').read(APP_ID), 'badToken', h.urlOf('/wrapped-hostile'));
    }));

  it('expires_at years ahead (1e15 ms) or a lifetime beyond two days: refused, nothing stored', () =>
    hardeningCase('hostile', 'token service: expiry beyond two days', async () => {
      h.fixture.route('/far-at', { body: { access_token: 'tok-fine_0123', expires_at: DEFAULT_START + 1e15 } });
      h.fixture.route('/far-in', { body: { access_token: 'tok-fine_0123', expires_in: 172_801 } });
      for (const path of ['/far-at', '/far-in']) {
        const error = await h.failure(h.source(path).read(APP_ID), 'noToken', h.urlOf(path));
        assert.match(error.detail, /not within the next 48 hours|not a lifetime between 1 and 172800 seconds/);
        const { store } = await readThroughManager(path);
        assert.deepEqual(store.writes, []);
      }
    }));
});
