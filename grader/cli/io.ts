/** Output that never leaves a half-written file, and a progress line for long batches. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a command writes: stdout and stderr in the CLI, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Writes through a temporary file and a rename: a crash halfway leaves the old file or none. */
export function writeAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * A progress bar on stderr, redrawn at most every 100 ms; silent when stderr is not a terminal.
 * A dozen lines do this; a progress-bar library would be a dependency loaded on every start.
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): { tick(done: number): void; end(): void } {
  if (!stream.isTTY || total < 2) return { tick() {}, end() {} };
  let last = 0;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r  grading ${String(done).padStart(String(total).length)}/${total} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round((done / total) * 100)}%`);
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
