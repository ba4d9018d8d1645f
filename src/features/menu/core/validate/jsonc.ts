// The one importer of jsonc-parser (ESLint holds every other file to `import type`): the parser's
// API the menu core uses, and the options every reader of a menu text must share — comments and
// trailing commas allowed, as the upload re-serialises the parsed menu.
import type { ParseOptions } from 'jsonc-parser';

export type { Node, ParseError } from 'jsonc-parser';
export { createScanner, getLocation, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';

export const MENU_PARSE_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false };
