import * as assert from 'node:assert/strict';

import { statusBarVisible } from '../../../../src/token/status/visibility';

describe('token/status/visibility', () => {
  const facts = [
    { accountConfigured: false, menuFileOpen: false },
    { accountConfigured: true, menuFileOpen: false },
    { accountConfigured: false, menuFileOpen: true },
    { accountConfigured: true, menuFileOpen: true },
  ];

  it('auto: shown when an account is configured or a menu file is open, hidden in other projects', () => {
    assert.deepEqual(
      facts.map((f) => statusBarVisible('auto', f)),
      [false, true, true, true],
    );
  });

  it('always and never override the facts', () => {
    assert.deepEqual(
      facts.map((f) => statusBarVisible('always', f)),
      [true, true, true, true],
    );
    assert.deepEqual(
      facts.map((f) => statusBarVisible('never', f)),
      [false, false, false, false],
    );
  });
});
