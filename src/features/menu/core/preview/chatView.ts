// The callback simulator's chat as the phone draws it: what the follower did, the server's reply
// rendered the way the WeChat client renders it, and what went wrong with the fix. Like the rest of
// the preview protocol every string is final (localised by the extension) and nothing here is
// trusted as markup: the webview builds elements with textContent only. vscode-free and DOM-free.

/** A run of a text reply: plain text, or a link the extension opens (http/https only). */
export interface TextSegment {
  readonly text: string;
  /** Set only for http(s) links; the webview asks the extension to open it, never navigates itself. */
  readonly url?: string;
}

export interface NewsCardView {
  readonly title: string;
  readonly description: string;
  /**
   * The picture's URL, shown as text: the page's CSP loads nothing remote, and WeChat's image
   * host (mmbiz.qpic.cn) refuses pictures requested from outside WeChat anyway.
   */
  readonly picUrl: string;
  /** The article link (http/https), opened by the extension; empty when it has none usable. */
  readonly url: string;
}

/** One thing the server's reply shows in the chat. */
export type ReplyView =
  | { readonly kind: 'text'; readonly segments: readonly TextSegment[] }
  /** image / voice / video / music: a placeholder with what the client would play or show. */
  | {
      readonly kind: 'media';
      readonly media: 'image' | 'voice' | 'video' | 'music';
      readonly label: string;
      readonly details: readonly string[];
    }
  | { readonly kind: 'news'; readonly articles: readonly NewsCardView[] }
  /** A centred grey line: transfer to customer service, no reply. */
  | { readonly kind: 'system'; readonly text: string };

export interface ProblemView {
  readonly message: string;
  readonly fix: string;
}

/** One message or event and what came back. */
export interface ExchangeView {
  readonly id: string;
  /** The follower's side: "Tapped 今日歌曲 · CLICK V1001_TODAY_MUSIC", the text typed… */
  readonly outgoing: string;
  /** A retry WeChat would send (same MsgId), numbered; absent for the first attempt. */
  readonly retry?: string;
  readonly pending: boolean;
  readonly replies: readonly ReplyView[];
  readonly problems: readonly ProblemView[];
  /** "1.2 s" and similar, for people. */
  readonly elapsed: string;
  /** Offered when the reply was late: simulate WeChat's 3 retries with the same MsgId. */
  readonly canRetry: boolean;
  /** Whether there is a raw exchange to show (not while pending, not when nothing was sent). */
  readonly hasRaw: boolean;
  /** Screen-reader summary of the whole exchange. */
  readonly ariaLabel: string;
}

export interface ChatStrings {
  readonly heading: string;
  readonly inputLabel: string;
  /** The input bar's button back to the custom menu. */
  readonly menuSwitch: string;
  readonly inputPlaceholder: string;
  readonly send: string;
  readonly moreEvents: string;
  /** The "+" menu: event kind → label, in the simulator's order (it checks a kind the page sends back). */
  readonly events: Readonly<Record<string, string>>;
  readonly showRaw: string;
  readonly retry: string;
  readonly pending: string;
  readonly fixLabel: string;
  readonly setUp: string;
  readonly verify: string;
}

export interface ChatView {
  /** False until the active account has a callback URL and Token: the chat offers Set Up Callback. */
  readonly ready: boolean;
  /** Where events go ("http://127.0.0.1:3000/wechat · safe mode"), or why nothing can be sent. */
  readonly status: string;
  readonly exchanges: readonly ExchangeView[];
  readonly strings: ChatStrings;
}
