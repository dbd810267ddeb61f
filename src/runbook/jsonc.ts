/**
 * JSON with comments and trailing commas (VS Code's settings files, `beacon-debug.json`, the user
 * config file), read by `jsonc-parser` — the parser VS Code itself uses — so string contents are
 * never touched and an error names its line and column.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export class JsoncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsoncError';
  }
}

export function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length) {
    const e = errors[0];
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    throw new JsoncError(`${printParseErrorCode(e.error)} at line ${line}, column ${column}`);
  }
  return value;
}
