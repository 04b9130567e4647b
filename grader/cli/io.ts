/** Output that never leaves a half-written file, and a progress line for long batches. */
import { accessSync, closeSync, constants, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** Where a command writes: stdout and stderr in the CLI, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** File writes, replaceable to simulate a full disk. */
  readonly write?: typeof writeSync;
}

/** A destination that cannot be written: one line for the user, exit 2. */
export class OutputError extends Error {}

const temporaries = new Set<string>();
let handlersInstalled = false;

/** On SIGINT / SIGTERM, the temporary files of unfinished outputs are removed before exiting. */
function cleanOnSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.on(signal, () => {
      for (const tmp of temporaries) rmSync(tmp, { force: true });
      process.exit(code);
    });
}

const temporaryFor = (file: string): string => join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);

/** Writes through a temporary file and a rename: a crash halfway leaves the old file or none. */
export function writeAtomic(file: string, text: string): void {
  const tmp = temporaryFor(file);
  temporaries.add(tmp);
  cleanOnSignals();
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
    temporaries.delete(tmp);
  }
}

/** Why `file` cannot be written, checked before any grading; undefined when it can. */
export function unwritable(file: string): string | undefined {
  // `rep/` names a folder: renaming a file onto it fails only after grading, with a raw ENOTDIR.
  if (file.endsWith('/') || file.endsWith(sep)) return `${file} names a folder, which does not exist (create it first, or give a file name)`;
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a folder`;
  } catch {
    return `the folder ${dir} does not exist`;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `the folder ${dir} is not writable`;
  }
  try {
    const st = statSync(file);
    if (!st.isFile()) return `${file} exists and is not a regular file`;
    accessSync(file, constants.W_OK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return `${file} is read-only`;
  }
  return undefined;
}

/** A stream of text into a file, atomically: `commit` renames it into place, `abort` removes it. */
export interface Sink {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

/** A file-system error in words (a full disk is the common one). */
export const describeFsError = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is exceeded' : ((e as Error).message ?? String(e));
};

/** Bytes gathered before a write. */
const BUFFER_BYTES = 1 << 20;

/** Opens `file` for an atomic streamed write; throws OutputError (in words) if it cannot be. */
export function atomicSink(file: string, write: typeof writeSync = writeSync): Sink {
  const why = unwritable(file);
  if (why) throw new OutputError(`cannot write ${file}: ${why}`);
  const tmp = temporaryFor(file);
  // Before the file exists: a signal the moment it appears must find it listed and handled.
  temporaries.add(tmp);
  cleanOnSignals();
  let fd: number;
  try {
    fd = openSync(tmp, 'w', 0o644);
  } catch (e) {
    temporaries.delete(tmp);
    throw new OutputError(`cannot write ${file}: ${describeFsError(e)}`);
  }
  // Text is encoded into one buffer and written in large pieces: a write per submission was a
  // thousand system calls a batch, and a buffer made per piece (Buffer.from) cost twice the encoding.
  let buf: Buffer | undefined;
  let used = 0;
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const abort = () => {
    used = 0;
    close();
    rmSync(tmp, { force: true });
    temporaries.delete(tmp);
  };
  const put = (bytes: Uint8Array, length: number) => {
    try {
      for (let off = 0; off < length;) off += write(fd, bytes, off, length - off);
    } catch (e) {
      abort();
      throw new OutputError(`cannot write ${file}: ${describeFsError(e)}; the old file is unchanged`);
    }
  };
  const flush = () => {
    if (used > 0) put(buf!, used);
    used = 0;
  };
  return {
    write(text) {
      // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
      const most = text.length * 3;
      if (most > BUFFER_BYTES) {
        flush();
        const bytes = Buffer.from(text);
        put(bytes, bytes.length);
        return;
      }
      buf ??= Buffer.allocUnsafe(BUFFER_BYTES);
      if (used + most > BUFFER_BYTES) flush();
      used += buf.write(text, used);
    },
    commit() {
      flush();
      try {
        fsyncSync(fd);
        close();
        renameSync(tmp, file);
        temporaries.delete(tmp);
      } catch (e) {
        abort();
        throw new OutputError(`cannot write ${file}: ${describeFsError(e)}; the old file is unchanged`);
      }
    },
    abort,
  };
}

/** Characters of standard output gathered before a write. */
const STDOUT_AT = 1 << 16;

/**
 * Standard output as a sink, in pieces of at least STDOUT_AT characters (a write per submission
 * was a system call each); `commit` and `abort` write what is left, as it would have been.
 */
export function stdoutSink(io: Io): Sink {
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (text) io.out(text);
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= STDOUT_AT) flush();
    },
    commit: flush,
    abort: flush,
  };
}

/** `grader ... | head`: once the reader has gone, stop quietly (temporary files removed). */
export function exitOnBrokenPipe(): never {
  for (const tmp of temporaries) rmSync(tmp, { force: true });
  process.exit(0);
}

/** The same for a stream: stop quietly on EPIPE instead of dying. */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    exitOnBrokenPipe();
  });
}

/**
 * A progress bar on stderr, redrawn at most every 100 ms; silent when stderr is not a terminal.
 * A dozen lines do this; a progress-bar library would be a dependency loaded on every start.
 */
export function progressBar(total: number, to?: NodeJS.WriteStream): { tick(done: number): void; end(): void } {
  // One file needs no bar, nor process.stderr (the stream costs a few milliseconds to set up).
  if (total < 2) return { tick() {}, end() {} };
  const stream = to ?? process.stderr;
  if (!stream.isTTY) return { tick() {}, end() {} };
  let last = 0;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(
      `\r  grading ${String(done).padStart(String(total).length)}/${total} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round((done / total) * 100)}%`,
    );
  };
  return {
    tick(done) {
      const now = Date.now();
      if (now - last >= 100 || done === total) {
        last = now;
        draw(done);
      }
    },
    end() {
      stream.write('\r\u001b[2K');
    },
  };
}
