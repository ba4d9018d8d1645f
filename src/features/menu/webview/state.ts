// Which top-level button's sub-menu is open. It survives re-renders and the panel being hidden
// (VS Code reloads a hidden webview's page and hands back what was saved with setState).

import type { WebviewApi } from './messages';

/** What the page saves with setState; nothing else needs to outlive a reload. */
export interface PersistedState {
  readonly openIndex: number;
  /** The input bar is shown instead of the menu. */
  readonly inputMode?: boolean;
  /** What is typed in the chat's text box (kept across reloads: nothing typed is lost). */
  readonly draft?: string;
}

/** -1 when no sub-menu is open. */
export const NONE_OPEN = -1;

export class OpenSubMenu {
  private current: number;

  constructor(private readonly api: WebviewApi<PersistedState>) {
    const saved = api.getState()?.openIndex;
    this.current = typeof saved === 'number' ? saved : NONE_OPEN;
  }

  get index(): number {
    return this.current;
  }

  set(index: number): void {
    this.current = index;
    this.api.setState({ ...this.api.getState(), openIndex: index });
  }
}
