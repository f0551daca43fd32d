/**
 * What is wrong with text that `JSON.parse` refused, said without quoting the text: the engine's
 * own message quotes the first bytes of the input, which may be anything (a file read by mistake).
 */

/** "not valid JSON at line 3, column 5" (or without a place when the engine gives none). */
export function jsonSyntaxProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  if (/unexpected end of json input/iu.test(message)) return 'not valid JSON (it ends too early)';
  const position = /\bposition (\d+)/u.exec(message)?.[1];
  if (position === undefined) return 'not valid JSON';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `not valid JSON at line ${String(line)}, column ${String(column)}`;
}
