import { portablePath, sortMessages, sortResults, type FileResult } from '../results';

/** XML 1.0 text/attribute escaping; characters XML cannot carry are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/** JUnit XML: one suite per file, one case per finding (a passing case for a clean file). */
export function formatJunit(results: FileResult[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of sortResults(results)) {
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
        cases.push(`    <testcase classname="${xmlEscape(file)}" name="${name}">\n      <system-out>${xmlEscape(`${m.severity} ${where} ${m.message} (${m.ruleId})`)}</system-out>\n    </testcase>`);
      }
    }
    tests += cases.length;
    failures += sFailures;
    errors += sErrors;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="cx-lint" tests="${tests}" failures="${failures}" errors="${errors}">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
