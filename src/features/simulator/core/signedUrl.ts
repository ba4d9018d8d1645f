// The query WeChat adds to the callback URL: every push carries signature, timestamp, nonce and
// the follower's openid; encrypted modes add encrypt_type=aes and msg_signature; the URL check
// carries echostr instead. Parameters the developer put in the URL stay.
export function signedUrl(base: string, params: Readonly<Record<string, string>>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
