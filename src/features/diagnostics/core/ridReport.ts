// The document "Look Up Request" opens: what WeChat remembers of one request, readable and safe to
// paste into a ticket — the access_token and any secret in the stored URL and body are redacted,
// the bodies pretty-printed, and the answer's errcode explained with the errcode table.
import { formatMessage, Localize } from '../../../common/localize';
import { WeChatApiError } from '../../../wechat/apiErrors';
import { type ErrcodeLookup, withGeneral } from '../../../wechat/errcodes';
import { redactJson, redactUrl } from '../../../wechat/redact';
import { RequestRecord, responseErrcode } from './rid';

export interface RidReportOptions {
  readonly rid: string;
  /** "name (AppID)" of the account whose token looked it up. */
  readonly account: string;
  /** The invoke time in the user's local time. */
  readonly formatTime: (epochMs: number) => string;
  readonly errcodes?: ErrcodeLookup;
  /** Hides the literal secrets the extension knows (the AppSecret, current tokens). */
  readonly redact?: (text: string) => string;
  readonly localize?: Localize;
}

export function ridReport(record: RequestRecord, options: RidReportOptions): string {
  const localize = options.localize ?? formatMessage;
  const clean = (text: string): string => (options.redact ?? ((s: string) => s))(redactJson(redactUrl(text)));
  const lines = [
    `# ${localize('WeChat request {0}', options.rid)}`,
    '',
    localize('Looked up with the access token of {0}. WeChat keeps requests for 7 days.', options.account),
    '',
    `| ${localize('Field')} | ${localize('Value')} |`,
    '|---|---|',
    `| ${localize('Invoked at')} | ${options.formatTime(record.invokeTime * 1000)} |`,
    `| ${localize('Took')} | ${localize('{0} ms', record.costInMs)} |`,
    `| ${localize('Client IP')} | ${cell(record.clientIp)} |`,
    `| ${localize('Request URL')} | ${cell(clean(record.requestUrl))} |`,
    '',
    `## ${localize('Request body')}`,
    '',
    ...codeBlock(clean(pretty(record.requestBody)), localize('(empty)')),
    '',
    `## ${localize('Response body')}`,
    '',
    ...codeBlock(clean(pretty(record.responseBody)), localize('(empty)')),
  ];
  const explanation = explain(record, options.errcodes, localize);
  if (explanation) lines.push('', `## ${localize('What the answer means')}`, '', ...explanation);
  return `${lines.join('\n')}\n`;
}

/** The stored answer as the error it was, explained by the errcode table; undefined for a success or a non-WeChat answer. */
function answerError(record: RequestRecord, errcodes: ErrcodeLookup | undefined): WeChatApiError | undefined {
  const errcode = responseErrcode(record);
  if (errcode === undefined || errcode === 0) return undefined;
  return new WeChatApiError(errcode, parsedErrmsg(record.responseBody), pathOf(record.requestUrl), withGeneral(errcodes)(errcode));
}

/** The caller IP WeChat refused, when the stored answer blamed it (40164) and the record names it. */
export function refusedCallerIp(record: RequestRecord, errcodes?: ErrcodeLookup): string | undefined {
  return answerError(record, errcodes)?.info.blamesCallerIp && record.clientIp ? record.clientIp : undefined;
}

function explain(record: RequestRecord, errcodes: ErrcodeLookup | undefined, localize: Localize): string[] | undefined {
  const error = answerError(record, errcodes);
  if (!error) return undefined;
  const lines = [`**errcode ${error.errcode}**: ${error.meaning(localize)}`, '', error.fix(localize)];
  const ip = refusedCallerIp(record, errcodes);
  if (ip) lines.push('', localize("The caller's IP address was {0}: add it to the IP whitelist in the MP console.", ip));
  return lines;
}

function parsedErrmsg(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed['errmsg'] === 'string' ? parsed['errmsg'] : '';
  } catch {
    return '';
  }
}

/** The API path of a stored URL ("/cgi-bin/…?…" or just the query). */
function pathOf(url: string): string {
  const path = /\/[^?\s]*/.exec(url)?.[0];
  return path ?? '';
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function codeBlock(text: string, empty: string): string[] {
  if (text.trim() === '') return [`_${empty}_`];
  // A fence longer than any run of backticks inside, so the body cannot end the block.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${text.trimStart().startsWith('{') ? 'json' : ''}`, text, fence];
}

/** A table cell: pipes and line breaks would break the row. */
function cell(text: string): string {
  return text === '' ? '—' : `\`${text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')}\``;
}
