/**
 * Structured log lines: one JSON object per line on standard error, so a log collector can
 * parse them and an operator can find every line of one request by its id. Details such as
 * stacks go here and never into a response.
 */
export type LogLevel = "info" | "warn" | "error";

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  const line = { time: new Date().toISOString(), level, event, ...fields };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** What to log of a thrown value: its message and stack, never anything else it carries. */
export function errorFields(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}
