// What is wrong with an endpoint before anything is sent: a URL the simulator must not use, a
// Token or EncodingAESKey that cannot be right, a mode that needs a key none was given for.
import { isLoopbackHost } from '../../../wechat/baseUrl';
import { AesKey, aesKeyOf } from './crypto/messageCrypto';
import { problem } from './problems';
import { isValidCallbackToken, isValidEncodingAesKey } from './secretFormat';
import { CallbackEndpoint, SimulationProblem } from './types';

export type EndpointCheck =
  { readonly ok: true; readonly aes?: AesKey } | { readonly ok: false; readonly problems: readonly SimulationProblem[] };

/** The URL as given, when it is one the simulator may post to (http only for loopback hosts). */
export function urlProblem(url: string): SimulationProblem | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return problem('invalidUrl', url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return problem('invalidUrl', url);
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) return problem('insecureUrl', url);
  return undefined;
}

export function checkEndpoint(endpoint: CallbackEndpoint, needsKey: boolean): EndpointCheck {
  const problems: SimulationProblem[] = [];
  const url = urlProblem(endpoint.url);
  if (url) problems.push(url);
  if (!isValidCallbackToken(endpoint.token)) problems.push(problem('invalidToken'));
  let aes: AesKey | undefined;
  if (needsKey && endpoint.mode !== 'plaintext') {
    if (endpoint.encodingAesKey === undefined || endpoint.encodingAesKey === '') problems.push(problem('missingAesKey', endpoint.mode));
    else if (!isValidEncodingAesKey(endpoint.encodingAesKey)) problems.push(problem('invalidAesKey'));
    else aes = aesKeyOf(endpoint.encodingAesKey);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ...(aes ? { aes } : {}) };
}
