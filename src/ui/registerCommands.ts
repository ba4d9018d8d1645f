// The one loop that registers every feature's command table with VS Code.
import * as vscode from 'vscode';

import { CommandFailureReporter, guardCommand } from '../common/commandGuard';
import type { CommandTable } from './commandTable';
import type { Confirmations } from './confirm';

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
