// The one table of request problems: for each code its severity and English template (the key of
// the zh-cn bundle). checkRequest.ts only says which code applies where, with the arguments and
// the limit; requestProblemMessage makes the text through the injected `t`, as the menu
// validator's problem table does. vscode-free.
import { formatMessage, type Localize, type MessageArg } from '../../common/localize';

export type RequestProblemSeverity = 'error' | 'info';

interface ProblemRule {
  readonly severity: RequestProblemSeverity;
  /** `{0}` is the field (JSON path), `{1}` the limit, `{2}` the value found, where the code has them. */
  readonly message: string;
  /** Which arguments are English texts of their own (a pattern's description) to localise first. */
  readonly localizedArgs?: readonly number[];
}

const error = (message: string, localizedArgs?: readonly number[]): ProblemRule => ({
  severity: 'error',
  message,
  ...(localizedArgs ? { localizedArgs } : {}),
});

const RULES = {
  notChecked: { severity: 'info', message: '{0} is not in the endpoint catalog: nothing was checked.' },
  wrongType: error('"{0}" must be of type {1}.'),
  required: error('"{0}" is required.'),
  empty: error('"{0}" must not be empty.'),
  tooShort: error('"{0}" must be at least {1} characters long.'),
  tooLong: error('"{0}" is {2} characters long; WeChat allows at most {1}.'),
  tooLongBytes: error('"{0}" is {2} bytes long in UTF-8; WeChat allows at most {1} bytes.'),
  tooFewItems: error('"{0}" must hold at least {1} items.'),
  tooManyItems: error('"{0}" holds {2} items; WeChat allows at most {1}.'),
  notInEnum: error('"{0}" must be one of: {1}.'),
  belowMinimum: error('"{0}" is {2}; the minimum is {1}.'),
  aboveMaximum: error('"{0}" is {2}; the maximum is {1}.'),
  notInteger: error('"{0}" must be a whole number.'),
  zero: error('"{0}" must not be 0.'),
  patternMismatch: error('"{0}" must be {1}.', [1]),
  tooManyProblems: { severity: 'info', message: '…and more problems: only the first {0} are listed.' },
} as const satisfies Record<string, ProblemRule>;

export type RequestProblemCode = keyof typeof RULES;
export const REQUEST_PROBLEM_RULES: Readonly<Record<RequestProblemCode, ProblemRule>> = RULES;

export type JsonPathSegment = string | number;

export interface RequestProblem {
  readonly code: RequestProblemCode;
  readonly severity: RequestProblemSeverity;
  /** Where: the body, or the query string (its parameters as the first segment). */
  readonly in: 'body' | 'query';
  readonly path: readonly JsonPathSegment[];
  /** The limit broken (a length, a count, a bound, the allowed values), when there is one. */
  readonly limit?: number | string;
  /** The errcode WeChat would answer: the problem this check prevents. */
  readonly errcode?: number;
  readonly args: readonly MessageArg[];
}

/** `tag.name`, `user_list[3].openid`; the query's parameters as `?openid`. */
export function formatPath(where: 'body' | 'query', path: readonly JsonPathSegment[]): string {
  const text = path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
  return where === 'query' ? `?${text}` : text || '(body)';
}

export function requestProblemMessage(problem: Pick<RequestProblem, 'code' | 'args'>, localize: Localize = formatMessage): string {
  const rule = REQUEST_PROBLEM_RULES[problem.code];
  const args = problem.args.map((arg, i) => (rule.localizedArgs?.includes(i) && typeof arg === 'string' ? localize(arg) : arg));
  return localize(rule.message, ...args);
}
