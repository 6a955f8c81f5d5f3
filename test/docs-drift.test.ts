import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lintText } from '../server/src/api';
import { SEVERITIES, SEVERITY_SETTINGS, SEVERITY_SPELLINGS } from '../server/src/engine';
import { CX_CORE, ROOT } from './helpers/fixtures';

/**
 * Rule facts live in each rule.yaml; the README's rule table, each rule's README
 * header, how-cx-lint-reads §11 and the tests' list of rules copy them by hand.
 * These tests fail when a copy drifts from its rule.yaml.
 */
const RULES_DIR = join(ROOT, 'rules', 'cx-core', 'rules');

interface RuleFacts {
  id: string;
  title: string;
  severity: string;
  kinds: Set<string>;
  fixable: boolean;
}

function ruleFacts(): RuleFacts[] {
  return readdirSync(RULES_DIR)
    .sort()
    .map((folder) => {
      const r = parse(readFileSync(join(RULES_DIR, folder, 'rule.yaml'), 'utf8')) as {
        id: string;
        title: string;
        severity: string;
        appliesTo?: Array<{ kinds?: string[] }>;
        fixes?: unknown[];
      };
      assert.equal(r.id, folder, `rules/cx-core/rules/${folder}: the folder is named after the rule`);
      return {
        id: r.id,
        title: r.title,
        severity: r.severity,
        kinds: new Set((r.appliesTo ?? []).flatMap((a) => a.kinds ?? [])),
        fixable: (r.fixes ?? []).length > 0,
      };
    });
}

/** The rows of the Markdown table that follows `heading` (first cell → cells). */
function tableAfter(text: string, heading: RegExp): Map<string, string[]> {
  const at = text.search(heading);
  assert.ok(at >= 0, `heading ${heading} found`);
  const rows = new Map<string, string[]>();
  let inTable = false;
  for (const line of text.slice(at).split('\n').slice(1)) {
    if (line.startsWith('|')) {
      inTable = true;
      const cells = line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim());
      const id = /`([^`]+)`/.exec(cells[0])?.[1];
      if (id) rows.set(id, cells);
    } else if (inTable) break;
  }
  return rows;
}

/** Kinds a sentence says are checked: "postings and charters …; X are not checked". */
function kindsNamed(cell: string): Set<string> {
  const out = new Set<string>();
  for (const part of cell.split(';')) {
    if (/not checked/.test(part)) continue;
    for (const k of ['posting', 'charter']) if (new RegExp(`\\b${k}s?\\b`).test(part)) out.add(k);
  }
  return out;
}

describe('docs: rule facts match rule.yaml', () => {
  const rules = ruleFacts();
  const ids = rules.map((r) => r.id);

  it("the tests' list of cx-core rules is the rule folders", () => {
    assert.deepEqual([...CX_CORE].sort(), ids);
  });

  it('README.md: one row per rule, with its link and default severity', () => {
    const table = tableAfter(readFileSync(join(ROOT, 'README.md'), 'utf8'), /\| rule \| default \| what it reports \|/);
    assert.deepEqual([...table.keys()].sort(), ids);
    for (const r of rules) {
      const [name, severity] = table.get(r.id)!;
      assert.ok(name.includes(`(rules/cx-core/rules/${r.id}/README.md)`), `${r.id}: links its README`);
      assert.equal(severity, r.severity, `${r.id}: default severity`);
    }
  });

  it('each rule README: title, default severity, kinds it applies to, fixable or not, pack', () => {
    for (const r of rules) {
      const text = readFileSync(join(RULES_DIR, r.id, 'README.md'), 'utf8');
      assert.equal(text.split('\n')[0], `# ${r.id}`);
      const cell = (name: string) => new RegExp(`^\\| ${name} \\| (.*) \\|$`, 'm').exec(text)?.[1];
      assert.equal(cell("Name \\(in the editor's menus\\)"), r.title, `${r.id}: its title`);
      assert.equal(cell('Default severity'), `\`${r.severity}\``, `${r.id}: default severity`);
      assert.equal(cell('Pack'), '`cx-core`', `${r.id}: pack`);
      assert.deepEqual(kindsNamed(cell('Applies to') ?? ''), r.kinds, `${r.id}: applies to`);
      assert.equal(!/^no\b/.test(cell('Fixable') ?? ''), r.fixable, `${r.id}: fixable`);
    }
  });

  it('each rule README quotes what cx-lint says about its incorrect example, word for word', () => {
    for (const r of rules) {
      const text = readFileSync(join(RULES_DIR, r.id, 'README.md'), 'utf8');
      const example = /### Incorrect\n+```markdown\n([\s\S]*?)```\n+cx-lint says, on (.*):\n\n> (.*)\n/.exec(text);
      assert.ok(example, `${r.id}: an incorrect example followed by "cx-lint says, on …:" and the message quoted`);
      const [, markdown, where, quoted] = example;
      const result = lintText(markdown);
      const f = result.findings.find((x) => x.ruleId === r.id);
      assert.ok(f, `${r.id}: the incorrect example is reported`);
      assert.equal(quoted, f.message, `${r.id}: the quoted message`);
      assert.equal(
        where,
        f.range.start === result.title?.range.start ? 'the title' : `“${markdown.slice(f.range.start, f.range.end)}”`,
        `${r.id}: where it is reported`,
      );
    }
  });

  it('how-cx-lint-reads §11: one row per rule, with its default severity and kinds', () => {
    const table = tableAfter(readFileSync(join(ROOT, 'docs', 'how-cx-lint-reads.md'), 'utf8'), /^## 11\. /m);
    assert.deepEqual([...table.keys()].sort(), ids);
    for (const r of rules) {
      const [, severity, appliesWhen] = table.get(r.id)!;
      assert.equal(severity, r.severity, `${r.id}: default severity`);
      assert.deepEqual(kindsNamed(appliesWhen), r.kinds, `${r.id}: applies when`);
    }
  });

  it('package.json: the cxLint.rules setting offers exactly the severity spellings the engine knows', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['cxLint.rules'].additionalProperties.anyOf;
    assert.deepEqual(setting[0].enum, [...SEVERITY_SPELLINGS]);
    assert.deepEqual(setting[1].items[0].enum, [...SEVERITY_SPELLINGS]);
    assert.deepEqual(SEVERITY_SETTINGS.slice(0, -1), [...SEVERITIES]);
  });

  it('package.json: cxLint.minSeverity offers exactly the severities the engine knows, and every setting is in the README', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(props['cxLint.minSeverity'].enum, [...SEVERITIES]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const key of Object.keys(props)) assert.ok(readme.includes(`\`${key}\``), `${key} in the README's settings table`);
  });

  it('docs/decisions.md: every decision has its own number and a date', () => {
    const text = readFileSync(join(ROOT, 'docs', 'decisions.md'), 'utf8');
    const entries = [...text.matchAll(/^(\d+)\. (.{0,40})/gm)];
    assert.ok(entries.length > 50, `${entries.length} decisions found`);
    const seen = new Set<number>();
    for (const [, n, head] of entries) {
      assert.ok(!seen.has(Number(n)), `decision ${n} is numbered twice`);
      seen.add(Number(n));
      assert.match(head, /^\*\d{4}-\d{2}-\d{2}\.\*/, `decision ${n} starts with its date`);
    }
  });
});
