/**
 * Reading a file that came from a repository: only a regular file, only up to a size. A FIFO named
 * `x.go` or `beacon-debug.json` would block `open()` for ever (and the extension reads Go files on
 * its host thread), `/dev/zero` never ends: the file is opened without blocking, checked with
 * `fstat` on the same descriptor (no race with a rename), and read no further than the limit.
 */
import * as fs from 'node:fs';

export class FileReadError extends Error {
  constructor(readonly file: string, message: string, readonly code: 'ENOTREG' | 'EFBIG' | string) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function check(file: string, st: fs.Stats, maxBytes: number): void {
  if (!st.isFile()) throw new FileReadError(file, `${file} is ${kindOf(st)}, not a regular file: not read`, 'ENOTREG');
  if (st.size > maxBytes) throw new FileReadError(file, `${file} is larger than ${formatLimit(maxBytes)}: not read`, 'EFBIG');
}

function formatLimit(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

/** A full buffer: the file grew since `fstat`; twice the room, up to one byte past the limit. */
function grown(file: string, buf: Buffer, maxBytes: number): Buffer {
  if (buf.length > maxBytes) throw new FileReadError(file, `${file} is larger than ${formatLimit(maxBytes)}: not read`, 'EFBIG');
  const bigger = Buffer.alloc(Math.min(buf.length * 2, maxBytes + 1));
  buf.copy(bigger);
  return bigger;
}

/** The bytes of a regular file of at most `maxBytes`; throws `FileReadError` (or the fs error). */
export function readRegularFileBytesSync(file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const st = fs.fstatSync(fd);
    check(file, st, maxBytes);
    let buf: Buffer = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) buf = grown(file, buf, maxBytes);
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

/** The UTF-8 text of a regular file of at most `maxBytes`. */
export function readRegularFileSync(file: string, maxBytes: number): string {
  return readRegularFileBytesSync(file, maxBytes).toString('utf8');
}

/** The same, without blocking the event loop. */
export async function readRegularFile(file: string, maxBytes: number): Promise<string> {
  const h = await fs.promises.open(file, OPEN_FLAGS);
  try {
    const st = await h.stat();
    check(file, st, maxBytes);
    let buf: Buffer = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await h.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) buf = grown(file, buf, maxBytes);
    }
    return buf.toString('utf8', 0, got);
  } finally {
    await h.close();
  }
}

/**
 * Entries of `dir` ending in `suffix` that are not regular files once links are followed (a FIFO,
 * a device): a tool that reads the whole folder (`go build`) would block or read for ever on them.
 */
export function nonRegularEntries(dir: string, suffix: string): { name: string; kind: string }[] {
  const out: { name: string; kind: string }[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (!name.endsWith(suffix)) continue;
    try {
      const st = fs.statSync(`${dir}/${name}`);
      if (!st.isFile() && !st.isDirectory()) out.push({ name, kind: kindOf(st) });
    } catch {
      /* a dangling link: go reports it itself */
    }
  }
  return out;
}
