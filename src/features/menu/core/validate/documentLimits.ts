// The document bounds (DOCUMENT_LIMITS) checked before anything parses the text: the size first
// (no scan at all for a huge file), then the nesting depth with jsonc-parser's scanner, which is a
// loop over tokens — the parser and every tree walk after it recurse once per level, so a text
// nested 10,000 deep must never reach them.

import { DOCUMENT_LIMITS, type DocumentLimits, utf8ByteLength } from '../rules/limits';
import { createScanner, SyntaxKind } from './jsonc';

export type DocumentLimitCode = 'documentTooLarge' | 'documentTooDeep';

export interface DocumentLimitProblem {
  readonly code: DocumentLimitCode;
  readonly args: readonly number[];
  readonly offset: number;
  readonly length: number;
}

const KB = 1024;

/** UTF-8 size of the text, without encoding it when its length alone decides. */
function exceedsSize(text: string, maxBytes: number): number | undefined {
  // Every UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = text.length > maxBytes ? text.length : utf8ByteLength(text);
  return bytes > maxBytes ? bytes : undefined;
}

/** Offset of the first `{` or `[` that opens a level beyond maxDepth, or undefined. */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if ((token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Why the text is refused before parsing, or undefined when it is within the bounds. `limits` is
 * for the bench's uncapped baseline; everything else uses DOCUMENT_LIMITS.
 */
export function documentLimitProblem(text: string, limits: DocumentLimits = DOCUMENT_LIMITS): DocumentLimitProblem | undefined {
  if (!Number.isFinite(limits.maxBytes) && !Number.isFinite(limits.maxDepth)) return undefined;
  const bytes = exceedsSize(text, limits.maxBytes);
  if (bytes !== undefined) {
    // "N KB" rounded up, so a file just over the limit never reads as equal to it.
    return { code: 'documentTooLarge', args: [Math.ceil(bytes / KB), limits.maxBytes / KB], offset: 0, length: 0 };
  }
  const deep = tooDeepAt(text, limits.maxDepth);
  return deep === undefined ? undefined : { code: 'documentTooDeep', args: [limits.maxDepth], offset: deep, length: 1 };
}

/** Tokens that carry no meaning (spaces, line breaks, comments). */
function isTrivia(token: SyntaxKind): boolean {
  return (
    token === SyntaxKind.Trivia ||
    token === SyntaxKind.LineBreakTrivia ||
    token === SyntaxKind.LineCommentTrivia ||
    token === SyntaxKind.BlockCommentTrivia
  );
}

/**
 * Whether a text too large to parse still looks like a menu: a top-level object with a property
 * "button" within its first maxBytes. A loop over the tokens of that prefix, so this costs no
 * more than checking a legal menu.
 */
export function startsLikeMenu(text: string): boolean {
  const scanner = createScanner(text.slice(0, DOCUMENT_LIMITS.maxBytes), false);
  const next = (): SyntaxKind => {
    let token = scanner.scan();
    while (isTrivia(token)) token = scanner.scan();
    return token;
  };
  if (next() !== SyntaxKind.OpenBraceToken) return false;
  let depth = 1;
  let token = next();
  while (token !== SyntaxKind.EOF && depth > 0) {
    if (depth === 1 && token === SyntaxKind.StringLiteral && scanner.getTokenValue() === 'button') {
      token = next();
      if (token === SyntaxKind.ColonToken) return true;
      continue; // a value "button": look at what follows it
    }
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
    token = next();
  }
  return false;
}
