// The forms a secret takes on its way out: a leak scan that looks for the literal text only misses
// the token in a logged URL (`%2F`), in a JSON string (`\"`, `\\`), or in base64 (a Basic auth
// header, a data: URL, an encoded blob in storage). secretForms makes every form a scan looks for;
// scanForSecrets counts them in a text or file and records the scan in the ledger with what it
// looked for (labels only, never the values).
import { recordLeakScan } from './ledger';

export type SecretFormKind = 'literal' | 'url' | 'json' | 'base64';

export interface SecretForm {
  readonly kind: SecretFormKind;
  readonly text: string;
}

/** A secret to look for, and what to call it in messages (never the value itself). */
export interface LabelledSecret {
  readonly label: string;
  readonly value: string;
}

/**
 * Base64 cores shorter than this are not looked for: at 6 characters a random base64 blob matches
 * by chance about once in 10^10 positions, at 3 it would match everywhere. So a secret of fewer than
 * 5 bytes (a callback Token may have 3) is looked for in its other forms only.
 */
export const MIN_BASE64_CORE = 6;

/** The forms whose text differs from the literal are listed once each; duplicates are dropped. */
export function secretForms(secret: string): SecretForm[] {
  if (secret === '') return [];
  const forms: SecretForm[] = [{ kind: 'literal', text: secret }];
  const add = (kind: SecretFormKind, text: string): void => {
    if (text !== '' && !forms.some((f) => f.text === text)) forms.push({ kind, text });
  };
  // URL-encoded: as encodeURIComponent does (paths, query values), as forms do (URLSearchParams:
  // space as '+'), and with lower-case hex, which some encoders write.
  const component = encodeURIComponent(secret);
  add('url', component);
  add('url', new URLSearchParams({ s: secret }).toString().slice(2));
  add(
    'url',
    component.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  );
  // JSON-escaped: inside a JSON string, and inside a JSON string that is itself in a JSON string.
  const json = JSON.stringify(secret).slice(1, -1);
  add('json', json);
  add('json', JSON.stringify(json).slice(1, -1));
  // base64 (and base64url): the secret may start at any of the 3 byte offsets of a 3-byte group,
  // so look for the characters that encode its bytes only, at each offset.
  for (const core of base64Cores(Buffer.from(secret, 'utf8'))) {
    add('base64', core);
    add('base64', core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/**
 * The base64 characters determined by `bytes` alone, for each alignment: with `k` bytes before it,
 * character i of the encoding covers bits 6i…6i+5, so the characters from ceil(8k/6) up to (not
 * including) floor(8(k+n)/6) depend on the secret's bits only, whatever surrounds it.
 */
export function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let k = 0; k < 3; k++) {
    const padded = Buffer.concat([Buffer.alloc(k), bytes, Buffer.alloc(3)]);
    const encoded = padded.toString('base64');
    const core = encoded.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    if (core.length >= MIN_BASE64_CORE && !cores.includes(core)) cores.push(core);
  }
  return cores;
}

/** Occurrences of `needle` in `haystack` (non-overlapping). */
function count(haystack: string | Buffer, needle: string): number {
  let n = 0;
  if (typeof haystack === 'string') {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
    return n;
  }
  const bytes = Buffer.from(needle, 'utf8');
  for (let at = haystack.indexOf(bytes); at >= 0; at = haystack.indexOf(bytes, at + bytes.length)) n++;
  return n;
}

export interface LeakFinding {
  readonly label: string;
  readonly form: SecretFormKind;
  readonly count: number;
}

/** Every form of every secret found in `haystack`: label, form and count (never the value). */
export function findSecrets(haystack: string | Buffer, secrets: readonly LabelledSecret[]): LeakFinding[] {
  const findings: LeakFinding[] = [];
  for (const secret of secrets) {
    for (const form of secretForms(secret.value)) {
      const n = count(haystack, form.text);
      if (n > 0) findings.push({ label: secret.label, form: form.kind, count: n });
    }
  }
  return findings;
}

/** "access token (base64) ×2, AppSecret (literal)" — what an assertion message may say. */
export function describeFindings(findings: readonly LeakFinding[]): string {
  return findings.map((f) => `${f.label} (${f.form})${f.count > 1 ? ` ×${f.count}` : ''}`).join(', ');
}

/** The labels a scan looked for, for the report (each once: several tokens are "access token"). */
export function lookedFor(secrets: readonly LabelledSecret[]): string[] {
  return [...new Set(secrets.filter((s) => s.value !== '').map((s) => s.label))];
}

/**
 * Scans one text (or file's bytes) for every form of every secret, records the scan in the ledger
 * under `where`, and returns what it found (empty: clean).
 */
export function scanForSecrets(where: string, haystack: string | Buffer, secrets: readonly LabelledSecret[]): LeakFinding[] {
  const findings = findSecrets(haystack, secrets);
  recordLeakScan(
    where,
    findings.reduce((n, f) => n + f.count, 0),
    { lookedFor: lookedFor(secrets) },
  );
  return findings;
}
