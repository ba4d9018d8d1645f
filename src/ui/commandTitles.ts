// "WeChat: Restore Menu Backup": a command's title as the palette shows it (the manifest VS Code
// localised), for failure messages; the id when the manifest has no usable title. vscode-free.

interface CommandContribution {
  readonly command?: unknown;
  readonly title?: unknown;
  readonly category?: unknown;
}

export function commandTitle(packageJSON: unknown, id: string): string {
  const contributes =
    typeof packageJSON === 'object' && packageJSON !== null
      ? (packageJSON as { contributes?: { commands?: unknown } }).contributes
      : undefined;
  const commands = contributes?.commands;
  const entry = Array.isArray(commands) ? (commands as CommandContribution[]).find((each) => each?.command === id) : undefined;
  if (typeof entry?.title !== 'string' || entry.title.startsWith('%')) return id;
  return typeof entry.category === 'string' ? `${entry.category}: ${entry.title}` : entry.title;
}
