import * as assert from 'node:assert/strict';

import {
  autoRefreshEnabled,
  isExpired,
  isFresh,
  PLATFORM_RENEWAL_WINDOW_MS,
  RECHECK_INTERVAL_MS,
  refreshDueAt,
  remainingMs,
  rereadOnFocus,
} from '../../../src/token/policy';
import { aCachedToken } from '../helpers/fixtures';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const HOUR2 = 7_200_000;
const MARGIN = 300_000;

describe('token/policy', () => {
  const token = aCachedToken({ obtainedAt: T0, checkedAt: T0, expiresAt: T0 + HOUR2 });

  it('remainingMs and isExpired compare with the absolute expiry', () => {
    assert.equal(remainingMs(token, T0), HOUR2);
    assert.equal(remainingMs(token, T0 + HOUR2 + 5), -5);
    assert.equal(isExpired(token, T0 + HOUR2 - 1), false);
    assert.equal(isExpired(token, T0 + HOUR2), true);
  });

  it('a freshly checked token is due at expiry − margin', () => {
    assert.equal(refreshDueAt(token, MARGIN), T0 + HOUR2 - MARGIN);
    assert.equal(refreshDueAt(token, 0), T0 + HOUR2);
    assert.equal(refreshDueAt(token, 600_000), T0 + HOUR2 - 600_000);
  });

  it('isFresh flips exactly at the due time', () => {
    const due = T0 + HOUR2 - MARGIN;
    assert.equal(isFresh(token, due - 1, MARGIN), true);
    assert.equal(isFresh(token, due, MARGIN), false);
    assert.equal(isFresh(token, due + 1, MARGIN), false);
    assert.equal(isFresh(token, T0 + HOUR2 + 1, MARGIN), false);
  });

  describe('stable answered the same token inside a wider margin', () => {
    // margin 10 min: at expiry − 10 min we ask, WeChat (renewing only in the last 5 min) answers
    // with the same token and 600 s left. The cache must not treat it as due again at once.
    const margin = 600_000;
    const expiresAt = T0 + HOUR2;
    const confirmedAt = expiresAt - margin;
    const confirmed = aCachedToken({ obtainedAt: T0, checkedAt: confirmedAt, expiresAt });

    it('is not due again right away', () => {
      assert.equal(isFresh(confirmed, confirmedAt, margin), true);
      assert.equal(isFresh(confirmed, confirmedAt + 1000, margin), true);
    });

    it('waits for the platform renewal window (last 5 minutes)', () => {
      assert.equal(refreshDueAt(confirmed, margin), expiresAt - PLATFORM_RENEWAL_WINDOW_MS);
    });

    it('asks no sooner than a minute after the confirmation, and never after expiry', () => {
      // Confirmed 4.5 min before expiry with a 10 min margin: next check a minute later.
      const late = aCachedToken({ checkedAt: expiresAt - 270_000, expiresAt });
      assert.equal(refreshDueAt(late, margin), expiresAt - 270_000 + RECHECK_INTERVAL_MS);
      // Confirmed 30 s before expiry: due at expiry, not a minute later.
      const last = aCachedToken({ checkedAt: expiresAt - 30_000, expiresAt });
      assert.equal(refreshDueAt(last, margin), expiresAt);
    });

    it('simulating the loop: each answer moves the due time forward, a bounded number of asks', () => {
      let now = confirmedAt;
      let entry = aCachedToken({ checkedAt: now, expiresAt });
      let asks = 0;
      while (now < expiresAt && asks < 100) {
        const due = refreshDueAt(entry, margin);
        assert.ok(due > now || due === expiresAt, `due ${due - now} ms from now — would loop`);
        now = Math.max(due, now + 1);
        asks++;
        entry = { ...entry, checkedAt: now }; // WeChat keeps answering with the same token
      }
      assert.ok(asks <= 6, `asked ${asks} times`);
    });

    it('with the default margin (= platform window) the same answer waits a minute', () => {
      const same = aCachedToken({ checkedAt: expiresAt - MARGIN, expiresAt });
      assert.equal(refreshDueAt(same, MARGIN), expiresAt - MARGIN + RECHECK_INTERVAL_MS);
    });
  });

  it('a token received already inside the margin is rechecked a minute later, not in a loop', () => {
    const shortLived = aCachedToken({ obtainedAt: T0, checkedAt: T0, expiresAt: T0 + 200_000 });
    const due = refreshDueAt(shortLived, MARGIN);
    assert.equal(due, T0 + RECHECK_INTERVAL_MS);
    assert.ok(due <= shortLived.expiresAt);
  });
});

describe('token policy: background refresh and the focus re-read', () => {
  it('refreshes in the background in stable mode, never in classic mode for a WeChat account', () => {
    assert.equal(autoRefreshEnabled({ autoRefresh: true, tokenMode: 'stable', tokenSource: 'wechat' }), true);
    assert.equal(autoRefreshEnabled({ autoRefresh: true, tokenMode: 'classic', tokenSource: 'wechat' }), false);
    assert.equal(autoRefreshEnabled({ autoRefresh: true, tokenMode: 'stable', tokenSource: undefined }), true);
  });

  it('a team account only reads, so it keeps refreshing whatever the token mode; autoRefresh off stops all', () => {
    assert.equal(autoRefreshEnabled({ autoRefresh: true, tokenMode: 'classic', tokenSource: 'redis' }), true);
    assert.equal(autoRefreshEnabled({ autoRefresh: true, tokenMode: 'classic', tokenSource: 'url' }), true);
    assert.equal(autoRefreshEnabled({ autoRefresh: false, tokenMode: 'stable', tokenSource: 'redis' }), false);
  });

  it('re-reads a team token on focus unless it was read within the minimum interval', () => {
    assert.equal(rereadOnFocus('redis', undefined, 1_000, 30_000), true);
    assert.equal(rereadOnFocus('redis', 1_000, 20_000, 30_000), false);
    assert.equal(rereadOnFocus('url', 1_000, 31_000, 30_000), true);
  });

  it('never re-reads for a WeChat account or without an account (their tokens are fetched, not read)', () => {
    assert.equal(rereadOnFocus('wechat', undefined, 1_000, 30_000), false);
    assert.equal(rereadOnFocus(undefined, undefined, 1_000, 30_000), false);
  });
});
