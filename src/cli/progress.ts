import type { Log } from './run.js';

export const rate = (value: number) => Math.round(value).toLocaleString('en-US');

export interface ProgressReport {
  /** What is being worked through: a file name, an export's target. */
  name: string;
  done: number;
  total: number;
  rowsPerSecond: number;
  finished: boolean;
  /** More to say after the rate, such as rows rejected. */
  suffix?: string;
}

/**
 * A one-line progress bar on stderr: rows done of total, rows per second, ETA; redrawn in place on
 * a terminal, otherwise logged every 2 seconds and once at the end.
 */
export function progressBar(log: Log): (report: ProgressReport) => void {
  let lastPrinted = 0;
  return ({ name, done, total, rowsPerSecond, finished, suffix }) => {
    const width = 24;
    const filled = total ? Math.min(width, Math.round((done / total) * width)) : width;
    const eta = rowsPerSecond > 0 ? Math.max(0, (total - done) / rowsPerSecond) : 0;
    const line =
      `${name} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${rate(done)}/${rate(total)} rows, ` +
      `${rate(rowsPerSecond)} rows/s, ETA ${eta.toFixed(0)} s${suffix ? `, ${suffix}` : ''}`;
    if (process.stderr.isTTY) {
      // Erased to the end of the line: a shorter line must not leave the longer one's tail.
      process.stderr.write(`\r${line}\x1b[K${finished ? '\n' : ''}`);
    } else if (finished || Date.now() - lastPrinted > 2000) {
      lastPrinted = Date.now();
      log(line);
    }
  };
}
