// Fuzzing the request checker: whatever the body, query or path — any JSON value, hostile keys,
// values of the wrong type in every catalog field — checkRequest never throws, returns only codes
// of its table, at most the cap, and every message formats.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { CATALOG } from '../../../../src/wechat/catalog';
import { checkRequest, MAX_PROBLEMS } from '../../../../src/wechat/catalog/checkRequest';
import { REQUEST_PROBLEM_RULES, requestProblemMessage } from '../../../../src/wechat/catalog/problems';
import { hardeningCase } from '../../../hardening/ledger';

const SEED = 20261208;
const PATHS = CATALOG.map((entry) => entry.endpoint.path);
const path = fc.oneof(fc.constantFrom(...PATHS), fc.string());
const query = fc.dictionary(fc.string(), fc.string());

function checkInvariants(request: { path: string; body: unknown; query: Record<string, string> }): void {
  const { problems } = checkRequest(request);
  assert.ok(problems.length <= MAX_PROBLEMS + 1);
  for (const problem of problems) {
    assert.ok(Object.hasOwn(REQUEST_PROBLEM_RULES, problem.code), problem.code);
    assert.equal(typeof requestProblemMessage(problem), 'string');
  }
}

/** A body shaped like the catalog's: the endpoint's own field names with arbitrary values. */
function fieldNames(): string[] {
  const names = new Set<string>(['tag', 'name', 'id', 'data', 'value', 'scene', 'action_info', '__proto__', 'constructor']);
  for (const entry of CATALOG) for (const name of Object.keys(entry.body?.properties ?? {})) names.add(name);
  return [...names];
}

describe('wechat/catalog/checkRequest: fuzz', () => {
  it('never throws on any JSON value as the body of any path', () => {
    fc.assert(
      fc.property(path, fc.jsonValue(), query, (p, body, q) =>
        hardeningCase('hostile', 'fuzz request checker: any JSON body', () => checkInvariants({ path: p, body, query: q })),
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never throws on catalog field names holding values of any type, nested', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), fc.dictionary(fc.constantFrom(...fieldNames()), tie('node'))),
    })).node;
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.dictionary(fc.constantFrom(...fieldNames()), value), query, (p, body, q) =>
        hardeningCase('hostile', 'fuzz request checker: catalog fields', () =>
          checkInvariants({ path: p, body: JSON.parse(JSON.stringify(body)) as unknown, query: q }),
        ),
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});
