// `${command:wechat.accessToken}` consent: given per workspace and account, every hand-out logged
// (the account, never the token), and revocable — afterwards the next use asks again.
import * as assert from 'node:assert/strict';

import { ConsentState, TaskTokenConsent, VARIABLE_CONSENT_KEY } from '../../../../../src/features/token/core/taskTokenConsent';
import { CapturingLogger } from '../../../helpers/fixtures';

class MemoryState implements ConsentState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
}

describe('features/token/core/taskTokenConsent', () => {
  const TEST = 'Test (wx0123456789abcdef)';
  const PROD = 'Prod (wx5eed000000000001)';
  let state: MemoryState;
  let log: CapturingLogger;
  let consent: TaskTokenConsent;

  beforeEach(() => {
    state = new MemoryState();
    log = new CapturingLogger();
    consent = new TaskTokenConsent(state, log);
  });

  it('consent is per account, kept in the workspace state under the existing key', async () => {
    assert.equal(consent.isAllowed(TEST), false);
    await consent.allow(TEST);
    assert.equal(consent.isAllowed(TEST), true);
    assert.equal(consent.isAllowed(PROD), false);
    assert.equal(state.get(`${VARIABLE_CONSENT_KEY}.${TEST}`), true, 'consents given by earlier versions stay valid');
  });

  it("revoking clears every account's consent in the workspace, and nothing else; the next use asks again", async () => {
    await consent.allow(TEST);
    await consent.allow(PROD);
    await state.update('wechat.activeAccount', 'wx0123456789abcdef');
    assert.deepEqual((await consent.revokeAll()).sort(), [PROD, TEST].sort());
    assert.equal(consent.isAllowed(TEST), false);
    assert.equal(consent.isAllowed(PROD), false);
    assert.deepEqual(state.keys(), ['wechat.activeAccount']);
    assert.match(log.text, /consent revoked in this workspace for .*Test \(wx0123456789abcdef\)/);
    assert.deepEqual(await consent.revokeAll(), []);
    assert.match(log.text, /no consent to revoke/);
  });

  it('each hand-out is logged with the account (the token is never given to it)', () => {
    consent.handedOut(TEST);
    consent.handedOut(TEST);
    assert.equal(log.text.split('the access token of Test (wx0123456789abcdef) was handed to a task').length - 1, 2);
  });
});
