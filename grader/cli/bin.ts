/** Process entry: the only place that touches process.argv and the exit status. */
import { isMainThread, workerData } from 'node:worker_threads';
import { setColourLevel } from '../report/terminal.js';
import { quietOnBrokenPipe } from './io.js';
import { colourLevel, main } from './main.js';
import { runWorker } from './worker.js';

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'grade') runWorker(workerData);
else {
  setColourLevel(colourLevel(process.env, process.stdout.isTTY === true));
  quietOnBrokenPipe();
  void main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
