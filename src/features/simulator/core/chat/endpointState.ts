// Where the active account's simulated messages can go right now (src/features/simulator/ui/endpoints.ts
// reads it from settings and secrets): the chat's status line and the exchange runner read this.
import type { Account } from '../../../../token/accounts';
import type { CallbackEndpoint } from '../types';

export type EndpointState =
  | { readonly ok: true; readonly endpoint: CallbackEndpoint; readonly account: Account }
  /** What is missing, in the order Set Up Callback asks for it. */
  | { readonly ok: false; readonly missing: 'account' | 'url' | 'token' | 'aesKey'; readonly account?: Account };
