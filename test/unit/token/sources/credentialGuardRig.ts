// What the credential-host tests share: a guard over an in-memory origin store with a scripted
// modal that records every question, and the expectation that a read was refused with a failure.
import * as assert from 'node:assert/strict';

import { CredentialHostGuard, CredentialOriginMemory, TeamKind } from '../../../../src/token/sources/credentialHost';
import { TeamSourceError, TeamSourceFailure } from '../../../../src/token/sources/teamSourceError';

/** The guard with the origins already bound, answering every modal with `answer`. */
export function guardWith(bound: Partial<Record<TeamKind, string>>, answer: boolean) {
  const origins = new Map<TeamKind, string>(Object.entries(bound) as [TeamKind, string][]);
  const asked: [TeamKind, string, string][] = [];
  const memory: CredentialOriginMemory = {
    credentialOrigin: async (kind) => origins.get(kind),
    rememberCredentialOrigin: async (kind, origin) => void origins.set(kind, origin),
  };
  const guard = new CredentialHostGuard({
    memory,
    confirm: async (kind, from, to) => {
      asked.push([kind, from, to]);
      return answer;
    },
  });
  return { guard, origins, asked };
}

/** The TeamSourceError `promise` rejects with, checked to carry `failure`; fails when it resolves. */
export async function refusal(promise: Promise<unknown>, failure: TeamSourceFailure = 'credentialHost'): Promise<TeamSourceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TeamSourceError, String(error));
    assert.equal(error.failure, failure, error.message);
    return error;
  }
  return assert.fail('the read went through');
}
