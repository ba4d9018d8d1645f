// The contract between the extension and the preview's webview script (src/webview/menuPreview/):
// what the webview is told to draw and what it may ask for. Both sides import these types, so a
// change here is type-checked on both. vscode-free and DOM-free: it is compiled for either side.

import type { ProblemSeverity } from '../validate/problems';

/** One button as the phone shows it. Every string is final: localised and truncated already. */
export interface PreviewButton {
  /** Opaque id the webview sends back to reveal the button's source. */
  readonly id: string;
  /** What the client shows (possibly cut with "…"). Empty when the button has no usable name. */
  readonly label: string;
  readonly truncated: boolean;
  /** Tooltip: the full name and what the button does. */
  readonly title: string;
  /** Screen-reader label: full name, whether it opens a sub-menu, its problems. */
  readonly ariaLabel: string;
  /** Worst problem on this button itself (not on its sub-buttons). */
  readonly severity?: ProblemSeverity;
  /** Worst problem among the sub-buttons: the top button gets a dot so closed menus still show it. */
  readonly childSeverity?: ProblemSeverity;
  /** Sub-buttons; non-empty means the button opens a pop-up menu. */
  readonly subButtons: readonly PreviewButton[];
}

export interface PreviewProblem {
  readonly id: string;
  readonly severity: ProblemSeverity;
  /** Where, for people: "今日歌曲 › 搜索 › url". */
  readonly location: string;
  readonly message: string;
  /** Already formatted, e.g. "errcode 40018"; empty when WeChat would not reject it. */
  readonly errcode: string;
  /** Screen-reader label for the whole row. */
  readonly ariaLabel: string;
}

/** Labels the webview needs; it holds no text of its own. */
export interface PreviewStrings {
  readonly lang: string;
  readonly accountName: string;
  readonly back: string;
  readonly keyboard: string;
  readonly menuBar: string;
  readonly chatHint: string;
  readonly problemsHeading: string;
  readonly revealHint: string;
  readonly untitledButton: string;
}

export interface PreviewView {
  readonly buttons: readonly PreviewButton[];
  readonly problems: readonly PreviewProblem[];
  /** "2 errors, 1 warning" / "No problems: ready to upload". */
  readonly summary: string;
  readonly summarySeverity: ProblemSeverity | 'ok';
  /** Why the preview may not match the text (JSON unreadable, document closed); empty when it does. */
  readonly notices: readonly string[];
  readonly strings: PreviewStrings;
}

/** Extension → webview. */
export type ToWebview = { readonly type: 'render'; readonly view: PreviewView };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  /** Select the source of a button or problem in the editor. */
  | { readonly type: 'reveal'; readonly id: string };

/** Messages come from a web page: check the shape instead of trusting a cast. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (typeof message !== 'object' || message === null) {
    return undefined;
  }
  const { type, id } = message as { type?: unknown; id?: unknown };
  if (type === 'ready') {
    return { type };
  }
  if (type === 'reveal' && typeof id === 'string') {
    return { type, id };
  }
  return undefined;
}
