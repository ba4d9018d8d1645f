// The simulator chat of one phone: every exchange (what the follower did, what came back, what
// went wrong) and the view the webview draws from it. vscode-free: `t` is injected, and every text
// that reaches the page or a document passes `scrub`, which blanks the Token and EncodingAESKey —
// the core never puts them in what it returns, and this makes sure a server echoing them does not
// show them either.
import type { Localize } from '../../../../common/localize';
import type { ChatStrings, ChatView, ExchangeView, ProblemView, ReplyView } from '../../../menu';
import { hasMsgId, type SentMessage, type SimulatedInbound, type SimulationProblem, type SimulationResult } from '../types';
import { linksOf, replyViews } from './replyView';

/**
 * WeChat retries a message it got no answer to in 5 s, three times in all. The core says the same
 * (httpSimulator.ts); importing it from there would pull the crypto into dist/simulator.js.
 */
export const WECHAT_RETRIES = 3;
/** The chat keeps the latest exchanges; older ones scroll away. */
const MAX_EXCHANGES = 100;

export interface ExchangeRecord {
  readonly id: string;
  readonly outgoing: string;
  /** What was sent (absent for a tap that sends nothing); a retry sends it again. */
  readonly inbound?: SimulatedInbound;
  /** 1…3 for a simulated retry of an earlier exchange. */
  readonly retryNumber?: number;
  result?: SimulationResult;
  /** The exchange could not be made at all (no setup, the bundle failed…): the problem and its fix. */
  failure?: ProblemView;
  /** Retries of this (late) exchange were simulated already. */
  retried?: boolean;
}

export class Conversation {
  private readonly records: ExchangeRecord[] = [];
  private counter = 0;
  /** Every Token and key used by this chat: a changed Token must stay blanked in earlier exchanges. */
  private readonly remembered = new Set<string>();

  constructor(
    private readonly t: Localize,
    private readonly secrets: () => readonly string[] = () => [],
  ) {}

  /** Adds secrets to blank (never forgets one: the exchanges that may echo it stay in the chat). */
  remember(...values: (string | undefined)[]): void {
    for (const value of values) if (value) this.remembered.add(value);
  }

  start(outgoing: string, inbound?: SimulatedInbound, retryNumber?: number): ExchangeRecord {
    const record: ExchangeRecord = {
      id: `x${++this.counter}`,
      outgoing,
      ...(inbound ? { inbound } : {}),
      ...(retryNumber === undefined ? {} : { retryNumber }),
    };
    this.records.push(record);
    if (this.records.length > MAX_EXCHANGES) this.records.splice(0, this.records.length - MAX_EXCHANGES);
    return record;
  }

  get(id: string): ExchangeRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** What a retry repeats: the message of the first attempt. */
  sentOf(id: string): SentMessage | undefined {
    return this.get(id)?.result?.sent;
  }

  view(ready: boolean, status: string, strings: ChatStrings): ChatView {
    return { ready, status: this.scrub(status), exchanges: this.records.map((r) => this.exchangeView(r)), strings };
  }

  exchangeView(record: ExchangeRecord): ExchangeView {
    const t = this.t;
    const result = record.result;
    const replies = result ? this.scrubReplies(replyViews(result.reply, t)) : [];
    const problems = [
      ...(result ? result.problems.map((p) => this.problem(p)) : []),
      ...(record.failure ? [this.scrubProblem(record.failure)] : []),
    ];
    const pending = !result && !record.failure;
    const retry = record.retryNumber === undefined ? undefined : retryLabel(record.retryNumber, record.inbound, t);
    const elapsed = result ? formatElapsed(result.elapsedMs, t) : '';
    const outgoing = this.scrub(record.outgoing);
    return {
      id: record.id,
      outgoing,
      ...(retry ? { retry } : {}),
      pending,
      replies,
      problems,
      elapsed,
      canRetry: this.canRetry(record),
      hasRaw: result !== undefined,
      ariaLabel: [
        t('You: {0}', outgoing),
        ...(retry ? [retry] : []),
        pending ? t('waiting for the server') : '',
        ...replies.map((r) => describeReply(r, t)),
        ...problems.map((p) => t('Problem: {0} Fix: {1}', p.message, p.fix)),
        elapsed,
      ]
        .filter((part) => part !== '')
        .join(t(', ')),
    };
  }

  /** WeChat retries only a first attempt that got no answer in 5 s, and only once are its retries simulated. */
  canRetry(record: ExchangeRecord): boolean {
    const reply = record.result?.reply;
    return reply?.kind === 'none' && reply.why === 'late' && record.retryNumber === undefined && !record.retried;
  }

  /** The links the page may ask to open: those of replies shown, nothing else. */
  links(): Set<string> {
    return new Set(this.records.flatMap((r) => (r.result ? linksOf(this.scrubReplies(replyViews(r.result.reply, this.t))) : [])));
  }

  problem(problem: SimulationProblem): ProblemView {
    const args = problem.args.map((a) => (typeof a === 'number' ? a : this.scrub(a)));
    // The core's problems are English templates, the keys of the zh-cn bundle.
    return this.scrubProblem({ message: this.t(problem.message, ...args), fix: this.t(problem.fix, ...args) });
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is blanked whole.
    const secrets = [...new Set([...this.secrets(), ...this.remembered])].sort((a, b) => b.length - a.length);
    for (const secret of secrets) if (secret) out = out.split(secret).join('***');
    return out;
  }

  private scrubProblem(problem: ProblemView): ProblemView {
    return { message: this.scrub(problem.message), fix: this.scrub(problem.fix) };
  }

  private scrubReplies(views: ReplyView[]): ReplyView[] {
    const s = (text: string): string => this.scrub(text);
    // A link that carries a secret is no link: blanking it would open a different URL.
    const link = (url: string): string => (s(url) === url ? url : '');
    return views.map((view): ReplyView => {
      switch (view.kind) {
        case 'text':
          return {
            kind: 'text',
            segments: view.segments.map(({ text, url }) => (url && link(url) ? { text: s(text), url } : { text: s(text) })),
          };
        case 'media':
          return { ...view, label: s(view.label), details: view.details.map(s) };
        case 'news':
          return {
            kind: 'news',
            articles: view.articles.map((a) => ({
              title: s(a.title),
              description: s(a.description),
              picUrl: s(a.picUrl),
              url: link(a.url),
            })),
          };
        case 'system':
          return { kind: 'system', text: s(view.text) };
      }
    });
  }
}

/** What stays the same on WeChat's retry: the MsgId of a message, FromUserName + CreateTime of an event. */
function retryLabel(n: number, inbound: SimulatedInbound | undefined, t: Localize): string {
  return inbound && !hasMsgId(inbound)
    ? t('Retry {0} of {1}, same FromUserName and CreateTime', n, WECHAT_RETRIES)
    : t('Retry {0} of {1}, same MsgId', n, WECHAT_RETRIES);
}

export function formatElapsed(ms: number, t: Localize): string {
  return ms < 1000 ? t('{0} ms', Math.round(ms)) : t('{0} s', (ms / 1000).toFixed(1));
}

function describeReply(view: ReplyView, t: Localize): string {
  switch (view.kind) {
    case 'text':
      return t('Reply: {0}', view.segments.map((s) => s.text).join(''));
    case 'media':
      return t('Reply: {0}', [view.label, ...view.details].join(' '));
    case 'news':
      return t('Reply: {0} article(s): {1}', view.articles.length, view.articles.map((a) => a.title).join(' / '));
    case 'system':
      return view.text;
  }
}
