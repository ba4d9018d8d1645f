// What the integrated terminals (and the tasks, which run in them) get as WECHAT_ACCESS_TOKEN and
// WECHAT_APPID: the active account's valid token, only while the user opted in
// (wechat.terminal.exposeToken) AND the workspace is trusted. A setting is not enough on its own:
// an untrusted clone's tasks.json can define a task that sends the environment anywhere, and a
// user-level opt-in would hand it the token. Trust granted later exposes it at once; the UI adapter
// (ui/terminalEnvironment.ts) holds the VS Code side.
import type { TokenState } from '../../../token/manager';
import type { CachedToken } from '../../../token/store';

export const TOKEN_VARIABLE = 'WECHAT_ACCESS_TOKEN';
export const APPID_VARIABLE = 'WECHAT_APPID';

/** The part of VS Code's EnvironmentVariableCollection this needs. */
export interface EnvironmentTarget {
  replace(variable: string, value: string): void;
  clear(): void;
}

export interface ExposureFacts {
  /** wechat.terminal.exposeToken */
  readonly enabled: boolean;
  /** vscode.workspace.isTrusted */
  readonly trusted: boolean;
  readonly now: number;
}

/** The token terminals may get in this state, or undefined (then the collection is empty). */
export function exposedToken(state: TokenState, facts: ExposureFacts): CachedToken | undefined {
  if (!facts.enabled || !facts.trusted) return undefined;
  const token = 'token' in state ? state.token : undefined;
  return token && token.expiresAt > facts.now ? token : undefined;
}

/** Keeps a collection in step with the token state and the facts; unchanged states do not touch it. */
export class TerminalExposure {
  /** What the collection holds now ("" when empty). */
  private exposed = '';

  constructor(
    private readonly target: EnvironmentTarget,
    private readonly facts: () => ExposureFacts,
  ) {}

  update(state: TokenState): void {
    const token = exposedToken(state, this.facts());
    const key = token ? `${token.appId}\n${token.accessToken}` : '';
    if (key === this.exposed) return;
    this.exposed = key;
    if (!token) {
      this.target.clear();
      return;
    }
    this.target.replace(TOKEN_VARIABLE, token.accessToken);
    this.target.replace(APPID_VARIABLE, token.appId);
  }

  clear(): void {
    this.exposed = '';
    this.target.clear();
  }
}
