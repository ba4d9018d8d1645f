// Just enough of node-webot's untyped `wechat` (2.1.0) and `wechat-crypto` (0.0.2) for the tests
// that run them (read from node_modules/wechat/lib/wechat.js and wechat-crypto/lib/msg_crypto.js).
declare module 'wechat-crypto' {
  class WXBizMsgCrypt {
    constructor(token: string, encodingAESKey: string, id: string);
    getSignature(timestamp: string | number, nonce: string | number, encrypt: string): string;
    encrypt(text: string): string;
    decrypt(text: string): { message: string; id: string };
  }
  export = WXBizMsgCrypt;
}

declare module 'wechat' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  namespace wechat {
    interface Config {
      token: string;
      appid?: string;
      encodingAESKey?: string;
      checkSignature?: boolean;
    }
    interface WechatRequest extends IncomingMessage {
      query: Record<string, string>;
      weixin?: Record<string, unknown>;
      weixin_xml?: string;
    }
    interface WechatResponse extends ServerResponse {
      reply(content: unknown): void;
      transfer2CustomerService(kfAccount?: string): void;
    }
    type Next = (err?: unknown) => void;
    type Handler = (req: WechatRequest, res: WechatResponse, next: Next) => void;
  }
  function wechat(
    config: string | wechat.Config,
    handle: wechat.Handler,
  ): (req: wechat.WechatRequest, res: wechat.WechatResponse, next: wechat.Next) => void;
  export = wechat;
}
