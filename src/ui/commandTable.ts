// Commands as a table (in the manner of rust-analyzer's createCommands()): each feature's index.ts
// declares `CommandTable<its ids>` — a handler per id and, optionally, its entry in the status-bar
// quick pick — and the composition root registers every table in one loop (registerCommands.ts).
// Adding a command is one id in the feature's ids.ts, one entry in its table and its
// contributes.commands entry. vscode-free: the tables are data.
import type { Account } from '../token/accounts';
import type { TokenState } from '../token/manager';
import type { Invocation } from './invocation';

export interface PickEntry {
  /** Shown as a separator; entries keep their table order within a group. */
  readonly group: string;
  readonly label: string;
  readonly detail?: string;
  /** Offered only where it makes sense (e.g. not before setup, not for a team source). */
  readonly when?: (context: PickContext) => boolean;
}

/** What a quick-pick entry's `when` looks at. */
export interface PickContext {
  readonly state: TokenState;
  readonly account: Account | undefined;
}

export interface CommandSpec {
  readonly run: (invocation: Invocation) => unknown;
  readonly pick?: PickEntry;
}

export type CommandTable<Id extends string> = Readonly<Record<Id, CommandSpec>>;

/** `when` for actions that need an account: hidden until one is set up. */
export const isConfigured = (context: PickContext): boolean => context.state.kind !== 'setup';

/** `when` for actions that only a WeChat-source account has (AppSecret, Force Refresh). */
export const fetchesFromWeChat = (context: PickContext): boolean => isConfigured(context) && context.account?.tokenSource === 'wechat';

/**
 * The quick-pick entries of the tables with the command each one runs: groups in the order they
 * first appear, entries in table order within a group (two features may add to one group).
 */
export function pickEntries(tables: ReadonlyArray<CommandTable<string>>): Array<PickEntry & { readonly command: string }> {
  const groups = new Map<string, Array<PickEntry & { readonly command: string }>>();
  for (const table of tables) {
    for (const [command, spec] of Object.entries(table)) {
      if (!spec.pick) continue;
      const group = groups.get(spec.pick.group) ?? [];
      group.push({ ...spec.pick, command });
      groups.set(spec.pick.group, group);
    }
  }
  return [...groups.values()].flat();
}
