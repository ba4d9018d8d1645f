// The webview's end of src/menu/preview/protocol.ts: the VS Code API object a webview page may
// acquire (once), typed with the protocol's messages, and the check of what arrives. The types
// are imported, not copied, so a change to the protocol fails the webview's type check.

import type { FromWebview, ToWebview } from '../core/preview/protocol';

/** What `acquireVsCodeApi()` returns, narrowed to the messages this page may send. */
export interface WebviewApi<State> {
  postMessage(message: FromWebview): void;
  getState(): State | undefined;
  setState(state: State): void;
}

// Injected by VS Code into every webview with scripts enabled; calling it twice throws.
declare function acquireVsCodeApi<State>(): WebviewApi<State>;

export function acquireApi<State>(): WebviewApi<State> {
  return acquireVsCodeApi<State>();
}

/**
 * A `render` message, or undefined for anything else: the page also receives messages that are
 * not ours, and the extension is a different build, so the shape is checked before it is used.
 */
export function toWebview(data: unknown): ToWebview | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, view, chat } = data as { type?: unknown; view?: unknown; chat?: unknown };
  if (type === 'render' && view) return data as ToWebview;
  if (type === 'chat' && typeof chat === 'object' && chat !== null && Array.isArray((chat as { exchanges?: unknown }).exchanges))
    return data as ToWebview;
  return undefined;
}
