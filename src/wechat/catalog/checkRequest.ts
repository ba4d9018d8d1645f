// Checks a request against the endpoint catalog before it is sent: each problem names a code, the
// JSON path, the limit and the errcode WeChat would answer (problems.ts makes the text). It walks
// the schema, not the value, so its depth is the schema's whatever the input; it never throws on
// any JSON value (test/unit/wechat/catalog/checkRequestFuzz.test.ts), and it stops collecting at
// MAX_PROBLEMS. A path the catalog does not know is not an error: one note says nothing was checked.
import type { MessageArg } from '../../common/localize';
import { catalogEntry } from './index';
import type { JsonPathSegment, RequestProblem, RequestProblemCode } from './problems';
import { formatPath, REQUEST_PROBLEM_RULES } from './problems';
import type { ArraySchema, CatalogEntry, NumberSchema, ObjectSchema, Schema, StringSchema } from './schema';
import { codePoints, utf8Length } from './textLength';

export const MAX_PROBLEMS = 100;

export interface RequestToCheck {
  /** As written: `/cgi-bin/tags/create`, with or without a query. */
  readonly path: string;
  /** The query parameters (access_token and the AppSecret are never the catalog's business). */
  readonly query?: Readonly<Record<string, string>>;
  /** The parsed JSON body, if any. */
  readonly body?: unknown;
}

export interface RequestCheck {
  /** Undefined when the path is not in the catalog. */
  readonly entry: CatalogEntry | undefined;
  readonly problems: readonly RequestProblem[];
}

export function checkRequest(request: RequestToCheck): RequestCheck {
  const entry = catalogEntry(typeof request.path === 'string' ? request.path : '');
  const out = new Collector();
  if (!entry) {
    out.add('body', [], 'notChecked', [String(request.path)]);
    return { entry, problems: out.problems };
  }
  if (entry.query) checkValue(entry.query, request.query ?? {}, [], out.scope('query'));
  if (entry.body && entry.endpoint.method === 'POST') checkValue(entry.body, request.body, [], out.scope('body'));
  return { entry, problems: out.problems };
}

type Where = 'body' | 'query';
interface Scope {
  readonly where: Where;
  readonly out: Collector;
}

class Collector {
  readonly problems: RequestProblem[] = [];
  private full = false;

  scope(where: Where): Scope {
    return { where, out: this };
  }

  add(
    where: Where,
    path: readonly JsonPathSegment[],
    code: RequestProblemCode,
    args: readonly MessageArg[],
    limit?: number | string,
    errcode?: number,
  ): void {
    if (this.full) return;
    if (this.problems.length === MAX_PROBLEMS) {
      this.full = true;
      this.problems.push({ code: 'tooManyProblems', severity: 'info', in: where, path: [], args: [MAX_PROBLEMS] });
      return;
    }
    const problem: RequestProblem = {
      code,
      severity: REQUEST_PROBLEM_RULES[code].severity,
      in: where,
      path: [...path],
      args,
      ...(limit === undefined ? {} : { limit }),
      ...(errcode === undefined ? {} : { errcode }),
    };
    this.problems.push(problem);
  }
}

function report(
  s: Scope,
  schema: Schema,
  path: readonly JsonPathSegment[],
  code: RequestProblemCode,
  limit?: number | string,
  found?: MessageArg,
): void {
  const args: MessageArg[] = [formatPath(s.where, path)];
  if (limit !== undefined) args.push(limit);
  if (found !== undefined) args.push(found);
  s.out.add(s.where, path, code, args, limit, schema.errcode);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(schema: Schema): string {
  return schema.type === 'object' ? 'object' : schema.type === 'array' ? 'array' : schema.type;
}

function checkValue(schema: Schema, value: unknown, path: readonly JsonPathSegment[], s: Scope): void {
  switch (schema.type) {
    case 'object':
      return isRecord(value) ? checkObject(schema, value, path, s) : report(s, schema, path, 'wrongType', typeName(schema));
    case 'array':
      return Array.isArray(value) ? checkArray(schema, value, path, s) : report(s, schema, path, 'wrongType', typeName(schema));
    case 'string':
      return typeof value === 'string' ? checkString(schema, value, path, s) : report(s, schema, path, 'wrongType', typeName(schema));
    case 'boolean':
      return typeof value === 'boolean' ? undefined : report(s, schema, path, 'wrongType', typeName(schema));
    default:
      return checkNumber(schema, s.where === 'query' && typeof value === 'string' ? queryNumber(value) : value, path, s);
  }
}

/** A query parameter is text: "12" is the number 12, anything else is not a number. */
function queryNumber(text: string): unknown {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function checkObject(schema: ObjectSchema, value: Record<string, unknown>, path: readonly JsonPathSegment[], s: Scope): void {
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name))
      s.out.add(
        s.where,
        [...path, name],
        'required',
        [formatPath(s.where, [...path, name])],
        undefined,
        schema.requiredErrcode ?? schema.errcode,
      );
  }
  const properties = schema.properties ?? {};
  for (const name of Object.keys(value)) {
    const child = value[name];
    if (Object.hasOwn(properties, name)) {
      const property = properties[name];
      if (property) checkValue(property, child, [...path, name], s);
      continue;
    }
    for (const pattern of schema.patternProperties ?? []) {
      if (anchored(pattern.pattern).test(name)) checkValue(pattern.schema, child, [...path, name], s);
    }
  }
  const cases = schema.casesBy;
  if (!cases) return;
  const picked = value[cases.property];
  if (typeof picked === 'string' && Object.hasOwn(cases.cases, picked)) {
    const extra = cases.cases[picked];
    if (extra) checkObject(extra, value, path, s);
  }
}

function checkArray(schema: ArraySchema, value: readonly unknown[], path: readonly JsonPathSegment[], s: Scope): void {
  if (schema.minItems !== undefined && value.length < schema.minItems)
    report(s, schema, path, schema.minItems === 1 ? 'empty' : 'tooFewItems', schema.minItems === 1 ? undefined : schema.minItems);
  if (schema.maxItems !== undefined && value.length > schema.maxItems)
    report(s, schema, path, 'tooManyItems', schema.maxItems, value.length);
  value.forEach((item, index) => checkValue(schema.items, item, [...path, index], s));
}

function checkString(schema: StringSchema, value: string, path: readonly JsonPathSegment[], s: Scope): void {
  if (schema.enum) {
    if (!schema.enum.includes(value)) report(s, schema, path, 'notInEnum', schema.enum.join(', '));
    return;
  }
  const bytes = schema.lengthUnit === 'bytes';
  const length = bytes ? utf8Length(value) : codePoints(value);
  if (schema.minLength !== undefined && length < schema.minLength) {
    if (schema.minLength === 1) report(s, schema, path, 'empty');
    else report(s, schema, path, 'tooShort', schema.minLength);
    return;
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    report(s, schema, path, bytes ? 'tooLongBytes' : 'tooLong', schema.maxLength, length);
    return;
  }
  if (schema.pattern !== undefined && !anchored(schema.pattern).test(value))
    report(s, schema, path, 'patternMismatch', schema.patternText ?? schema.pattern);
}

function checkNumber(schema: NumberSchema, value: unknown, path: readonly JsonPathSegment[], s: Scope): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) return report(s, schema, path, 'wrongType', typeName(schema));
  if (schema.type === 'integer' && !Number.isInteger(value)) return report(s, schema, path, 'notInteger');
  if (schema.enum) {
    if (!schema.enum.includes(value)) report(s, schema, path, 'notInEnum', schema.enum.join(', '));
    return;
  }
  if (schema.minimum !== undefined && value < schema.minimum) return report(s, schema, path, 'belowMinimum', schema.minimum, value);
  if (schema.maximum !== undefined && value > schema.maximum) return report(s, schema, path, 'aboveMaximum', schema.maximum, value);
  if (schema.notZero && value === 0) report(s, schema, path, 'zero');
}

const compiled = new Map<string, RegExp>();
/** The catalog's patterns match whole values; compiled once each. */
function anchored(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, regex);
  }
  return regex;
}
