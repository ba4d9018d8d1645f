// Shared fixtures of the callback tests: WeChat's published sample account (WXBizMsgCrypt's sample
// code, also in the 企业微信 加解密方案 doc), a deterministic random source, and endpoints.
import { RandomSource } from '../../../../../src/features/simulator/core/random';
import { CallbackEndpoint, MessageMode } from '../../../../../src/features/simulator/core/types';

export const SAMPLE = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  appId: 'wx5823bf96d3bd56c7',
} as const;

// WeChat's published sample (WXBizMsgCrypt Sample.cs / sample.php, and the 加解密方案 doc): the push
// POSTed with msg_signature=477715d1…&timestamp=1409659813&nonce=1372623149, and the URL-check echostr.
export const SAMPLE_ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
export const SAMPLE_ECHOSTR = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';

/** Bytes from a counter: every call differs, every run is the same. */
export function countingRandom(seed = 1): RandomSource {
  let next = seed;
  return {
    bytes(length: number): Buffer {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) out[i] = next++ & 0xff;
      return out;
    },
  };
}

export const ACCOUNT = 'gh_0123456789ab';
export const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

export function endpoint(url: string, mode: MessageMode = 'plaintext', overrides: Partial<CallbackEndpoint> = {}): CallbackEndpoint {
  return {
    appId: SAMPLE.appId,
    accountUserName: ACCOUNT,
    url,
    mode,
    token: SAMPLE.token,
    ...(mode === 'plaintext' ? {} : { encodingAesKey: SAMPLE.encodingAesKey }),
    ...overrides,
  };
}
