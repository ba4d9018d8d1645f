// Which documents are menu files. The cheap name/text test lives in the activation bundle and
// decides whether to load the menu feature at all; the feature confirms with a real parse.

/** `*.wechat-menu.json`, `wechat-menu*.json` (also `.jsonc`). */
export const MENU_FILE_NAME = /(?:^|[\\/])(?:[^\\/]*\.wechat-menu|wechat-menu[^\\/]*)\.jsonc?$/i;

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

/** Only the start of a document is looked at: `"button"` comes first in any real menu file. */
export const MENU_SNIFF_CHARS = 8192;

export interface DocumentLike {
  readonly languageId: string;
  readonly fileName: string;
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

export function hasMenuFileName(fileName: string): boolean {
  return MENU_FILE_NAME.test(fileName);
}

/** Might be a menu: a JSON document named like one, or mentioning "button" near the top. */
export function mayBeMenuDocument(document: DocumentLike): boolean {
  if (!JSON_LANGUAGES.has(document.languageId)) return false;
  return hasMenuFileName(document.fileName) || /"button"\s*:/.test(documentStart(document));
}

/** The first MENU_SNIFF_CHARS characters, without copying the whole of a large document. */
function documentStart(document: DocumentLike): string {
  let text = '';
  for (let line = 0; line < document.lineCount && text.length < MENU_SNIFF_CHARS; line++) {
    text += `${document.lineAt(line).text}\n`;
  }
  return text.slice(0, MENU_SNIFF_CHARS);
}
