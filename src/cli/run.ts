import { GraphQLError } from 'graphql';
import { ConfigError } from '../config.js';
import { DatabaseSetupError, isTimedOut } from '../db/database.js';
import { ExportError } from '../export/export.js';
import { ImportFileError } from '../ingest/sources/rows.js';
import { BundleError } from '../ingest/validate.js';

export type Log = (line: string) => void;

const log: Log = (line) => console.error(`[claimgraph] ${line}`);

/**
 * Runs a command-line task. A problem a person must fix (configuration, database setup, a bad
 * bundle, an export's options, a file that cannot be imported, a path that cannot be opened, a
 * coded failure of the database such as a query stopped for the memory it asked) is
 * printed as plain sentences with exit code 1; only a bug shows a stack trace.
 */
export async function runCommand(task: (log: Log) => Promise<void>): Promise<void> {
  try {
    await task(log);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseSetupError ||
      error instanceof BundleError ||
      error instanceof ExportError ||
      error instanceof ImportFileError ||
      isFileSystemError(error)
    ) {
      log(error.message);
    } else if (isExpectedFailure(error) && isTimedOut(error)) {
      // The database is there; the work was too long.
      log(`${error.message} Neo4j stops a transaction after NEO4J_TX_TIMEOUT_MS (30 s unless set): raise it, or give an import a smaller --batch.`);
    } else if (isServiceUnavailable(error)) {
      log(
        'Cannot reach Neo4j: check NEO4J_URI (or unset it to use the local database) and that the server is running.',
      );
    } else if (isExpectedFailure(error)) {
      log(error.message);
    } else {
      throw error;
    }
    process.exitCode = 1;
  }
}

/** A path given on the command line that cannot be opened: Node's message names the path and why. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  return error instanceof Error && typeof syscall === 'string' && typeof path === 'string';
}

/** A failure the code expected and coded (a query stopped for its memory, a conflict): its message says what to do. */
function isExpectedFailure(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions.code === 'string';
}

function isServiceUnavailable(error: unknown): boolean {
  return (error as { extensions?: { code?: string } })?.extensions?.code === 'SERVICE_UNAVAILABLE';
}
