// Entry of dist/callback.js, which src/ui/callback/ requires lazily on the first simulation or URL
// check, so fast-xml-parser and the message crypto never load at activation.
import { HttpTransport } from '../../../wechat/http';
import { HttpCallbackSimulator, SimulatorOptions } from './httpSimulator';
import { CallbackEndpoint, CallbackSimulator } from './types';

export { WECHAT_REPLY_DEADLINE_MS, WECHAT_RETRIES } from './httpSimulator';
export { randomOpenId, standInAccountUserName } from './identities';
export { formatTemplate, PROBLEM_TEMPLATES } from './problems';
export { systemRandom } from './random';
export { isValidCallbackToken, isValidEncodingAesKey } from './secretFormat';
export type { SimulatorOptions };

export function createCallbackSimulator(
  endpoint: CallbackEndpoint,
  transport: HttpTransport,
  options?: SimulatorOptions,
): CallbackSimulator {
  return new HttpCallbackSimulator(endpoint, transport, options);
}

/** Shape of the lazily required dist/callback.js module. */
export interface CallbackModule {
  createCallbackSimulator: typeof createCallbackSimulator;
}
