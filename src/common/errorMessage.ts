// One way to turn anything thrown into a line for the log. Errors that reach the user go through
// describeError (src/wechat/errors.ts), which explains and localises; this is for the log only.

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
