// The contract of the callback simulator, which plays WeChat towards the developer's own callback
// server: what the VS Code layer (../ui/) asks this vscode-free core to send, and what it gets back. The core builds the XML WeChat would send (signed, encrypted in safe mode), posts it
// through the HttpTransport, and reads the reply the way WeChat would.

/** The console's 消息加解密方式: 明文模式, 兼容模式 (plaintext and encrypted both sent), 安全模式. */
export type MessageMode = 'plaintext' | 'compatible' | 'safe';

/** Where and how one account's callback is reached. The Token and key come from SecretStorage. */
export interface CallbackEndpoint {
  readonly appId: string;
  /** The account's original ID (gh_…), sent as ToUserName; a stand-in when it is not known. */
  readonly accountUserName: string;
  /** http only for loopback hosts, like the API base URL. */
  readonly url: string;
  readonly mode: MessageMode;
  /** The console's Token (令牌), 3–32 letters and digits. */
  readonly token: string;
  /** The 43-character EncodingAESKey; required for 'compatible' and 'safe'. */
  readonly encodingAesKey?: string;
}

export type { EventButtonType as MenuEventButtonType } from '../../menu';
import type { EventButtonType as MenuEventButtonType } from '../../menu';

/** A button as tapped in the preview, read from the live menu document (unsaved edits included). */
export interface TappedButton {
  readonly type: MenuEventButtonType;
  readonly key?: string;
  readonly url?: string;
  readonly pagepath?: string;
  /** MenuId WeChat adds for conditional menus; absent for the default menu. */
  readonly menuId?: string;
}

/** What the follower does. */
export type SimulatedInbound =
  | { readonly kind: 'menu'; readonly button: TappedButton }
  | { readonly kind: 'text'; readonly content: string }
  | { readonly kind: 'image'; readonly picUrl: string; readonly mediaId: string }
  | { readonly kind: 'voice'; readonly mediaId: string; readonly format: string; readonly recognition?: string }
  | { readonly kind: 'location'; readonly latitude: number; readonly longitude: number; readonly scale: number; readonly label: string }
  | { readonly kind: 'link'; readonly title: string; readonly description: string; readonly url: string }
  /**
   * scene: the qrscene_ suffix of a parametric QR code; absent for a plain follow. ticket: the QR
   * code's ticket, sent with a scene (a stand-in when absent).
   */
  | { readonly kind: 'subscribe'; readonly scene?: string; readonly ticket?: string }
  | { readonly kind: 'unsubscribe' }
  | { readonly kind: 'scan'; readonly scene: string; readonly ticket: string }
  | { readonly kind: 'reportLocation'; readonly latitude: number; readonly longitude: number; readonly precision: number };

/**
 * Ordinary messages carry a MsgId; events are deduplicated by FromUserName + CreateTime. Here, with
 * no imports, so the chat's view model can say which without loading the XML code.
 */
export function hasMsgId(inbound: SimulatedInbound): boolean {
  return ['text', 'image', 'voice', 'location', 'link'].includes(inbound.kind);
}

export interface SimulationRequest {
  readonly inbound: SimulatedInbound;
  /** The follower's OpenID (setting wechat.simulator.openId, random by default). */
  readonly openId: string;
  /** Set on a simulated retry so the server sees the same MsgId (or FromUserName+CreateTime for events). */
  readonly retryOf?: SentMessage;
}

/** What was sent, kept so a retry can repeat it exactly. */
export interface SentMessage {
  readonly msgId?: string;
  readonly createTime: number;
  /** The plaintext XML of the message (no Token or key in it). */
  readonly xml: string;
}

export interface NewsArticle {
  readonly title: string;
  readonly description: string;
  readonly picUrl: string;
  readonly url: string;
}

/** The reply as the follower would see it. */
export type SimulatedReply =
  | { readonly kind: 'none'; readonly why: 'success' | 'empty' | 'late' | 'failed' }
  | { readonly kind: 'text'; readonly content: string }
  | { readonly kind: 'image'; readonly mediaId: string }
  | { readonly kind: 'voice'; readonly mediaId: string }
  | { readonly kind: 'video'; readonly mediaId: string; readonly title: string; readonly description: string }
  | {
      readonly kind: 'music';
      readonly title: string;
      readonly description: string;
      readonly musicUrl: string;
      readonly hqMusicUrl: string;
      readonly thumbMediaId: string;
    }
  | { readonly kind: 'news'; readonly articles: readonly NewsArticle[] }
  | { readonly kind: 'transferCustomerService'; readonly kfAccount?: string };

/**
 * A WeChat rule the exchange broke, with its fix: late (> 5 s), invalid XML, ToUserName/FromUserName
 * swapped, a safe-mode reply not encrypted, a wrong msg_signature, a non-200 status, no answer…
 * `message` and `fix` are English templates with {0}-style arguments, localised by the UI layer.
 */
export interface SimulationProblem {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  readonly args: readonly (string | number)[];
}

/** The raw exchange, for "show raw XML". Never contains the Token or the EncodingAESKey. */
export interface RawExchange {
  /** URL with signature/timestamp/nonce/openid (and msg_signature, encrypt_type) as sent. */
  readonly requestUrl: string;
  /** The message in plaintext XML. */
  readonly requestXml: string;
  /** The body actually posted (the encrypted envelope in safe mode; both in compatible mode). */
  readonly postedBody: string;
  readonly status?: number;
  readonly responseBody: string;
  /** The decrypted reply XML, when the reply was encrypted. */
  readonly decryptedReplyXml?: string;
}

export interface SimulationResult {
  readonly sent: SentMessage;
  readonly reply: SimulatedReply;
  readonly problems: readonly SimulationProblem[];
  readonly elapsedMs: number;
  readonly exchange: RawExchange;
}

/** "WeChat: Verify Callback URL": the GET handshake the console performs when the URL is saved. */
export interface HandshakeResult {
  readonly ok: boolean;
  /** Empty when ok; otherwise what went wrong (signature mismatch → wrong Token, no echo, non-200, timeout…). */
  readonly problems: readonly SimulationProblem[];
  readonly requestUrl: string;
  readonly status?: number;
  readonly responseBody: string;
  readonly elapsedMs: number;
}

/** The core's entry point; src/ui/callback/ holds one per account (created lazily, in its own bundle). */
export interface CallbackSimulator {
  send(request: SimulationRequest, signal?: AbortSignal): Promise<SimulationResult>;
  verifyUrl(signal?: AbortSignal): Promise<HandshakeResult>;
}
