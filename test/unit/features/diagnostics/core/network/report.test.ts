// The Markdown documents of the network commands: each IP list one fenced block (copied whole),
// the fetch time, the check results as tables with a packet-loss summary; English and zh-cn.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatMessage, Localize } from '../../../../../../src/common/localize';
import { CallbackCheckResult } from '../../../../../../src/features/diagnostics/core/network/callbackCheck';
import { callbackCheckMarkdown, ReportContext, serverIpsMarkdown } from '../../../../../../src/features/diagnostics/core/network/report';
import { repoRoot } from '../../../../helpers/repoRoot';

const root = repoRoot;
const zh = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const chinese: Localize = (message, ...args) => {
  const translated = zh[message];
  if (translated === undefined) throw new Error(`no zh-cn text for ${message}`);
  return formatMessage(translated, ...args);
};

const context = (t: Localize = formatMessage): ReportContext => ({
  account: 'Demo_[test] (wx0123456789abcdef)',
  formatTime: (ms) => `T${ms}`,
  t,
});

/** The lines of each ```text block. */
function fencedBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/^```text\n([\s\S]*?)\n```$/gm)].map((match) => (match[1] ?? '').split('\n'));
}

function check(overrides: Partial<CallbackCheckResult>): CallbackCheckResult {
  return { action: 'all', operator: 'DEFAULT', dns: [], ping: [], checkedAt: 42, ...overrides };
}

describe('wechat/network/report', () => {
  const ips = { apiIps: ['101.89.47.18', '101.91.34.103'], callbackIps: ['106.55.206.146'], fetchedAt: 1234 };

  it('server IPs: one fenced block per list, in that order, with the counts, the fetch time and the daily advice', () => {
    const markdown = serverIpsMarkdown(ips, context());
    assert.deepEqual(fencedBlocks(markdown), [ips.apiIps, ips.callbackIps]);
    assert.match(markdown, /^## API entry IPs \(2\)$/m);
    assert.match(markdown, /^## Callback IPs \(1\)$/m);
    assert.match(markdown, /Fetched at T1234\..*every day/);
    assert.match(markdown, /outbound firewall/);
    assert.match(markdown, /inbound firewall/);
    // The account name is escaped: it cannot turn into a link or emphasis.
    assert.match(markdown, /^# WeChat server IPs of Demo\\_\\\[test\\\] \\\(wx0123456789abcdef\\\)$/m);
  });

  it('server IPs: an empty list says so instead of an empty block', () => {
    const markdown = serverIpsMarkdown({ ...ips, callbackIps: [] }, context());
    assert.deepEqual(fencedBlocks(markdown), [ips.apiIps]);
    assert.match(markdown, /WeChat returned no callback IPs\./);
  });

  it('check: a DNS table and a ping table, and "no packet loss" when none was lost', () => {
    const markdown = callbackCheckMarkdown(
      check({
        dns: [{ ip: '203.0.113.10', realOperator: 'CHINANET' }],
        ping: [{ ip: '203.0.113.10', fromOperator: 'CHINANET', packageLoss: '0%', time: '12.5ms' }],
      }),
      context(),
    );
    assert.match(markdown, /Checked at T42 .*action `all`, operator `DEFAULT`/);
    assert.match(markdown, /^\| IP \| Operator of the IP \|$/m);
    assert.match(markdown, /^\| 203\.0\.113\.10 \| CHINANET \|$/m);
    assert.match(markdown, /^\| IP \| From operator \| Packet loss \| Time \|$/m);
    assert.match(markdown, /^\| 203\.0\.113\.10 \| CHINANET \| 0% \| 12\.5ms \|$/m);
    assert.match(markdown, /No packet loss/);
  });

  it('check: counts the addresses with packet loss and says what to check; cells cannot break the table', () => {
    const markdown = callbackCheckMarkdown(
      check({
        action: 'ping',
        ping: [
          { ip: '203.0.113.10', fromOperator: 'UNICOM', packageLoss: '40%', time: '' },
          { ip: '198.51.100.20', fromOperator: 'UN|ICOM', packageLoss: '0%', time: '30ms' },
        ],
      }),
      context(),
    );
    assert.doesNotMatch(markdown, /DNS resolution/, 'ping only: no DNS section');
    assert.match(markdown, /Packet loss on 1 of 2 addresses/);
    assert.match(markdown, /^\| 203\.0\.113\.10 \| UNICOM \| 40% \| – \|$/m);
    assert.match(markdown, /UN\\\|ICOM/);
  });

  it('check: dns only has no ping section; nothing resolved points at the DNS records', () => {
    const markdown = callbackCheckMarkdown(check({ action: 'dns' }), context());
    assert.doesNotMatch(markdown, /Ping of the callback server/);
    assert.match(markdown, /check its DNS records/);
  });

  it('in zh-cn the documents are Chinese (every text has its translation)', () => {
    const servers = serverIpsMarkdown(ips, context(chinese));
    assert.match(servers, /^## API 接入 IP（2 个）$/m);
    assert.deepEqual(fencedBlocks(servers), [ips.apiIps, ips.callbackIps]);
    const lossy = check({
      dns: [{ ip: '203.0.113.10', realOperator: 'CHINANET' }],
      ping: [{ ip: '203.0.113.10', fromOperator: 'CHINANET', packageLoss: '5%', time: '1ms' }],
    });
    assert.match(callbackCheckMarkdown(lossy, context(chinese)), /1 个地址中有 1 个出现丢包/);
    assert.match(callbackCheckMarkdown(check({}), context(chinese)), /微信没有返回 ping 结果/);
  });
});
