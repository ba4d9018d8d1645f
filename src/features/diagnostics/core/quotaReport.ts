// The document "Show API Quota" opens: one row per API with its daily limit, used and remaining
// calls, the ones with less than 10 % left marked, and a failed row explained (with its rid, so
// it can be looked up in turn).
import { formatMessage, Localize } from '../../../common/localize';
import { describeError } from '../../../wechat/errors';
import { ApiQuota, isQuotaLow, LOW_QUOTA_SHARE, MONTHLY_QUOTA_RESETS } from './quota';

export type QuotaRow = { readonly path: string; readonly quota: ApiQuota } | { readonly path: string; readonly error: unknown };

export interface QuotaReportOptions {
  /** "name (AppID)". */
  readonly account: string;
  /** When the quotas were read, in the user's local time. */
  readonly readAt: string;
  readonly localize?: Localize;
}

export function quotaReport(rows: readonly QuotaRow[], options: QuotaReportOptions): string {
  const localize = options.localize ?? formatMessage;
  const percent = Math.round(LOW_QUOTA_SHARE * 100);
  const lines = [
    `# ${localize('API quota of {0}', options.account)}`,
    '',
    localize('Read at {0}. The daily counts reset at midnight China time (UTC+8).', options.readAt),
    '',
    `| ${localize('API')} | ${localize('Daily limit')} | ${localize('Used')} | ${localize('Remaining')} |`,
    '|---|---:|---:|---:|',
  ];
  const failures: string[] = [];
  let low = 0;
  for (const row of rows) {
    if ('quota' in row) {
      const { dailyLimit, used, remain } = row.quota;
      const share = dailyLimit > 0 ? `${((remain / dailyLimit) * 100).toFixed(1)} %` : '—';
      const isLow = isQuotaLow(row.quota);
      if (isLow) low++;
      const remaining = isLow ? `⚠️ **${remain}** (${share})` : `${remain} (${share})`;
      lines.push(`| \`${row.path}\` | ${dailyLimit} | ${used} | ${remaining} |`);
    } else {
      lines.push(`| \`${row.path}\` | — | — | ${localize('not available, see below')} |`);
      failures.push(`- \`${row.path}\`: ${describeError(row.error, localize)}`);
    }
  }
  if (low > 0) {
    lines.push(
      '',
      `⚠️ ${localize('{0} API(s) have less than {1} % of their daily quota left.', low, percent)} ${localize(
        '"WeChat: Clear API Quota" resets every count of the account ({0} resets a month).',
        MONTHLY_QUOTA_RESETS,
      )}`,
    );
  }
  if (failures.length > 0) lines.push('', `## ${localize('Not available')}`, '', ...failures);
  return `${lines.join('\n')}\n`;
}
