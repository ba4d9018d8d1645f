// The shapes of the endpoint catalog: a small JSON-Schema-like description of a request with
// WeChat's own limits (lengths counted as WeChat counts them, in characters or UTF-8 bytes) and,
// on each limit, the errcode WeChat answers when it is broken. Data only: checkRequest.ts reads it,
// the notebook's completion and hover will. vscode-free, and never on the activation path.
import type { Endpoint } from '../endpoints';

/** What a call does to the world: the notebook asks before anything but 'read'. */
export type EndpointEffect =
  /** Reads only. */
  | 'read'
  /** Changes the account's data (a tag, a QR code, a draft). */
  | 'write'
  /** Sends something a follower or user sees (a template, subscription or customer-service message). */
  | 'reachesFollowers'
  /** Cannot be undone (a deletion). */
  | 'irreversible';

export type AccountKind = 'officialAccount' | 'miniProgram';

/** The errcode WeChat answers when a value breaks the limit it is attached to. */
interface Limited {
  readonly errcode?: number;
  /** What the field is, for hover and completion (English; localised where shown). */
  readonly description?: string;
}

export interface StringSchema extends Limited {
  readonly type: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  /** How WeChat counts maxLength/minLength: characters (code points) or UTF-8 bytes. Default 'chars'. */
  readonly lengthUnit?: 'chars' | 'bytes';
  readonly enum?: readonly string[];
  /** A regular expression (source, anchored by the checker) every value must match. */
  readonly pattern?: string;
  /** What `pattern` allows, in English, for the problem message. */
  readonly patternText?: string;
}

export interface NumberSchema extends Limited {
  readonly type: 'integer' | 'number';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly number[];
  /** 0 is refused (a temporary QR code's scene_id). */
  readonly notZero?: true;
}

export interface BooleanSchema extends Limited {
  readonly type: 'boolean';
}

export interface ArraySchema extends Limited {
  readonly type: 'array';
  readonly items: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** Properties whose names match `pattern` (a template's `thing1`, `number2`): checked against `schema`. */
export interface PatternProperty {
  readonly pattern: string;
  readonly schema: Schema;
}

export interface ObjectSchema extends Limited {
  readonly type: 'object';
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  /** The errcode of a missing required property (default: the object's own errcode). */
  readonly requiredErrcode?: number;
  readonly patternProperties?: readonly PatternProperty[];
  /**
   * One property picks further rules (qrcode/create's action_name): when its value names a case,
   * that case's schema is checked too, against the same object.
   */
  readonly casesBy?: { readonly property: string; readonly cases: Readonly<Record<string, ObjectSchema>> };
}

export type Schema = StringSchema | NumberSchema | BooleanSchema | ArraySchema | ObjectSchema;

/** One catalog entry: the endpoint const (path, method, auth, host, returns, quota) and what else is known. */
export interface CatalogEntry {
  readonly endpoint: Endpoint;
  readonly effect: EndpointEffect;
  readonly kinds: readonly AccountKind[];
  /** The query parameters besides access_token (values are strings on the wire; numbers are parsed). */
  readonly query?: ObjectSchema;
  /** The JSON body of a POST. */
  readonly body?: ObjectSchema;
  /** The errcodes this endpoint answers besides the general ones; texts in errcodeTexts.ts. */
  readonly errcodes: readonly number[];
  /** A one-line English summary, for hover and the quick pick. */
  readonly summary: string;
}
