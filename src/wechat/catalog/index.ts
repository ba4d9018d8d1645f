// The endpoint catalog: one entry per endpoint the extension knows (src/wechat/endpoints.ts holds
// each one's path, method, auth, host, answer kind and quota flag; the entries add effect, account
// kinds, request schemas and errcodes). Read by the request checker and, later, the API notebook,
// the quota view and agent tools — never by activation: the schemas stay out of dist/extension.js.
import type { Endpoint } from '../endpoints';
import { CORE_ENTRIES } from './core';
import { MINI_PROGRAM_ENTRIES } from './miniProgram';
import { OA_CONTENT_ENTRIES } from './oaContent';
import { OA_MESSAGE_ENTRIES } from './oaMessages';
import { OA_USER_ENTRIES } from './oaUsers';
import type { CatalogEntry } from './schema';

export type { AccountKind, CatalogEntry, EndpointEffect, ObjectSchema, Schema } from './schema';

export const CATALOG: readonly CatalogEntry[] = [
  ...CORE_ENTRIES,
  ...OA_USER_ENTRIES,
  ...OA_CONTENT_ENTRIES,
  ...OA_MESSAGE_ENTRIES,
  ...MINI_PROGRAM_ENTRIES,
];

/** Every endpoint of the catalog. */
export const CATALOG_ENDPOINTS: readonly Endpoint[] = CATALOG.map((entry) => entry.endpoint);

const BY_PATH = new Map(CATALOG.map((entry) => [entry.endpoint.path, entry] as const));

/**
 * The entry for a path as a person writes it (`/cgi-bin/tags/create`, `cgi-bin/tags/create`, with
 * or without a query); undefined for a path the catalog does not know.
 */
export function catalogEntry(path: string): CatalogEntry | undefined {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  return BY_PATH.get(bare.startsWith('/') ? bare : `/${bare}`);
}
