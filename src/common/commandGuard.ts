// Every command's failure reaches the user: the registration loop runs each handler through
// guardCommand, so a rejection nobody caught (a damaged file, a keychain that refuses, a
// document that cannot be opened) is reported instead of ending as an unhandled rejection that
// VS Code only logs. vscode-free, so the guarantee is unit-tested.

/** Reports a failure (not awaited by the command); its own failure is handed to `fallback` (it must not throw either). */
export type CommandFailureReporter = (commandId: string, error: unknown) => Promise<void> | void;

export function guardCommand<A extends unknown[], R>(
  commandId: string,
  run: (...args: A) => R,
  report: CommandFailureReporter,
  fallback: (commandId: string, error: unknown) => void,
): (...args: A) => Promise<Awaited<R> | undefined> {
  return async (...args: A): Promise<Awaited<R> | undefined> => {
    try {
      // `await` inside the try: a synchronous throw and a rejection end up in the same place.
      return await run(...args);
    } catch (error) {
      // Reported without waiting: the notification waits for a click, and whoever ran the command
      // (a task's ${command:…}, another extension) must not hang on it.
      const reporting = (async () => report(commandId, error))();
      reporting.catch((reportError: unknown) => fallback(commandId, reportError));
      return undefined;
    }
  };
}
