/**
 * `npm run eval -- CACHE_DIR [MANIFEST] [--verbose] [--json FILE]`: how the three
 * headline rules do on real postings that nobody here wrote (docs/evaluation.md).
 *
 * CACHE_DIR holds `<id>.md` (the original posting) and `<id>.retitled.md` (the same
 * posting with a CX title put in), MANIFEST the labels: a JSON array of records with
 * `id`, `family`, `confidence`, `labels {R1,R2,R3}` and `original_expected {R1,R2,R3}`.
 * Without MANIFEST, `CACHE_DIR/manifest.json` is used. The texts stay outside the
 * repository; only the figures this prints are committed.
 *
 * The set is cut in two halves by a hash of each id (fixed, whatever the order of the
 * manifest): tune on half A, look at half B. A large gap between the halves means the
 * vocabulary fits sentences rather than families of phrasings.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintText } from '../server/src/api';
import type { LintResult } from '../server/src/engine';

const RULES = { R1: 'cx-title-without-customer', R2: 'cx-renamed-customer-service', R3: 'cx-renamed-sales' } as const;
type Label = keyof typeof RULES;
const LABELS = Object.keys(RULES) as Label[];

interface Record_ {
  id: string;
  family: string;
  confidence: 'high' | 'medium' | 'low';
  labels: Record<Label, boolean>;
  original_expected: Record<Label, boolean>;
  retitle_to?: string;
  relabel_note?: string;
}

interface Scored {
  rec: Record_;
  half: 'A' | 'B';
  retitled: LintResult;
  original: LintResult;
  fired: Record<Label, boolean>;
  firedOriginal: Record<Label, boolean>;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function usage(msg?: string): never {
  if (msg) process.stderr.write(`eval: ${msg}\n`);
  process.stderr.write('usage: npm run eval -- CACHE_DIR [MANIFEST] [--verbose] [--json FILE]\n');
  process.exit(2);
}

export function halfOf(id: string): 'A' | 'B' {
  return createHash('sha256').update(id).digest()[0] & 1 ? 'B' : 'A';
}

function fired(r: LintResult): Record<Label, boolean> {
  const ids = new Set(r.findings.map((f) => f.ruleId));
  return { R1: ids.has(RULES.R1), R2: ids.has(RULES.R2), R3: ids.has(RULES.R3) };
}

function count(rows: Scored[], label: Label): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const s of rows) {
    const want = s.rec.labels[label];
    const got = s.fired[label];
    if (want && got) c.tp++;
    else if (!want && got) c.fp++;
    else if (want && !got) c.fn++;
  }
  return c;
}

const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(2));
const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);

/** One line on how a document was read: enough to see why a rule did or did not fire. */
function howRead(r: LintResult): string {
  const t = r.title ? `${r.title.form}${r.title.level ? `/${r.title.level}` : ''}` : 'no title';
  if (!r.reading) return `${r.kind} (${r.kindReason}); title ${t}`;
  const duties = r.reading.duties;
  const tally = new Map<string, number>();
  for (const d of duties) for (const c of d.classes) if (c.words.length) tally.set(c.class, (tally.get(c.class) ?? 0) + 1);
  const shown = ['customer', 'service-contact', 'shift-work', 'sales', 'cx-strategy', 'voc', 'filler']
    .filter((c) => tally.get(c))
    .map((c) => `${c} ${tally.get(c)}`)
    .join(', ');
  return `${r.kind} (${r.kindReason}); title ${t}; ${duties.length} duties${shown ? `: ${shown}` : ''}`;
}

function table(rows: Scored[], title: string): string[] {
  const out = [`### ${title}`, '', '| rule | high+medium TP/FP/FN | P | R | all TP/FP/FN | P | R |', '|---|---|---|---|---|---|---|'];
  const hm = rows.filter((s) => s.rec.confidence !== 'low');
  for (const l of LABELS) {
    const a = count(hm, l);
    const b = count(rows, l);
    out.push(`| ${l} \`${RULES[l]}\` | ${a.tp}/${a.fp}/${a.fn} | ${precision(a)} | ${recall(a)} | ${b.tp}/${b.fp}/${b.fn} | ${precision(b)} | ${recall(b)} |`);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const pos = args.filter((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1));
  if (!pos[0]) usage('CACHE_DIR is required');
  const cache = resolve(pos[0]);
  const manifestPath = resolve(pos[1] ?? join(cache, 'manifest.json'));
  if (!existsSync(manifestPath)) usage(`no manifest at ${manifestPath}: name it as the second argument`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record_[];

  const scored: Scored[] = [];
  const missing: string[] = [];
  for (const rec of manifest) {
    const orig = join(cache, `${rec.id}.md`);
    const ret = join(cache, `${rec.id}.retitled.md`);
    if (!existsSync(orig) || !existsSync(ret)) {
      missing.push(rec.id);
      continue;
    }
    // The file name is given so `kinds` globs work as they would for a user; the
    // default config (recommended preset) is what a new user gets.
    const retitled = lintText(readFileSync(ret, 'utf8'), { filePath: ret, reading: true });
    const original = lintText(readFileSync(orig, 'utf8'), { filePath: orig });
    scored.push({ rec, half: halfOf(rec.id), retitled, original, fired: fired(retitled), firedOriginal: fired(original) });
  }
  if (missing.length)
    process.stderr.write(`eval: ${missing.length} record(s) have no text in ${cache} (rebuild the cache): ${missing.slice(0, 5).join(', ')}…\n`);
  if (!scored.length) usage('nothing to evaluate');

  const out: string[] = [`# cx-lint on ${scored.length} real postings (${manifestPath.split('/').slice(-2).join('/')})`, ''];
  out.push(...table(scored, 'Retitled postings, whole set'), '');
  out.push(
    ...table(
      scored.filter((s) => s.half === 'A'),
      `Half A (${scored.filter((s) => s.half === 'A').length} postings)`,
    ),
    '',
  );
  out.push(
    ...table(
      scored.filter((s) => s.half === 'B'),
      `Half B (${scored.filter((s) => s.half === 'B').length} postings)`,
    ),
    '',
  );

  const origBad = scored.filter((s) => LABELS.some((l) => s.firedOriginal[l] && !s.rec.original_expected[l]));
  const otherKind = scored.filter((s) => s.retitled.kind === 'other');
  out.push(
    `Originals (un-retitled) with an R1–R3 finding they should not have: ${origBad.length}${origBad.length ? ` (${origBad.map((s) => s.rec.id).join(', ')})` : ''}`,
  );
  out.push(`Retitled postings read as kind \`other\`: ${otherKind.length}`);
  const genuine = scored.filter((s) => s.rec.family === 'cx-genuine');
  const loud = genuine.filter((s) => LABELS.some((l) => s.fired[l]));
  out.push(`Genuine CX roles with an R1–R3 finding: ${loud.length} of ${genuine.length}`, '');

  const wrong = scored.filter((s) => LABELS.some((l) => s.fired[l] !== s.rec.labels[l]));
  out.push(`## Misses and false alarms (${wrong.length})`, '');
  for (const s of wrong.sort((a, b) => a.rec.family.localeCompare(b.rec.family) || a.rec.id.localeCompare(b.rec.id))) {
    const what = LABELS.filter((l) => s.fired[l] !== s.rec.labels[l])
      .map((l) => (s.fired[l] ? `FP ${l}` : `FN ${l}`))
      .join(' ');
    out.push(`- ${what} [${s.rec.confidence}, ${s.rec.family}, half ${s.half}] ${s.rec.id}: ${howRead(s.retitled)}`);
    if (verbose && s.retitled.reading) {
      for (const r of s.retitled.reading.rules.filter((x) => Object.values(RULES).includes(x.ruleId as never))) out.push(`    ${r.ruleId}: ${r.summary}`);
    }
  }
  for (const s of origBad) out.push(`- original fired: ${s.rec.id}: ${LABELS.filter((l) => s.firedOriginal[l]).join(' ')}`);
  process.stdout.write(out.join('\n') + '\n');

  if (jsonFile) {
    const per = (rows: Scored[]) =>
      Object.fromEntries(
        LABELS.map((l) => [
          l,
          {
            highMedium: count(
              rows.filter((s) => s.rec.confidence !== 'low'),
              l,
            ),
            all: count(rows, l),
          },
        ]),
      );
    writeFileSync(
      jsonFile,
      JSON.stringify(
        {
          documents: scored.length,
          whole: per(scored),
          halfA: per(scored.filter((s) => s.half === 'A')),
          halfB: per(scored.filter((s) => s.half === 'B')),
          originalsWithFindings: origBad.length,
          readAsOther: otherKind.length,
        },
        null,
        2,
      ) + '\n',
    );
  }
}

main();
