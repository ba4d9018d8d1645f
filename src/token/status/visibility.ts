// Where the token's status-bar item belongs (as rust-analyzer and REST Client do it): in windows
// that have something to do with WeChat, not in every project the user opens.

export type StatusBarShow = 'auto' | 'always' | 'never';

export interface VisibilityFacts {
  /** An AppID is set (user or workspace settings). */
  readonly accountConfigured: boolean;
  /** A menu file is visible in an editor. */
  readonly menuFileOpen: boolean;
}

export function statusBarVisible(show: StatusBarShow, facts: VisibilityFacts): boolean {
  switch (show) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'auto':
      return facts.accountConfigured || facts.menuFileOpen;
  }
}
