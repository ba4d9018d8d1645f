import * as assert from 'node:assert/strict';

import { randomDigits, systemRandom } from '../../../../../src/features/simulator/core/random';
import { countingRandom } from './helpers';

describe('callback/random', () => {
  it('randomDigits gives exactly n digits without a leading zero', () => {
    for (let i = 0; i < 50; i++) assert.match(randomDigits(systemRandom, 19), /^[1-9]\d{18}$/);
    assert.equal(randomDigits(countingRandom(0), 5), '11234');
  });
});
