// Reading objects that came from a document or a server answer. `key in table` and `record[key]`
// also see what Object.prototype carries (`constructor`, `toString`, a `__proto__` that a parser
// turned into the prototype), so a menu file with `"matchrule": {"constructor": "1"}` could make a
// check read a function instead of a rule. Every lookup by a name that came from outside goes
// through these own-property helpers instead. vscode-free.

export type JsonRecord = Record<string, unknown>;

/**
 * Property names that mean something to JavaScript objects and nothing to WeChat. The validator
 * flags them (reservedKey) and every reader skips them.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` is one of the table's own keys (never an inherited one). */
export function hasOwnKey<T extends object>(table: T, key: string | undefined): key is Extract<keyof T, string> {
  return key !== undefined && Object.hasOwn(table, key);
}

/** A plain object (not an array, not null), or undefined. */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** Strings as they are, finite numbers as text (menu/get returns ids and match-rule values as numbers). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The record's own property `key`; undefined when it has none (inherited ones do not count). */
export function ownValue(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
