import type { Finding, LintResult } from '../types';
import { ENGINE_VERSION } from '../version';

/**
 * Documents larger than this are not linted (config `maxFileSize`, in bytes of UTF-8,
 * i.e. the size of the file on disk). 10 MiB is some 500 times a long posting, and
 * lints in a few seconds; past it, a keystroke in an editor would wait too long.
 */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** The built-in diagnostic for a skipped document; not a rule, so it cannot be turned off. */
export const FILE_TOO_LARGE = 'file-too-large';

/**
 * UTF-8 size of `text`, counted only as far as needed to compare with `limit`:
 * each UTF-16 unit is 1 to 3 bytes, so most texts are decided by their length alone.
 */
export function utf8SizeOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > limit ? bytes : undefined;
}

/** "12.3 MiB (12897485 bytes)", "4.2 KiB (4300 bytes)", "515 bytes". */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const human = bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${human} (${bytes} bytes)`;
}

/** The one finding a too-large document gets: where (offset 0), why, and how to raise the limit. */
export function fileTooLargeResult(bytes: number, limit: number, opts: { stoppedReading?: boolean } = {}): LintResult {
  // A stream (--stdin) is read no further than the limit, so only a lower bound of its size is known.
  const what = opts.stoppedReading
    ? `this text is more than the limit of ${size(limit)} (reading stopped at ${size(bytes)})`
    : `this file is ${size(bytes)}, more than the limit of ${size(limit)}`;
  const finding: Finding = {
    ruleId: FILE_TOO_LARGE,
    severity: 'info',
    message: `Not linted: ${what}. To lint it, raise "maxFileSize" (in bytes) in .cxlintrc.json.`,
    range: { start: 0, end: 0 },
    fixes: [],
    pack: { name: 'cx-lint', version: ENGINE_VERSION },
    related: [],
    data: { size: bytes, limit },
  };
  return { kind: 'other', kindReason: `not linted: larger than maxFileSize (${bytes} > ${limit} bytes)`, findings: [finding] };
}
