import * as assert from 'node:assert/strict';

import { formatRemaining, msUntilTextChanges } from '../../../../src/token/status/countdown';

const s = 1000;
const m = 60 * s;
const h = 60 * m;

describe('token/status/countdown', () => {
  describe('formatRemaining', () => {
    it('shows hours and minutes above an hour, flooring', () => {
      assert.equal(formatRemaining(2 * h), '2h 0m');
      assert.equal(formatRemaining(h + 52 * m + 59 * s), '1h 52m');
    });
    it('shows minutes only between 10 minutes and an hour', () => {
      assert.equal(formatRemaining(59 * m + 59 * s), '59m');
      assert.equal(formatRemaining(10 * m), '10m');
    });
    it('shows seconds below 10 minutes, zero-padded', () => {
      assert.equal(formatRemaining(10 * m - 1), '9m 59s');
      assert.equal(formatRemaining(9 * m + 5 * s), '9m 05s');
      assert.equal(formatRemaining(m), '1m 00s');
      assert.equal(formatRemaining(59 * s + 999), '59s');
    });
    it('never shows negative time', () => {
      assert.equal(formatRemaining(-5 * s), '0s');
    });
    it('goes through the injected localize function', () => {
      const calls: string[] = [];
      formatRemaining(h, (message) => {
        calls.push(message);
        return message;
      });
      assert.deepEqual(calls, ['{0}h {1}m']);
    });
  });

  describe('msUntilTextChanges', () => {
    it('wakes just after the next minute boundary above 10 minutes', () => {
      const remaining = h + 30 * m + 20 * s;
      const wait = msUntilTextChanges(remaining);
      assert.equal(wait, 20 * s + 1);
      assert.notEqual(formatRemaining(remaining - wait), formatRemaining(remaining));
      assert.equal(formatRemaining(remaining - wait + 2), formatRemaining(remaining));
    });
    it('wakes every second below 10 minutes', () => {
      assert.equal(msUntilTextChanges(5 * m + 250), 251);
      assert.equal(msUntilTextChanges(5 * m), s + 1);
    });
    it('never wakes for an expired token', () => {
      assert.equal(msUntilTextChanges(0), Number.POSITIVE_INFINITY);
    });
    it('changes the text exactly once per wake-up over a whole token lifetime', () => {
      let remaining = 2 * h;
      let text = formatRemaining(remaining);
      let wakeUps = 0;
      for (;;) {
        remaining -= msUntilTextChanges(remaining);
        wakeUps++;
        // At zero the status view switches to "Expired"; the countdown text itself ends at 0s.
        if (remaining <= 0) break;
        const next = formatRemaining(remaining);
        assert.notEqual(next, text, `no change at ${remaining} ms`);
        text = next;
      }
      // 110 minute steps above 10 minutes, 600 second steps below, and the last one to expiry.
      assert.equal(wakeUps, 110 + 600);
    });
  });
});
