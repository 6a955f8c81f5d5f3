import { portablePath, sortMessages, type FileResult } from '../results';
import { Spool, type ReportWriter, type Sink } from '../stream';

/** XML 1.0 text/attribute escaping; characters XML cannot carry are dropped. */
function xmlEscape(s: string): string {
  return (
    s
      // Characters XML 1.0 cannot carry, control characters among them, are dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
  );
}

/**
 * JUnit XML: one suite per file (files in sorted order), one case per finding (a
 * passing case for a clean file). The root element carries the totals, so the suites
 * are spooled (memory, then a temporary file) until the last file is in.
 */
export class JunitWriter implements ReportWriter {
  private readonly suites = new Spool();
  private tests = 0;
  private failures = 0;
  private errors = 0;
  constructor(private readonly out: Sink) {}

  file(r: FileResult): void {
    const file = portablePath(r);
    const cases: string[] = [];
    let sFailures = 0;
    let sErrors = 0;
    if (r.fatal) {
      sErrors++;
      cases.push(`    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(file)}">\n      <error message="${xmlEscape(r.fatal)}"/>\n    </testcase>`);
    } else if (!r.messages.length) {
      cases.push(`    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(file)}"/>`);
    }
    for (const m of sortMessages(r.messages)) {
      const name = xmlEscape(`${m.ruleId} ${m.line}:${m.column}`);
      const where = `${file}:${m.line}:${m.column}`;
      if (m.severity === 'error' || m.severity === 'warning') {
        sFailures++;
        cases.push(
          `    <testcase classname="${xmlEscape(file)}" name="${name}">\n      <failure message="${xmlEscape(m.message)}" type="${m.severity}">${xmlEscape(`${m.severity} ${where} ${m.message} (${m.ruleId})`)}</failure>\n    </testcase>`,
        );
      } else {
        cases.push(
          `    <testcase classname="${xmlEscape(file)}" name="${name}">\n      <system-out>${xmlEscape(`${m.severity} ${where} ${m.message} (${m.ruleId})`)}</system-out>\n    </testcase>`,
        );
      }
    }
    this.tests += cases.length;
    this.failures += sFailures;
    this.errors += sErrors;
    this.suites.write(
      `  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}">\n${cases.join('\n')}\n  </testsuite>\n`,
    );
  }

  end(): void {
    this.out(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cx-lint" tests="${this.tests}" failures="${this.failures}" errors="${this.errors}">\n`);
    this.suites.drain(this.out);
    this.out('</testsuites>\n');
  }
}
