// Reads settings of unknown shape: settings.json can hold anything ("wechat.appId": 123, a string
// where a number belongs). Each getter returns a value of the declared type — the user's when it
// fits, the fallback otherwise — and records a warning naming the setting, so a wrong type is
// logged and never throws inside activate().

export type RawSettings = (key: string) => unknown;

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * A setting as a package.json `contributes.configuration` property declares it, in the manifest's
 * own words (type, default, minimum, maximum, enum), so a test can compare the two field by field.
 */
export type SettingSpec = TextSpec | ChoiceSpec | BooleanSpec | IntegerSpec | StructuredSpec;
export interface TextSpec {
  readonly type: 'string';
  /** '' reads as unset. */
  readonly default: string;
}
export interface ChoiceSpec<T extends string = string> {
  readonly type: 'string';
  readonly enum: readonly T[];
  readonly default: T;
}
export interface BooleanSpec {
  readonly type: 'boolean';
  readonly default: boolean;
}
export interface IntegerSpec {
  readonly type: 'integer';
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
}
/** A list or an object with a parser of its own (accounts, callbacks): only the type and the empty default. */
export interface StructuredSpec {
  readonly type: 'array' | 'object';
  readonly default: readonly [] | Readonly<Record<string, never>>;
}

export class SettingsReader {
  private readonly problems: string[] = [];

  /** `section` prefixes the keys in warnings ("wechat.appId"). */
  constructor(
    private readonly raw: RawSettings,
    private readonly section: string,
  ) {}

  /** Warnings collected so far, one line each. */
  get warnings(): readonly string[] {
    return this.problems;
  }

  /** A trimmed string; empty or missing → undefined. */
  text(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return this.wrong(key, value, 'a string', undefined);
    return value.trim() || undefined;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === undefined || value === null) return fallback;
    return typeof value === 'boolean' ? value : this.wrong(key, value, 'true or false', fallback);
  }

  /** What `spec` declares: its enum, its bounds, its default as the fallback. */
  choice<T extends string>(key: string, spec: ChoiceSpec<T>): T {
    return this.oneOf(key, spec.enum, spec.default);
  }

  flag(key: string, spec: BooleanSpec): boolean {
    return this.boolean(key, spec.default);
  }

  integer(key: string, spec: IntegerSpec): number {
    return this.number(key, { min: spec.minimum, max: spec.maximum }, spec.default);
  }

  /** A finite number clamped into bounds. */
  number(key: string, bounds: Bounds, fallback: number): number {
    const value = this.raw(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrong(key, value, 'a number', fallback);
    const clamped = Math.min(bounds.max, Math.max(bounds.min, value));
    if (clamped !== value) this.problems.push(`${this.name(key)} is ${value}; using ${clamped} (allowed ${bounds.min}–${bounds.max})`);
    return clamped;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(key);
    if (value === undefined || value === null) return fallback;
    return allowed.includes(value as T) ? (value as T) : this.wrong(key, value, allowed.map((v) => `"${v}"`).join(' or '), fallback);
  }

  private wrong<T>(key: string, value: unknown, expected: string, fallback: T): T {
    const shown = fallback === undefined ? 'ignoring it' : `using ${JSON.stringify(fallback)}`;
    this.problems.push(`${this.name(key)} should be ${expected}, not ${describe(value)}; ${shown}`);
    return fallback;
  }

  private name(key: string): string {
    return `${this.section}.${key}`;
  }
}

/** A short, secret-free description of a setting's value for the log. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
