import { SafeReadError } from '../fs/safe-read';
import { keyRecord, own, parseRuleSetting } from '../engine';
import { readInside } from '../packs/inside-pack';
import type { ResolvedConfig } from '../config/load-config';
import { DEFAULT_EXTENDS } from '../config/load-config';

/** `--list-rules`: id, default severity, pack, one-line description. */
export function listRules(cfg: ResolvedConfig): string {
  const rows = cfg.setup.allRules.map((r) => [r.data.id, String(r.data.severity), `${r.pack.name}@${r.pack.version}`, oneLine(r.data.description)]);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
  return rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`).join('\n') + '\n';
}

function oneLine(s: string): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

export function ruleIds(cfg: ResolvedConfig): string[] {
  return cfg.setup.allRules.map((r) => r.data.id);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Known ids close to `id`: substring matches and small edit distances, best first. */
export function closeIds(id: string, known: string[]): string[] {
  const scored = known
    .map((k) => ({ k, d: k.includes(id) || id.includes(k) ? 0 : distance(id, k) }))
    .filter((x) => x.d <= Math.max(3, Math.floor(id.length / 3)))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1));
  return scored.slice(0, 5).map((x) => x.k);
}

export function unknownRuleMessage(id: string, cfg: ResolvedConfig): string {
  const close = closeIds(id, ruleIds(cfg));
  return `unknown rule "${id}".` + (close.length ? ` Did you mean: ${close.join(', ')}?` : '') + ' Run cx-lint --list-rules for every rule.';
}

/**
 * A rule's README, read like any pack file: by real path inside the pack (a README
 * linked out of it is never printed; OutsideError says where it leads) and safely (a
 * pipe, device or oversized file is an error that says why). No README: undefined.
 */
function readDocs(dir: string, file: string): string | undefined {
  try {
    return readInside(dir, file, 'docs file');
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    if (e.problem === 'missing') return undefined;
    throw new Error(`--explain: ${e.message}; not read. Fix the rule's "docs" path in its pack.`, { cause: e });
  }
}

/** `--explain RULE`: the rule's README from its pack, or undefined when unknown. */
export function explainRule(id: string, cfg: ResolvedConfig): string | undefined {
  for (const p of cfg.packs) {
    const files = p.ruleFiles.get(id);
    if (!files) continue;
    const docs = files.docs ? readDocs(p.dir, files.docs) : undefined;
    if (docs !== undefined) return docs;
    const rule = p.pack.rules.find((r) => r.id === id);
    return `# ${id}\n\n${rule?.description ?? ''}\n${rule?.why ? `\n${rule.why}\n` : ''}`;
  }
  return undefined;
}

/** `--print-config FILE`: the resolved config as JSON. */
export function printConfig(cfg: ResolvedConfig): string {
  const rules = keyRecord<unknown>();
  for (const r of cfg.setup.allRules) {
    const setting = own(cfg.lint.rules, r.data.id) ?? r.data.severity;
    const { severity, options } = parseRuleSetting(setting, r.data.id);
    rules[r.data.id] = Object.keys(options).length ? [severity, options] : severity;
  }
  const ext = cfg.config.extends === undefined ? DEFAULT_EXTENDS : Array.isArray(cfg.config.extends) ? cfg.config.extends : [cfg.config.extends];
  const out = {
    extends: ext,
    rules,
    packs: cfg.packs.map((p) => ({ name: p.pack.name, version: p.pack.version, dir: p.dir })),
    ...(cfg.config.titles ? { titles: cfg.config.titles } : {}),
    ...(cfg.config.kinds ? { kinds: cfg.config.kinds } : {}),
    baseDir: cfg.baseDir,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
