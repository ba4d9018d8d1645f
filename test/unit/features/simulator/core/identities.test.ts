import * as assert from 'node:assert/strict';

import { randomOpenId, standInAccountUserName } from '../../../../../src/features/simulator/core/identities';
import { systemRandom } from '../../../../../src/features/simulator/core/random';
import { countingRandom } from './helpers';

describe('callback/identities', () => {
  it('makes OpenID-shaped ids: "o" + 27 URL-safe characters, different each time', () => {
    const a = randomOpenId(systemRandom);
    const b = randomOpenId(systemRandom);
    assert.match(a, /^o[A-Za-z0-9_-]{27}$/);
    assert.notEqual(a, b);
    assert.equal(randomOpenId(countingRandom(0)), randomOpenId(countingRandom(0)));
  });

  it('gives each AppID a stable gh_ stand-in', () => {
    assert.match(standInAccountUserName('wx5823bf96d3bd56c7'), /^gh_[0-9a-f]{12}$/);
    assert.equal(standInAccountUserName('wx5823bf96d3bd56c7'), standInAccountUserName('wx5823bf96d3bd56c7'));
    assert.notEqual(standInAccountUserName('wx5823bf96d3bd56c7'), standInAccountUserName('wx0000000000000000'));
  });
});
