// Redaction beyond the literal text: a secret URL-encoded, JSON-escaped or base64-encoded
// passed the log redactor and safeText; a secret under 8 characters (a callback Token can be 3) was
// never hidden; redactJson missed accessToken/password and stopped at an escaped quote. Each form is
// a hostile-input case in the hardening ledger.
import * as assert from 'node:assert/strict';

import { safeText } from '../../../src/token/sources/tokenService/safeText';
import { mask, redactJson, Redactor, redactUrl } from '../../../src/wechat/redact';
import { hardeningCase } from '../../hardening/ledger';
import { APP_SECRET, tokenString } from '../helpers/fixtures';

const ACCESS_TOKEN = tokenString('forms');
/** A Redis password as people choose them: every character some encoding changes. */
const PASSWORD = 'p@ss/wörd+"1 x\\y';
const CREDENTIAL = 'svc-credential-0123456789';
const SECRETS = {
  'the AppSecret': APP_SECRET,
  'an access token': ACCESS_TOKEN,
  'a Redis password': PASSWORD,
  'a token service credential': CREDENTIAL,
};

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The texts a log line or an error detail may carry a secret in. */
const FORMS: Readonly<Record<string, (secret: string) => string>> = {
  literal: (s) => `failed: ${s}`,
  'URL-encoded': (s) => `GET /x?cb=${encodeURIComponent(`https://h/?k=${s}`)}`,
  'URL-encoded, lower-case hex': (s) => `q=${encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
  'form-encoded': (s) => `body: ${new URLSearchParams({ pass: s }).toString()}`,
  'JSON-escaped': (s) => `{"note":${JSON.stringify(`value ${s} here`)}}`,
  'JSON-escaped twice': (s) => `error: ${JSON.stringify(JSON.stringify({ note: s }))}`,
  'JSON-escaped with \\/ and \\u': (s) =>
    JSON.stringify(s)
      .replace(/\//g, '\\/')
      .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'base64 alone': (s) => `header: ${base64(s)}`,
  'base64 in a Basic header': (s) => `authorization: Basic ${base64(`default:${s}`)}`,
  'base64 at offset 1 of a blob': (s) => `blob ${base64(`x${s}tail`)}`,
  'base64 at offset 2 of a blob': (s) => `blob ${base64(`xy${s}tail`)}`,
  base64url: (s) => `jwt.${base64(`{"k":"${s}"}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
};

/** Whether the secret is still readable: literally, percent-encoded, JSON-escaped, or 8 characters of it in decoded base64. */
function leftovers(text: string, secret: string): boolean {
  const probes = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  if (probes.some((probe) => text.includes(probe))) return true;
  const decoded = (text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []).map((run) =>
    Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'),
  );
  const pieces = Array.from({ length: Math.max(0, secret.length - 7) }, (_, i) => secret.slice(i, i + 8));
  return decoded.some((plain) => pieces.some((piece) => plain.includes(piece)));
}

describe('redaction of encoded secrets', () => {
  for (const [formName, encode] of Object.entries(FORMS)) {
    it(`hides each secret ${formName} (log redactor and safeText)`, () =>
      hardeningCase('hostile', `redaction: ${formName}`, () => {
        const redactor = new Redactor();
        for (const secret of Object.values(SECRETS)) redactor.addSecret(secret);
        for (const [what, secret] of Object.entries(SECRETS)) {
          const text = encode(secret);
          assert.notEqual(redactor.redact(text), text, `${what} ${formName} was not touched: ${text}`);
          const logged = redactor.redact(text);
          const detail = safeText(text, redactor, 10_000);
          for (const out of [logged, detail]) {
            assert.ok(!leftovers(out, secret), `${what} ${formName} left in: ${out}`);
          }
          assert.ok(logged.includes(mask(secret)), `${what} ${formName} is masked: ${logged}`);
        }
      }));
  }

  it('masks a base64 core so that at most two bytes at each end stay readable', () => {
    const redactor = new Redactor();
    redactor.addSecret(PASSWORD);
    for (const prefix of ['', 'a', 'ab']) {
      const encoded = base64(`${prefix}${PASSWORD}`);
      const out = redactor.redact(encoded);
      assert.ok(out.includes(mask(PASSWORD)), `${prefix}: ${out}`);
      assert.ok(out.replace(mask(PASSWORD), '').length <= 12, `${prefix}: ${out}`);
    }
  });
});

describe('redaction of short secrets (the callback Token can be 3 characters)', () => {
  const TOKEN = 'abc';

  for (const [name, text, expected] of [
    ['a query parameter', 'https://h/cb?token=abc&nonce=1', 'https://h/cb?token=***(3)&nonce=1'],
    ['a JSON value', '{"value":"abc","n":1}', '{"value":"***(3)","n":1}'],
    ['a header', 'X-Token: abc', 'X-Token: ***(3)'],
    ['a bearer credential', 'authorization: Bearer abc', 'authorization: ***(3)'],
    ['a log field', 'callback token=abc, mode=safe', 'callback token=***(3), mode=safe'],
  ] as const) {
    it(`hides it as a whole value: ${name}`, () =>
      hardeningCase('hostile', `redaction: short secret in ${name}`, () => {
        const redactor = new Redactor();
        redactor.addSecret(TOKEN);
        const out = redactor.redact(text);
        assert.ok(!/(^|[=:"' ])abc([&"',\s]|$)/.test(out), out);
        if (name !== 'a bearer credential') assert.equal(out, expected);
      }));
  }

  it('leaves it inside ordinary words and text, where hiding it would spell it out', () => {
    const redactor = new Redactor();
    redactor.addSecret(TOKEN);
    for (const text of ['abc abc', 'abcdef', 'the abc of it', 'xabc=1', 'path/abc/x']) assert.equal(redactor.redact(text), text);
  });
});

describe('redactJson and redactUrl keys and escapes', () => {
  it('hides accessToken, password, credential and token values, strings or numbers', () =>
    hardeningCase('hostile', 'redaction: JSON keys', () => {
      const body = JSON.stringify({
        accessToken: ACCESS_TOKEN,
        password: 'hunter2hunter2',
        credential: CREDENTIAL,
        token: 'x',
        pin: 1,
        passwd: 123456,
      });
      const out = JSON.parse(redactJson(body)) as Record<string, unknown>;
      assert.deepEqual(out, { accessToken: '***', password: '***', credential: '***', token: '***', pin: 1, passwd: '***' });
    }));

  it('does not stop at an escaped quote inside the value', () =>
    hardeningCase('hostile', 'redaction: JSON escaped quote', () => {
      const body = JSON.stringify({ secret: `ab"${APP_SECRET}`, next: 1 });
      const out = redactJson(body);
      assert.ok(!out.includes(APP_SECRET), out);
      assert.deepEqual(JSON.parse(out), { secret: '***', next: 1 });
    }));

  it('hides the value of a body cut off mid-string', () =>
    hardeningCase('hostile', 'redaction: JSON cut off', () => {
      const out = redactJson(`{"access_token":"${ACCESS_TOKEN.slice(0, 50)}`);
      assert.ok(!out.includes(ACCESS_TOKEN.slice(0, 50)), out);
    }));

  it('hides values in JSON quoted inside a JSON string', () =>
    hardeningCase('hostile', 'redaction: JSON inside a string', () => {
      const inner = JSON.stringify({ password: 'a"b\\c-secret-value', ok: 1 });
      const out = redactJson(JSON.stringify({ message: inner }));
      assert.ok(!out.includes('secret-value'), out);
      assert.deepEqual(JSON.parse(JSON.parse(out).message as string), { password: '***', ok: 1 });
    }));

  it('hides secret parameters of a URL that is URL-encoded inside another', () =>
    hardeningCase('hostile', 'redaction: URL-encoded query', () => {
      const out = redactUrl(`https://h/cb?next=${encodeURIComponent(`https://x/y?access_token=${ACCESS_TOKEN}&lang=zh_CN`)}`);
      assert.ok(!out.includes(ACCESS_TOKEN), out);
      assert.ok(out.includes('%26lang%3Dzh_CN'), out);
      assert.equal(redactUrl('redis://h:6379/?password=pw1&db=0'), 'redis://h:6379/?password=***&db=0');
    }));
});

describe('safeText without a known secret', () => {
  it('hides a percent-encoded token and a base64 blob with slashes, and keeps paths readable', () =>
    hardeningCase('hostile', 'redaction: unknown token encoded', () => {
      const redactor = new Redactor();
      // '+' every 20 characters: URL-encoded, no run of plain token characters reaches 32.
      const token = Array.from({ length: 6 }, (_, i) => `${i}${ACCESS_TOKEN.slice(10 + i * 19, 29 + i * 19)}`).join('+');
      const encoded = encodeURIComponent(token);
      assert.ok(!/[A-Za-z0-9_\-+=]{32,}/.test(encoded));
      const detail = safeText(`bad token ${encoded}`, redactor, 1000);
      assert.ok(!detail.includes(encoded.slice(0, 20)) && !detail.includes(encoded.slice(-20)), detail);
      // A '/' every 20 characters: base64 whose runs between slashes are all under 32.
      const blob = 'Qm9kIDEy34NTY3ODkwQU/'.repeat(4) + 'xYz0';
      const blobDetail = safeText(`config ${blob}`, redactor, 1000);
      assert.ok(!blobDetail.includes('Qm9kIDEy34NTY3ODkwQU'), blobDetail);
      const path = '/home/developer/projects/wechat-menu/src/features/menu/core/validate/index.ts';
      assert.equal(safeText(`at ${path}`, redactor, 1000), `at ${path}`);
    }));
});
