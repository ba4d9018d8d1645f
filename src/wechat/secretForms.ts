// The texts a secret turns into on its way to a log line or an error message: a URL or form body
// percent-encodes it, a JSON body escapes it (once, or twice when a body is quoted inside another),
// an Authorization header or a config blob base64-encodes it. Matching the literal only let every
// one of these through the redactor.

/**
 * Base64 runs shorter than this are not looked for: a few characters of base64 could match
 * ordinary text. Every secret of 8 characters or more has cores at least this long.
 */
const MIN_BASE64 = 8;

/** Every form of `secret` to hide, the literal first; no duplicates. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const percent = encodeURIComponent(secret);
  forms.add(percent);
  forms.add(percent.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  // application/x-www-form-urlencoded: a space is '+', and '*' '!' "'" '(' ')' ~ are escaped too.
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
  for (const json of jsonForms(secret)) {
    forms.add(json);
    // A JSON body quoted inside another JSON string (an error message that carries a body).
    forms.add(JSON.stringify(json).slice(1, -1));
  }
  for (const core of base64Cores(secret)) {
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].filter((form) => form !== '');
}

/** JSON.stringify's escaping, and the other escapes encoders use (`\/`, `\u00e9` for non-ASCII). */
function jsonForms(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  const ascii = plain.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const asciiUpper = ascii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`);
  const slashed = (text: string): string => text.replace(/\//g, '\\/');
  return [plain, slashed(plain), ascii, slashed(ascii), asciiUpper, slashed(asciiUpper)];
}

/**
 * Base64 of the secret wherever it sits in an encoded payload (`user:password` in a Basic header,
 * a JSON blob): each 3 bytes become 4 characters, so the secret's encoding depends on its offset
 * modulo 3. For each of the three offsets, the characters of the groups made only of the secret's
 * bytes, which appear whatever surrounds it; and the whole secret encoded alone, with and without
 * padding.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores = [bytes.toString('base64'), bytes.toString('base64').replace(/=+$/, '')];
  for (let start = 0; start < 3; start++) {
    const whole = Math.floor((bytes.length - start) / 3) * 3;
    if (whole <= 0) continue;
    cores.push(bytes.subarray(start, start + whole).toString('base64'));
  }
  return cores.filter((core) => core.length >= MIN_BASE64);
}
