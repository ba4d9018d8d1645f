// Commands as a table (in the manner of rust-analyzer's createCommands()): each feature exposes
// `CommandTable<its ids>` — a handler per id and, optionally, its entry in the status-bar quick
// pick — and the composition root registers every table in one loop. Adding a command is one id
// in commandIds.ts, one entry in its feature's table and its contributes.commands entry.
import * as vscode from 'vscode';
import { CommandFailureReporter, guardCommand } from '../common/commandGuard';
import { Account } from '../token/accounts';
import { TokenState } from '../token/manager';
import { Confirmations } from './confirm';
import { Invocation } from './invocation';

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
export const fetchesFromWeChat = (context: PickContext): boolean =>
  isConfigured(context) && context.account?.tokenSource === 'wechat';

/**
 * Registers every command of the tables; the returned disposables go to context.subscriptions.
 * The one guarantee that every failure reaches the user: whatever a handler throws or rejects
 * with, and however the command was invoked (palette, menu, another extension), goes to `report`
 * (the error presenter); should reporting fail too, `fallback` logs it.
 */
export function registerCommandTables(
  tables: ReadonlyArray<CommandTable<string>>,
  confirmations: Confirmations,
  report: CommandFailureReporter,
  fallback: (commandId: string, error: unknown) => void,
): vscode.Disposable[] {
  return tables.flatMap((table) =>
    Object.entries(table).map(([id, spec]) => {
      const run = guardCommand(id, (args: unknown[]) => spec.run(confirmations.invocation(args)), report, fallback);
      return vscode.commands.registerCommand(id, (...args: unknown[]) => run(args));
    }),
  );
}

/** The quick-pick entries of the tables, in order, with the command each one runs. */
export function pickEntries(tables: ReadonlyArray<CommandTable<string>>): Array<PickEntry & { readonly command: string }> {
  return tables.flatMap((table) =>
    Object.entries(table).flatMap(([command, spec]) => (spec.pick ? [{ ...spec.pick, command }] : [])),
  );
}
