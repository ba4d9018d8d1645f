// Every rule the simulator can find broken, in ONE table: the code, an English message template and
// its fix, with {0}-style arguments. The UI layer localises them (l10n/bundle.l10n.zh-cn.json has an
// entry for each template), so a new problem is one row here and one translation there.
import { SimulationProblem } from './types';

export const PROBLEM_TEMPLATES = {
  // Setup, found before anything is sent.
  missingAesKey: {
    message: 'Mode {0} needs the EncodingAESKey, and none is stored for this account.',
    fix: 'Run "WeChat: Set Up Callback" and paste the EncodingAESKey shown in the console (Settings and Development → Basic Configuration).',
  },
  invalidAesKey: {
    message: 'The stored EncodingAESKey is not 43 letters and digits.',
    fix: 'Copy the EncodingAESKey again from the console: it is exactly 43 characters, letters and digits only.',
  },
  invalidToken: {
    message: 'The stored Token is not 3 to 32 letters and digits.',
    fix: 'Copy the Token (令牌) again from the console: 3 to 32 letters and digits.',
  },
  insecureUrl: {
    message: 'The callback URL {0} uses http for a host that is not this machine.',
    fix: 'Use https, or a loopback address (127.0.0.1, localhost) for a server on this machine.',
  },
  invalidUrl: {
    message: 'The callback URL {0} is not a valid http(s) URL.',
    fix: 'Enter the full URL of your server, e.g. http://127.0.0.1:3000/wechat.',
  },
  // The connection.
  refused: {
    message: 'Nothing is listening at {0}: the connection was refused.',
    fix: 'Start your server, and check the host and port in the callback URL.',
  },
  network: {
    message: 'The request to {0} failed: {1}.',
    fix: 'Check that the server is running and reachable from this machine.',
  },
  timeout: {
    message: 'The server did not answer within {0} s.',
    fix: 'WeChat gives up after 5 s. Answer at once (with "success" if the work takes longer) and send the real reply through the customer-service message API.',
  },
  late: {
    message: 'The server answered after {0} ms; WeChat waits 5 s, so the follower sees no reply.',
    fix: 'WeChat then retries up to 3 times with the same MsgId (events: the same FromUserName and CreateTime). Answer within 5 s, or answer "success" at once and reply later through the customer-service message API; deduplicate retries by MsgId.',
  },
  httpStatus: {
    message: 'The server answered HTTP {0}; WeChat treats anything but 200 as a failed push.',
    fix: 'Answer 200 with the reply XML, "success" or an empty body. Check the server log for the cause.',
  },
  rejectedToken: {
    message: 'The server rejected the message (HTTP {0}), and it also rejects the URL check: its Token differs from the one stored here.',
    fix: "Use the same Token in the server and here (the console's 令牌); the signature is sha1 of the sorted Token, timestamp and nonce.",
  },
  rejectedEncrypted: {
    message:
      'The server accepts the URL check (the Token matches) but answered HTTP {0} to the encrypted message: its EncodingAESKey or AppID differ from the ones stored here.',
    fix: 'Give the server the same EncodingAESKey and AppID ({1}) as the console, and check that it reads msg_signature and Encrypt in mode {2}.',
  },
  // The reply.
  invalidXml: {
    message: 'The reply is not valid XML: {0}.',
    fix: 'Answer well-formed XML with one <xml> root, "success", or an empty body. Wrap text in <![CDATA[…]]> so & and < need no escaping.',
  },
  notXmlRoot: {
    message: "The reply's root element is <{0}>, not <xml>.",
    fix: 'Put the reply fields inside a single <xml>…</xml> element.',
  },
  missingField: {
    message: 'The {0} reply has no {1}.',
    fix: 'Add <{1}> to the reply; see 被动回复用户消息 in the WeChat docs for the fields of each MsgType.',
  },
  unknownMsgType: {
    message: 'The reply\'s MsgType "{0}" is not one WeChat can send as a passive reply.',
    fix: 'Use text, image, voice, video, music, news or transfer_customer_service.',
  },
  tooManyArticles: {
    message: 'The news reply has {0} articles; WeChat shows at most {1}.',
    fix: 'Reply with at most {1} article(s): one to a message the follower sent, up to eight to an event. ArticleCount must match the number of <item>s.',
  },
  articleCountMismatch: {
    message: 'ArticleCount says {0} but the reply has {1} articles.',
    fix: 'Set ArticleCount to the number of <item> elements in <Articles>.',
  },
  swappedUserNames: {
    message: "The reply's ToUserName and FromUserName are swapped: ToUserName is the account ({0}) and FromUserName the follower ({1}).",
    fix: "In the reply, ToUserName is the FromUserName of the message (the follower's OpenID) and FromUserName its ToUserName (the account).",
  },
  wrongToUserName: {
    message: 'The reply goes to {0}, not to the follower who wrote ({1}).',
    fix: "Set the reply's ToUserName to the FromUserName of the message you answer.",
  },
  wrongFromUserName: {
    message: 'The reply comes from {0}, not from the account ({1}).',
    fix: "Set the reply's FromUserName to the ToUserName of the message you answer.",
  },
  notEncrypted: {
    message: 'In safe mode the reply must be encrypted, but the server answered plaintext XML.',
    fix: "Encrypt the reply: <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>, as your SDK's encryptMsg does.",
  },
  encryptedInPlaintext: {
    message: 'The reply is encrypted, but the account is in plaintext mode.',
    fix: 'Switch the server to plaintext replies, or set the message mode here and in the console to compatible or safe.',
  },
  missingEnvelopeField: {
    message: 'The encrypted reply has no {0}.',
    fix: 'An encrypted reply carries Encrypt, MsgSignature, TimeStamp and Nonce.',
  },
  replySignatureMismatch: {
    message: "The encrypted reply's MsgSignature is wrong.",
    fix: 'MsgSignature is sha1 of the sorted Token, TimeStamp, Nonce and Encrypt, computed with the same TimeStamp and Nonce the reply carries.',
  },
  replyMalformed: {
    message: "The reply's Encrypt is not a whole AES ciphertext ({0}).",
    fix: 'Send the base64 of the complete AES-256-CBC ciphertext, padded with PKCS#7 to 32-byte blocks.',
  },
  replyWrongKey: {
    message: 'The reply does not decrypt with the stored EncodingAESKey.',
    fix: 'Encrypt replies with the same EncodingAESKey as the console (and this simulator).',
  },
  replyWrongAppId: {
    message: 'The reply was encrypted for AppID {0}, not {1}.',
    fix: "Give the server this account's AppID: it is appended to every encrypted message.",
  },
  // The URL check (GET handshake).
  handshakeRejected: {
    message: 'The server refused the URL check with HTTP {0}: its signature check failed.',
    fix: "The Token in the server differs from the one stored here (the console's 令牌). The signature is sha1 of the sorted Token, timestamp and nonce.",
  },
  handshakeNoEcho: {
    message: 'The server answered 200 with an empty body instead of echostr.',
    fix: 'Answer the GET with the echostr parameter as the whole body. An empty answer usually means the signature check failed: check the Token.',
  },
  handshakeTimeout: {
    message: 'The server did not answer the URL check within {0} s.',
    fix: 'Answer the GET with echostr at once: the console does not wait long. Check that GET requests to this URL reach your handler (route, method, proxy).',
  },
  handshakeWrongEcho: {
    message: 'The server answered {0} instead of echostr.',
    fix: 'Answer the GET with echostr alone: no quotes, JSON, HTML or whitespace. A different answer usually means the signature check failed: check the Token.',
  },
} as const satisfies Record<string, { readonly message: string; readonly fix: string }>;

export type ProblemCode = keyof typeof PROBLEM_TEMPLATES;

type Arg = string | number;
/** The placeholder numbers a template uses, e.g. '0' | '1'. */
type PlaceholdersOf<T extends string> = T extends `${string}{${infer N}}${infer Rest}` ? N | PlaceholdersOf<Rest> : never;
type Used<C extends ProblemCode> = PlaceholdersOf<(typeof PROBLEM_TEMPLATES)[C]['message'] | (typeof PROBLEM_TEMPLATES)[C]['fix']>;
/** As many arguments as the templates use, checked at compile time (templates use at most {2}). */
type ArgsOf<C extends ProblemCode> =
  '2' extends Used<C> ? [Arg, Arg, Arg] : '1' extends Used<C> ? [Arg, Arg] : '0' extends Used<C> ? [Arg] : [];

export function problem<C extends ProblemCode>(code: C, ...args: ArgsOf<C>): SimulationProblem {
  const { message, fix } = PROBLEM_TEMPLATES[code];
  return { code, message, fix, args };
}

/** Fills the {0}-style arguments, for callers that do not localise (tests, logs). */
export function formatTemplate(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
