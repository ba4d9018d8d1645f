// "Show raw XML": one exchange as a read-only XML document — the request URL with WeChat's query
// parameters, the message in plaintext, the body actually posted, the answer and, in safe mode,
// the decrypted reply. vscode-free; `scrub` blanks the Token and EncodingAESKey (the core never
// puts them in, and a server echoing them must not make them show).
import type { Localize } from '../../../../common/localize';
import type { RawExchange } from '../types';

export function rawExchangeText(exchange: RawExchange, t: Localize, scrub: (text: string) => string): string {
  const section = (title: string, body: string): string =>
    `<!-- ${comment(title)} -->\n${body.trim() === '' ? `<!-- ${comment(t('(empty)'))} -->` : body.trim()}\n`;
  const parts = [
    `<!-- ${comment(t('Request: POST {0}', exchange.requestUrl))} -->\n`,
    section(t('The message (plaintext XML)'), exchange.requestXml),
  ];
  if (exchange.postedBody.trim() !== exchange.requestXml.trim())
    parts.push(section(t('The body posted (encrypted envelope)'), exchange.postedBody));
  parts.push(
    section(exchange.status === undefined ? t('Response: none') : t('Response: HTTP {0}', exchange.status), exchange.responseBody),
  );
  if (exchange.decryptedReplyXml !== undefined) parts.push(section(t('The reply, decrypted'), exchange.decryptedReplyXml));
  return scrub(parts.join('\n'));
}

/** "--" may not appear inside an XML comment. */
function comment(text: string): string {
  return text.replace(/--/g, '- -');
}
