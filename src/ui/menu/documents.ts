// Which documents are menu files. The cheap name/text test lives in the activation bundle and
// decides whether to load the menu feature at all; the feature confirms with a real parse.

/** `*.wechat-menu.json`, `wechat-menu*.json` (also `.jsonc`). */
export const MENU_FILE_NAME = /(?:^|[\\/])(?:[^\\/]*\.wechat-menu|wechat-menu[^\\/]*)\.jsonc?$/i;

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

export interface DocumentLike {
  readonly languageId: string;
  readonly fileName: string;
  getText(): string;
}

export function hasMenuFileName(fileName: string): boolean {
  return MENU_FILE_NAME.test(fileName);
}

/** Might be a menu: a JSON document named like one, or mentioning "button" near the top. */
export function mayBeMenuDocument(document: DocumentLike): boolean {
  if (!JSON_LANGUAGES.has(document.languageId)) return false;
  return hasMenuFileName(document.fileName) || /"button"\s*:/.test(document.getText().slice(0, 8192));
}
