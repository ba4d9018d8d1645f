import * as assert from 'node:assert/strict';

import { quotaReport } from '../../../../../src/features/diagnostics/core/quotaReport';
import { WeChatApiError } from '../../../../../src/wechat/apiErrors';

describe('wechat/quotaReport', () => {
  const options = { account: 'Shop (wx0123456789abcdef)', readAt: '2025-06-10 12:00' };

  it('one row per API; less than 10 % left is marked and counted', () => {
    const text = quotaReport(
      [
        { path: '/cgi-bin/stable_token', quota: { dailyLimit: 500_000, used: 3, remain: 499_997 } },
        { path: '/cgi-bin/token', quota: { dailyLimit: 2000, used: 1990, remain: 10 } },
      ],
      options,
    );
    assert.ok(text.startsWith('# API quota of Shop (wx0123456789abcdef)'));
    assert.ok(text.includes('| `/cgi-bin/stable_token` | 500000 | 3 | 499997 (100.0 %) |'), text);
    assert.ok(text.includes('| `/cgi-bin/token` | 2000 | 1990 | ⚠️ **10** (0.5 %) |'), text);
    assert.ok(text.includes('1 API(s) have less than 10 % of their daily quota left.'));
  });

  it('a failed row is explained below the table with its rid; no warning when nothing is low', () => {
    const error = new WeChatApiError(
      76021,
      'cgi_path not found, please check rid: 6582b7c3-1a2b3c4d-5e6f7a8b',
      '/cgi-bin/openapi/quota/get',
    );
    const text = quotaReport([{ path: '/sns/userinfo', error }], options);
    assert.ok(text.includes('| `/sns/userinfo` | — | — | not available, see below |'));
    assert.match(text, /- `\/sns\/userinfo`: WeChat keeps no quota for this API path.*rid 6582b7c3-1a2b3c4d-5e6f7a8b/);
    assert.ok(!text.includes('⚠️'));
  });
});
