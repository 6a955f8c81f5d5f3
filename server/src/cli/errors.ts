// How a CLI run that stops is reported: the message on stderr and the exit code, the
// same in the main thread and in --jobs workers (which send it back as data).
import { PackErrors } from '../packs/diagnostics';
import { LOCKFILE_NAME, LockfileError } from '../config/lockfile';
import { UsageError } from './args';

/** A failure whose message is final (it already says "cx-lint: …"), with its exit code. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export interface Failure {
  message: string;
  code: number;
}

/** The stderr text and exit code for an error that stops the run. */
export function reportError(e: unknown): Failure {
  if (e instanceof UsageError) return { message: `cx-lint: ${e.message}. Run cx-lint --help for usage.\n`, code: 2 };
  if (e instanceof PackErrors) return { message: `cx-lint: configuration error\n${e.message}\n`, code: 2 };
  if (e instanceof LockfileError)
    return { message: `cx-lint: lockfile check failed (${e.file ?? LOCKFILE_NAME})\n${e.message}\nRun with --no-lockfile to skip the check.\n`, code: 2 };
  if (e instanceof ExitError) return { message: `${e.message}\n`, code: e.code };
  return { message: `cx-lint: ${(e as Error).message}\n`, code: 2 };
}
