// The core never imports `vscode`, yet every message it produces must reach the user in their
// language. The UI layer injects `vscode.l10n.t`; tests and the CLI use `formatMessage`, which
// fills the same `{0}` placeholders, so the English text is the key of the zh-cn bundle.

export type MessageArg = string | number | boolean;
export type Localize = (message: string, ...args: MessageArg[]) => string;

export const formatMessage: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
