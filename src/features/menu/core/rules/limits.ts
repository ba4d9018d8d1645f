// How many buttons a menu may hold and how long their texts may be. WeChat counts UTF-8 bytes, so
// every length check goes through utf8ByteLength. Each limit sits beside the errcode the server
// answers when it is broken; the validator, the schema and the errcode fixes read them from here.
// vscode-free.

/** Top-level buttons form the menu bar; sub-buttons sit in a top-level button's pop-up. */
export type ButtonLevel = 'top' | 'sub';

export interface CountRule {
  readonly min: number;
  readonly max: number;
  readonly errcode: number;
}

/**
 * How many buttons a level may hold. An empty `sub_button: []` means "no sub-buttons" (the shape
 * menu/get returns), so `min` for sub-buttons applies only to a non-empty list.
 */
export const BUTTON_COUNT: Readonly<Record<ButtonLevel, CountRule>> = {
  top: { min: 1, max: 3, errcode: 40016 },
  sub: { min: 1, max: 5, errcode: 40023 },
};

/** Sub-buttons may not have sub-buttons of their own. */
export const SUB_MENU_DEPTH_ERRCODE = 40022;

export type ByteLimitedField = 'name' | 'key' | 'url';

export interface ByteLimit {
  /** Maximum length in UTF-8 bytes (a Chinese character is 3 bytes, an emoji 4). */
  readonly maxBytes: number;
  readonly errcode: number;
}

/** Byte limits per field and level; the errcode is what the server answers when one is exceeded. */
export const BYTE_LIMITS: Readonly<Record<ByteLimitedField, Readonly<Record<ButtonLevel, ByteLimit>>>> = {
  name: { top: { maxBytes: 16, errcode: 40018 }, sub: { maxBytes: 60, errcode: 40025 } },
  key: { top: { maxBytes: 128, errcode: 40019 }, sub: { maxBytes: 128, errcode: 40026 } },
  url: { top: { maxBytes: 1024, errcode: 40020 }, sub: { maxBytes: 1024, errcode: 40027 } },
};

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes — what WeChat counts. Never count characters. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Bounds on the document itself, far beyond any legal menu, so that a hostile or mistaken file (a
 * 4 MB export, 10,000 levels of nesting) costs one diagnostic instead of seconds of extension-host
 * CPU per edit or a stack overflow. What is over them is refused before it is parsed.
 */
export interface DocumentLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxProblems: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = {
  /**
   * The largest legal menu: 3 top-level buttons × (1 + 5 sub-buttons) = 18 buttons. A button holds
   * at most name 60 + key 128 + url 1024 bytes, plus media_id/article_id, appid and pagepath
   * (undocumented lengths; ~300 bytes together in practice) and its field names: ≈ 1.6 KB, so
   * ≈ 29 KB for the whole menu and a short matchrule. Even with every character written as a 6-byte
   * `\uXXXX` escape (×6 ≈ 174 KB) it stays below 256 KB, which leaves room for indentation and
   * comments.
   */
  maxBytes: 256 * 1024,
  /**
   * Nesting of objects and arrays. A legal menu nests 5 deep (menu › button › button ›
   * sub_button › button) and a mistaken one a few more (a sub-button's sub_button); 32 is far
   * beyond that and far below what the recursive JSON parser and tree walks can take.
   */
  maxDepth: 32,
  /** Problems reported per document; one more says how many were left out. */
  maxProblems: 200,
};
