// Entry of dist/callback.js, which src/ui/callback/ requires lazily on the first simulation or URL
// check, so fast-xml-parser and the message crypto never load at activation.
import { HttpTransport } from '../../../wechat/http';
import { HttpCallbackSimulator, SimulatorOptions } from './httpSimulator';
import { CallbackEndpoint, CallbackSimulator } from './types';

export { PROBLEM_TEMPLATES, formatTemplate } from './problems';
export { isValidCallbackToken, isValidEncodingAesKey } from './secretFormat';
export { WECHAT_REPLY_DEADLINE_MS, WECHAT_RETRIES } from './httpSimulator';
export { randomOpenId, standInAccountUserName } from './identities';
export { systemRandom } from './random';
export type { SimulatorOptions };

export function createCallbackSimulator(endpoint: CallbackEndpoint, transport: HttpTransport, options?: SimulatorOptions): CallbackSimulator {
  return new HttpCallbackSimulator(endpoint, transport, options);
}

/** Shape of the lazily required dist/callback.js module. */
export interface CallbackModule {
  createCallbackSimulator: typeof createCallbackSimulator;
}
