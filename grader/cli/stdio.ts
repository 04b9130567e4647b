/**
 * Standard output and error written straight to their file descriptors. process.stdout and
 * process.stderr are streams that Node sets up on first use (for a pipe, its socket classes:
 * milliseconds of every run's start-up), to write what this CLI writes at once anyway. When a
 * descriptor would block (a non-blocking pipe that is full), the rest goes through the stream,
 * in order; a reader that has gone (EPIPE) stops the CLI quietly, as `| head` expects.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { exitOnBrokenPipe, quietOnBrokenPipe } from './io.js';

/** The streams a writer fell back to, which may still hold output at exit. */
const streams: NodeJS.WriteStream[] = [];

/**
 * Whether file descriptor `fd` is a terminal. node:tty (and with it Node's socket and stream
 * classes, a few milliseconds) is loaded only for a character device other than /dev/null, where
 * output thrown away goes (a script, a cron job, a benchmark).
 */
export function isTerminal(fd: 1 | 2): boolean {
  try {
    const s = fstatSync(fd);
    if (!s.isCharacterDevice()) return false;
    const nul = statSync('/dev/null', { throwIfNoEntry: false });
    if (nul?.isCharacterDevice() && nul.rdev === s.rdev) return false;
    return process.getBuiltinModule('node:tty').isatty(fd);
  } catch {
    return false;
  }
}

/** A writer of text to `fd` (1 or 2); `write` and `fallback` are replaceable for tests. */
export function fdWriter(
  fd: 1 | 2,
  write: typeof writeSync = writeSync,
  fallback: () => NodeJS.WriteStream = () => (fd === 1 ? process.stdout : process.stderr),
): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  return (text) => {
    if (stream) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let at = 0;
    try {
      while (at < bytes.length) at += write(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') exitOnBrokenPipe();
      if (code !== 'EAGAIN') throw e;
      stream = fallback();
      if (fd === 1) quietOnBrokenPipe(stream);
      streams.push(stream);
      stream.write(bytes.subarray(at));
    }
  };
}

/** Calls `done` once every stream a writer fell back to has written what it holds. */
export function whenFlushed(done: () => void): void {
  const pending = streams.filter((s) => s.writableLength > 0);
  let left = pending.length;
  if (left === 0) return done();
  for (const s of pending) s.once('drain', () => --left === 0 && done());
}
