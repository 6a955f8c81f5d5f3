import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyEdits, createSetup, lineOf, lint, SetupError, type PackData, type RuleData, type Setup } from '../engine';
import { PackError } from './diagnostics';
import { OutsideError, readInside } from './inside-pack';
import type { LoadedPack } from './load-pack';
import { PackSet } from './resolve';
import { packageJsonErrors } from './package-json';
import { SafeReadError } from '../fs/safe-read';

/** One example's or fixture's outcome, as `cx-lint pack test` prints it. */
export interface ExampleResult {
  ruleId: string;
  kind: 'valid' | 'invalid';
  name: string;
  ok: boolean;
  problem?: string;
}

/**
 * Runs every rule's embedded examples (like ESLint's RuleTester): valid examples
 * must produce no finding of the rule; invalid ones must produce at least one (or
 * exactly `count`); `output` is the text after applying the named (or preferred) fix.
 * `base` packs are loaded first, so a pack that extends another can be tested.
 */
export function runPackExamples(pack: PackData, base: PackData[] = [], setup: Setup = createSetup([...base, pack])): ExampleResult[] {
  const out: ExampleResult[] = [];
  const seen = new Set<string>();
  for (const rule of pack.rules) {
    const ex = rule.examples ?? {};
    (ex.valid ?? []).forEach((e, i) => out.push(runOne(rule, 'valid', e.name ?? `valid #${i + 1}`, e, setup, seen)));
    (ex.invalid ?? []).forEach((e, i) => out.push(runOne(rule, 'invalid', e.name ?? `invalid #${i + 1}`, e, setup, seen)));
  }
  return out;
}

function runOne(
  rule: RuleData,
  kind: 'valid' | 'invalid',
  name: string,
  e: NonNullable<NonNullable<RuleData['examples']>['valid']>[number],
  setup: Setup,
  seen: Set<string>,
): ExampleResult {
  const base = { ruleId: rule.id, kind, name };
  const key = `${rule.id}\u0000${e.text}`;
  if (seen.has(key)) return { ...base, ok: false, problem: 'duplicate example text' };
  seen.add(key);
  const hits = lint(e.text, setup).findings.filter((f) => f.ruleId === rule.id);
  if (kind === 'valid') {
    return hits.length ? { ...base, ok: false, problem: `expected no finding, got: ${hits[0].message}` } : { ...base, ok: true };
  }
  if (!hits.length) return { ...base, ok: false, problem: 'expected a finding, got none' };
  if (e.count !== undefined && hits.length !== e.count) return { ...base, ok: false, problem: `expected ${e.count} findings, got ${hits.length}` };
  if (e.output !== undefined) {
    const fixes = hits.flatMap((h) => h.fixes);
    const fix = e.fix ? fixes.find((f) => f.title === e.fix) : (fixes.find((f) => f.preferred) ?? fixes[0]);
    if (!fix) return { ...base, ok: false, problem: `no fix${e.fix ? ` titled "${e.fix}"` : ''}; fixes: ${fixes.map((f) => f.title).join(', ') || 'none'}` };
    const after = applyEdits(e.text, fix.edits).text;
    if (after !== e.output) return { ...base, ok: false, problem: `fix "${fix.title}" gave:\n${after}` };
  }
  return { ...base, ok: true };
}

/** A finding a fixture marker expects: a rule id on a 1-based line, or on the title. */
export interface Expectation {
  ruleId: string;
  line: number | 'title';
}

const LINE_MARK = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const TITLE_MARK = /<!--\s*expect-title:\s*([^>]*?)\s*-->/g;

/**
 * The findings a fixture's `<!-- expect: id, … -->` markers (on the line of each) and
 * `<!-- expect-title: id -->` markers (on the title) name (how-cx-lint-reads §10). The
 * one parser of fixture markers: `pack test` and the project's own fixture tests read it.
 */
export function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(LINE_MARK)) for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.push({ ruleId: id, line: i + 1 });
  });
  for (const m of text.matchAll(TITLE_MARK)) for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.push({ ruleId: id, line: 'title' });
  return out;
}

function markdownIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/**
 * Runs the Markdown fixtures next to each rule (`fixtures/valid/*.md` must produce no
 * finding of the rule; `fixtures/invalid/*.md` must produce exactly the findings
 * their `<!-- expect: rule-id -->` markers name, on those lines).
 */
export function runPackFixtures(loaded: LoadedPack, setup: Setup): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const rule of loaded.pack.rules) {
    const info = loaded.ruleFiles.get(rule.id);
    if (!info) continue;
    const root = join(dirname(info.file), 'fixtures');
    for (const kind of ['valid', 'invalid'] as const) {
      for (const file of markdownIn(join(root, kind))) {
        const name = `fixtures/${kind}/${file.split(/[\\/]/).pop()}`;
        let text: string;
        try {
          // By real path and safely: a fixture (or fixtures folder) linked out of the pack, a
          // pipe or an oversized file is neither linted nor echoed.
          text = readInside(loaded.dir, file, 'fixture');
        } catch (e) {
          if (e instanceof OutsideError) out.push({ ruleId: rule.id, kind, name, ok: false, problem: e.reason });
          else if (e instanceof SafeReadError) out.push({ ruleId: rule.id, kind, name, ok: false, problem: `${e.reason}; not read` });
          else throw e;
          continue;
        }
        const hits = lint(text, setup, { filePath: name }).findings.filter((f) => f.ruleId === rule.id);
        const lines = hits.map((h) => lineOf(text, h.range.start));
        const base = { ruleId: rule.id, kind, name };
        if (kind === 'valid') {
          out.push(
            hits.length ? { ...base, ok: false, problem: `expected no finding, got one on line ${lines[0]}: ${hits[0].message}` } : { ...base, ok: true },
          );
          continue;
        }
        const marked = expectations(text).filter((e) => e.ruleId === rule.id);
        const expectedLines = marked.flatMap((e) => (e.line === 'title' ? [] : [e.line]));
        const titles = marked.length - expectedLines.length;
        const missing = expectedLines.filter((l) => !lines.includes(l));
        if (!expectedLines.length && !titles) out.push({ ...base, ok: false, problem: `no <!-- expect: ${rule.id} --> marker in this invalid fixture` });
        else if (missing.length)
          out.push({
            ...base,
            ok: false,
            problem: `expected a finding on line ${missing.join(', ')}, got ${lines.length ? `lines ${lines.join(', ')}` : 'none'}`,
          });
        else if (hits.length !== expectedLines.length + titles)
          out.push({ ...base, ok: false, problem: `expected ${expectedLines.length + titles} finding(s), got ${hits.length} (lines ${lines.join(', ')})` });
        else out.push({ ...base, ok: true });
      }
    }
  }
  return out;
}

export interface PackCheck {
  /** The pack in the folder, when it loads. */
  pack?: LoadedPack;
  /** Every pack involved, in load order (cx-core first). */
  all: LoadedPack[];
  errors: PackError[];
  setup?: Setup;
}

/**
 * Loads a pack folder the way a run would (cx-core first, then the packs it extends,
 * then it) and checks what `pack validate` checks: schema, limits, patterns, paths,
 * engine range, duplicate ids, and that every lexicon class and rule it names exists.
 */
export function checkPackFolder(dir: string): PackCheck {
  const set = new PackSet();
  const pack = set.load(dir.startsWith('.') || /^([A-Za-z]:)?[\\/]/.test(dir) ? dir : `./${dir}`, process.cwd(), { file: dir, line: 1, col: 1 });
  const errors = [...set.errors];
  if (!pack || errors.length) return { pack, all: set.loaded, errors };
  errors.push(...set.checkRefs(), ...packageJsonErrors(pack.dir));
  if (errors.length) return { pack, all: set.loaded, errors };
  try {
    // Every rule on, at its default severity or "warning" when the pack ships it off, so its examples run.
    const rules = Object.fromEntries(pack.pack.rules.filter((r) => r.severity === 'off').map((r) => [r.id, 'warning' as const]));
    const setup = createSetup(
      set.loaded.map((l) => l.pack),
      { rules },
    );
    return { pack, all: set.loaded, errors, setup };
  } catch (e) {
    if (e instanceof SetupError) return { pack, all: set.loaded, errors: [new PackError(pack.files[0], 1, 1, `${e.message}.`)] };
    throw e;
  }
}
