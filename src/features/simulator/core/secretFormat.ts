// Format checks for the callback Token and EncodingAESKey, pure so the setup wizard can validate
// input as it is typed. The console generates both; a mismatch is almost always a paste mistake.

/** The console's Token (令牌): 3–32 letters and digits. */
export function isValidCallbackToken(value: string): boolean {
  return /^[A-Za-z0-9]{3,32}$/.test(value);
}

/**
 * The EncodingAESKey: 43 characters of the base64 alphabet without padding, which decode (with the
 * "=" WeChat appends) to the 32 bytes of an AES-256 key. The console only generates letters and
 * digits, but "+" and "/" are accepted because base64 allows them and WeChat's SDKs decode them.
 */
export function isValidEncodingAesKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}$/.test(value);
}
