// The documents the network commands open: Markdown, so each IP list is one fenced block the user
// copies whole into a firewall rule, and the check results are tables. Texts go through the
// injected Localize (the UI passes vscode.l10n.t); times through `formatTime` (the UI's locale).
import type { Localize } from '../../../../common/localize';
import { API_DOMAIN_IP, CALLBACK_IP } from '../../../../wechat/endpoints';
import { CallbackCheckResult, packetLossPercent } from './callbackCheck';
import { ServerIps } from './serverIps';

export interface ReportContext {
  /** "name (AppID)" of the account the lists belong to. */
  readonly account: string;
  readonly formatTime: (ms: number) => string;
  readonly t: Localize;
}

export function serverIpsMarkdown(ips: ServerIps, context: ReportContext): string {
  const { t } = context;
  return [
    `# ${t('WeChat server IPs of {0}', escapeMarkdown(context.account))}`,
    '',
    t(
      'Fetched at {0}. WeChat changes these addresses from time to time and advises fetching both lists again every day.',
      context.formatTime(ips.fetchedAt),
    ),
    '',
    `## ${t('API entry IPs ({0})', ips.apiIps.length)}`,
    '',
    t(
      'The addresses of the WeChat API ({0}). Allow them in the outbound firewall rules of the servers that call the API.',
      `\`${API_DOMAIN_IP.path}\``,
    ),
    '',
    ...fenced(ips.apiIps, t('WeChat returned no API entry IPs.')),
    '',
    `## ${t('Callback IPs ({0})', ips.callbackIps.length)}`,
    '',
    t(
      'The addresses WeChat sends messages and events from ({0}). Allow them in the inbound firewall rules of the callback server.',
      `\`${CALLBACK_IP.path}\``,
    ),
    '',
    ...fenced(ips.callbackIps, t('WeChat returned no callback IPs.')),
    '',
  ].join('\n');
}

export function callbackCheckMarkdown(result: CallbackCheckResult, context: ReportContext): string {
  const { t } = context;
  const lines = [
    `# ${t('Callback network check of {0}', escapeMarkdown(context.account))}`,
    '',
    t(
      "Checked at {0} from WeChat's servers: action {1}, operator {2}.",
      context.formatTime(result.checkedAt),
      `\`${result.action}\``,
      `\`${result.operator}\``,
    ),
    '',
  ];
  if (result.action !== 'ping') {
    lines.push(`## ${t('DNS resolution of the callback URL')}`, '');
    lines.push(
      ...(result.dns.length === 0
        ? [t("WeChat resolved the callback URL's domain to no address: check its DNS records.")]
        : table(
            [t('IP'), t('Operator of the IP')],
            result.dns.map((dns) => [dns.ip, dns.realOperator]),
          )),
      '',
    );
  }
  if (result.action !== 'dns') {
    lines.push(`## ${t('Ping of the callback server')}`, '');
    if (result.ping.length === 0) {
      lines.push(t('WeChat reported no ping results.'), '');
    } else {
      lines.push(
        ...table(
          [t('IP'), t('From operator'), t('Packet loss'), t('Time')],
          result.ping.map((ping) => [ping.ip, ping.fromOperator, ping.packageLoss, ping.time]),
        ),
        '',
      );
      const lossy = result.ping.filter((ping) => (packetLossPercent(ping) ?? 0) > 0).length;
      lines.push(
        lossy === 0
          ? t('No packet loss: WeChat reaches the callback server from this network.')
          : t(
              "Packet loss on {0} of {1} addresses: WeChat may fail to deliver messages from this network. Check the server's firewall (allow the callback IPs) and its network provider.",
              lossy,
              result.ping.length,
            ),
        '',
      );
    }
  }
  return lines.join('\n');
}

/** One fenced block per list, so selecting the block copies exactly the whole list. */
function fenced(items: readonly string[], empty: string): string[] {
  return items.length === 0 ? [empty] : ['```text', ...items, '```'];
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)];
}

function cell(value: string): string {
  return value.length === 0 ? '–' : value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (char) => `\\${char}`);
}
