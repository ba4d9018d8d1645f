// `${command:wechat.accessToken}` hands the token to whatever asks — a task, a launch configuration,
// another extension — without the traces Copy leaves. So the user consents once per workspace and
// account (remembered in the workspace's state), every hand-out is written to the log (which account,
// never the token), and the consent can be revoked: WeChat: Revoke Token Access for Tasks clears every
// account's consent in this workspace, and the next use asks again.
import type { Logger } from '../../../common/logger';

/** workspaceState key prefix: `${command:wechat.accessToken}` allowed for an account here. */
export const VARIABLE_CONSENT_KEY = 'wechat.tokenVariableAllowed';

/** The part of vscode.Memento (ExtensionContext.workspaceState) this needs. */
export interface ConsentState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
  keys(): readonly string[];
}

export class TaskTokenConsent {
  constructor(
    private readonly state: ConsentState,
    private readonly log: Logger,
  ) {}

  /** Whether this workspace's tasks may have the token of the account named `label` ("name (AppID)"). */
  isAllowed(label: string): boolean {
    return this.state.get<boolean>(keyOf(label)) === true;
  }

  async allow(label: string): Promise<void> {
    await this.state.update(keyOf(label), true);
    this.log.info(
      `Token for tasks: this workspace's tasks and launch configurations may now get the access token of ${label} (WeChat: Revoke Token Access for Tasks takes it back)`,
    );
  }

  /** A token was handed out: logged with the account, never with the token. */
  handedOut(label: string): void {
    this.log.info(
      `Token for tasks: the access token of ${label} was handed to a task, launch configuration or extension (\${command:wechat.accessToken})`,
    );
  }

  /** Clears every account's consent in this workspace; the labels of the accounts it was given for. */
  async revokeAll(): Promise<string[]> {
    const prefix = `${VARIABLE_CONSENT_KEY}.`;
    const keys = this.state.keys().filter((key) => key.startsWith(prefix));
    const labels: string[] = [];
    for (const key of keys) {
      if (this.state.get<boolean>(key) === true) labels.push(key.slice(prefix.length));
      await this.state.update(key, undefined);
    }
    this.log.info(
      labels.length > 0
        ? `Token for tasks: consent revoked in this workspace for ${labels.join(', ')}; the next use asks again`
        : 'Token for tasks: no consent to revoke in this workspace',
    );
    return labels;
  }
}

function keyOf(label: string): string {
  return `${VARIABLE_CONSENT_KEY}.${label}`;
}
