// The forms a leak scan looks for: each form of a secret is found where an encoder put it, whatever
// surrounds it, and nothing is reported for text that holds none of them.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { base64Cores, describeFindings, findSecrets, MIN_BASE64_CORE, secretForms } from '../../hardening/secretForms';

const kinds = (secret: string): string[] => secretForms(secret).map((f) => f.kind);

describe('hardening: secretForms', () => {
  it('a secret with characters encoders change has a literal, URL-encoded, JSON-escaped and base64 form', () => {
    const secret = 'pw/with "quotes"\\ and+plus';
    const forms = secretForms(secret);
    const texts = forms.map((f) => f.text);
    assert.equal(forms[0]?.text, secret);
    assert.ok(texts.includes(encodeURIComponent(secret)));
    assert.ok(texts.includes('pw%2Fwith+%22quotes%22%5C+and%2Bplus'), 'form encoding (space as +)');
    assert.ok(texts.includes('pw%2fwith%20%22quotes%22%5c%20and%2bplus'), 'lower-case hex');
    assert.ok(texts.includes('pw/with \\"quotes\\"\\\\ and+plus'), 'JSON string');
    assert.ok(texts.includes('pw/with \\\\\\"quotes\\\\\\"\\\\\\\\ and+plus'), 'JSON in a JSON string');
    assert.deepEqual([...new Set(kinds(secret))], ['literal', 'url', 'json', 'base64']);
    assert.equal(new Set(texts).size, texts.length, 'no form twice');
  });

  it('an alphanumeric secret: URL and JSON forms are the literal (listed once), base64 differs', () => {
    assert.deepEqual([...new Set(kinds('f1e2d3c4b5a697887766554433221100'))], ['literal', 'base64']);
  });

  it('a 3-character callback Token has no base64 core long enough to look for; the empty string no form', () => {
    assert.deepEqual(kinds('abc'), ['literal']);
    assert.deepEqual(secretForms(''), []);
    for (const core of base64Cores(Buffer.from('QDG6eK'))) assert.ok(core.length >= MIN_BASE64_CORE);
  });

  it('finds each form where its encoder put it, and says which (label and form, never the value)', () => {
    const secret = 'tok/+en"9f3a';
    const secrets = [{ label: 'access token', value: secret }];
    const cases: Array<[string, string]> = [
      [`GET /x?access_token=${encodeURIComponent(secret)}`, 'url'],
      [JSON.stringify({ nested: JSON.stringify({ token: secret }) }), 'json'],
      [`Authorization: Basic ${Buffer.from(`user:${secret}`).toString('base64')}`, 'base64'],
      [`data:text/plain;base64,${Buffer.from(`xy${secret}`).toString('base64url')}`, 'base64'],
      [`plain ${secret}`, 'literal'],
    ];
    for (const [text, form] of cases) {
      const found = findSecrets(text, secrets);
      assert.ok(
        found.some((f) => f.form === form),
        `${form} in ${text}: ${describeFindings(found)}`,
      );
      assert.ok(!describeFindings(found).includes(secret));
    }
    assert.deepEqual(
      findSecrets(Buffer.from(`bytes ${Buffer.from(secret).toString('base64')} end`), secrets).map((f) => f.form),
      ['base64'],
    );
    assert.deepEqual(findSecrets('nothing here', secrets), []);
  });

  it('property: a secret of 5+ bytes base64-encoded inside any bytes is found', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 7 }),
        fc.string({ minLength: 5, maxLength: 40, unit: 'grapheme' }),
        fc.uint8Array({ maxLength: 7 }),
        (before, secret, after) => {
          const blob = Buffer.concat([Buffer.from(before), Buffer.from(secret, 'utf8'), Buffer.from(after)]);
          const found = findSecrets(blob.toString('base64'), [{ label: 's', value: secret }]);
          assert.ok(
            found.some((f) => f.form === 'base64' || f.form === 'literal'),
            secret,
          );
        },
      ),
      { seed: 18, numRuns: 300 },
    );
  });
});
