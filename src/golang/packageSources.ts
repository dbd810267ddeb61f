import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFileSync } from '../shared/regularFile';

const MAX_FILES = 200;
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * The other `.go` files of the file's package directory (its struct types decide what a snippet can
 * write). Test files are left out unless `file` is one; `exclude` names files the caller has
 * already (open editors). Unreadable files, and anything but a regular file (a FIFO would block the
 * extension host's thread), are skipped.
 */
export function readSiblingSources(file: string, exclude: readonly string[] = []): string[] {
  const dir = path.dirname(file);
  const self = path.basename(file);
  const wantTests = self.endsWith('_test.go');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (name === self || !name.endsWith('.go') || exclude.includes(name)) continue;
    if (!wantTests && name.endsWith('_test.go')) continue;
    if (out.length >= MAX_FILES) break;
    try {
      out.push(readRegularFileSync(path.join(dir, name), MAX_BYTES));
    } catch {
      /* skip */
    }
  }
  return out;
}
