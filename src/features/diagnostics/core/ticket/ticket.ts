// The cached jsapi_ticket of an AppID. Like the access token it is a credential with a 7200 s
// lifetime and a limited number of fetches, so it is cached the same way: in SecretStorage,
// shared by every window, with an absolute expiry. It also remembers which token fetched it (by
// a hash, never the token itself), so a ticket outlives no token change or rejection.
import { createHash } from 'node:crypto';

import { storedEntryOf } from '../../../../token/store';

/** WeChat's documented lifetime of a jsapi_ticket, the bound when an answer gives none. */
export const TICKET_LIFETIME_MS = 7_200_000;

export interface CachedTicket {
  readonly appId: string;
  readonly ticket: string;
  /** Absolute expiry, ms since the epoch. */
  readonly expiresAt: number;
  readonly obtainedAt: number;
  /** tokenHash() of the access token the ticket was fetched with. */
  readonly tokenHash: string;
}

/** A one-way digest of an access token: tells "same token" apart without storing it twice. */
export function tokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'utf8').digest('hex').slice(0, 32);
}

/** Parses a stored entry defensively: a corrupt or foreign value is treated as "no ticket". */
export function parseCachedTicket(text: string | undefined, appId: string): CachedTicket | undefined {
  const entry = storedEntryOf(text, appId);
  if (!entry) return undefined;
  const { ticket, expiresAt, obtainedAt, tokenHash: hash } = entry;
  if (
    typeof ticket !== 'string' ||
    ticket.length === 0 ||
    typeof expiresAt !== 'number' ||
    typeof obtainedAt !== 'number' ||
    typeof hash !== 'string'
  ) {
    return undefined;
  }
  return { appId, ticket, expiresAt, obtainedAt, tokenHash: hash };
}
