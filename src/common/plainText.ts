// Text from outside the extension (a file name, an account name, WeChat's errmsg, a setting)
// ends up inside notifications, and VS Code renders `[label](command:…)`, `(https://…)` and
// `(file:…)` in a notification's message as a clickable link (vs/base/common/linkedText.ts:
// /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)…\)/ — it knows no escape character and no
// `<…>` autolinks). A link needs "](" side by side; a zero-width space between them keeps the
// text as it reads and makes no link. Our own templates never contain a link, so the whole
// message is neutralised, template and every interpolated value alike.

/** U+200B ZERO WIDTH SPACE: invisible, and not part of any link syntax. */
const BREAK = '\u200b';

export function neutralizeLinks(text: string): string {
  return text.replace(/\](?=\s*\()/g, `]${BREAK}`);
}
