import { applyEdits, createSetup, lint, type PackData, type RuleData } from '../engine';

/** One embedded example's outcome, as `cx-lint pack test` prints it. */
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
export function runPackExamples(pack: PackData, base: PackData[] = []): ExampleResult[] {
  const setup = createSetup([...base, pack]);
  const out: ExampleResult[] = [];
  const seen = new Set<string>();
  for (const rule of pack.rules) {
    const ex = rule.examples ?? {};
    (ex.valid ?? []).forEach((e, i) => out.push(runOne(rule, 'valid', e.name ?? `valid #${i + 1}`, e, setup, seen)));
    (ex.invalid ?? []).forEach((e, i) => out.push(runOne(rule, 'invalid', e.name ?? `invalid #${i + 1}`, e, setup, seen)));
  }
  return out;
}

function runOne(rule: RuleData, kind: 'valid' | 'invalid', name: string, e: NonNullable<NonNullable<RuleData['examples']>['valid']>[number], setup: ReturnType<typeof createSetup>, seen: Set<string>): ExampleResult {
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
    const fix = e.fix ? fixes.find((f) => f.title === e.fix) : fixes.find((f) => f.preferred) ?? fixes[0];
    if (!fix) return { ...base, ok: false, problem: `no fix${e.fix ? ` titled "${e.fix}"` : ''}; fixes: ${fixes.map((f) => f.title).join(', ') || 'none'}` };
    const after = applyEdits(e.text, fix.edits).text;
    if (after !== e.output) return { ...base, ok: false, problem: `fix "${fix.title}" gave:\n${after}` };
  }
  return { ...base, ok: true };
}
