import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import { ENGINE_VERSION, primePatterns, type PackData, type PatternRow, type RuleData } from '../engine';
import { hashFileSafely, READ_CAPS } from '../fs/safe-read';
import type { LoadedPack } from './load-pack';

/**
 * A pack as loadPack returned it, with paths relative to the pack folder and a hash
 * of every file it was read from. The build writes one for the built-in pack
 * (dist/cx-core.pack.json), so that starting the CLI or a worker does not parse
 * 13 YAML files and compile three JSON Schemas for a pack that cannot have changed:
 * the snapshot is used only when the same files (found by the same globs) still
 * have exactly the same bytes; otherwise the pack is loaded and validated as usual.
 */
export interface PackSnapshot {
  format: 3;
  engine: string;
  /** sha256 over each file's relative path and bytes, in `files` order. */
  hash: string;
  /** The manifest's `rules` globs, to find the same rule files again. */
  ruleGlobs: string[];
  /** Relative to the pack folder, forward slashes; the manifest first. */
  files: string[];
  pack: PackData;
  /** Rule id → rule file and docs file, relative. */
  ruleFiles: Array<[string, string, string | undefined]>;
  /** The pack's class, rule and preset references, with files relative. */
  refs: LoadedPack['refs'];
  /** The pack's phrase patterns compiled (decision 108); may be empty. */
  patterns: PatternRow[];
}

const rel = (dir: string, p: string) => relative(dir, p).split(sep).join('/');

function hashFiles(dir: string, files: string[]): string | undefined {
  const h = createHash('sha256').update(`${ENGINE_VERSION}\u0000`);
  for (const f of files) {
    try {
      hashFileSafely(h, join(dir, f), READ_CAPS.packFile, (size) => `${f}\u0000${size}\u0000`);
    } catch {
      return undefined;
    }
  }
  return h.digest('hex');
}

export function makeSnapshot(loaded: LoadedPack, patterns: PatternRow[] = []): PackSnapshot {
  const { dir } = loaded;
  const files = loaded.files.map((f) => rel(dir, f));
  const docsOf = new Map([...loaded.ruleFiles].map(([id, v]) => [id, v.docs]));
  // docsUrl is an absolute file URL; the snapshot keeps the docs path and rebuilds it.
  const rules = loaded.pack.rules.map((r) => (docsOf.get(r.id) ? { ...r, docsUrl: undefined } : r));
  return {
    format: 3,
    engine: ENGINE_VERSION,
    hash: hashFiles(dir, files)!,
    ruleGlobs: loaded.ruleGlobs,
    files,
    pack: JSON.parse(JSON.stringify({ ...loaded.pack, rules })),
    ruleFiles: [...loaded.ruleFiles].map(([id, v]) => [id, rel(dir, v.file), v.docs === undefined ? undefined : rel(dir, v.docs)]),
    refs: loaded.refs.map((r) => ({ ...r, file: rel(dir, r.file) })),
    patterns,
  };
}

/** The pack in `dir` from a snapshot, or undefined when any file, path or version differs. */
export function fromSnapshot(dir: string, manifest: string, snap: PackSnapshot): LoadedPack | undefined {
  if (snap.format !== 3 || snap.engine !== ENGINE_VERSION || rel(dir, manifest) !== snap.files[0]) return undefined;
  // The same rule files must be found, each really inside the pack (no link leading out).
  const found: string[] = [];
  for (const g of snap.ruleGlobs) {
    for (const f of globSync(g, { cwd: dir, absolute: true, onlyFiles: true, followSymbolicLinks: false }).sort()) found.push(rel(dir, realpathSync(f)));
  }
  const expected = snap.files.slice(1);
  if (found.length !== expected.length || found.some((f, i) => f !== expected[i])) return undefined;
  if (hashFiles(dir, snap.files) !== snap.hash) return undefined;
  primePatterns(snap.patterns);
  const docs = new Map(snap.ruleFiles.map(([id, , d]) => [id, d]));
  const rules = snap.pack.rules.map((r): RuleData => {
    const d = docs.get(r.id);
    return d ? { ...r, docsUrl: pathToFileURL(join(dir, d)).href } : r;
  });
  return {
    pack: { ...snap.pack, rules },
    dir,
    ruleGlobs: snap.ruleGlobs,
    files: [manifest, ...expected.map((f) => join(dir, f))],
    ruleFiles: new Map(snap.ruleFiles.map(([id, f, d]) => [id, { file: join(dir, f), docs: d === undefined ? undefined : join(dir, d) }])),
    refs: snap.refs.map((r) => ({ ...r, file: join(dir, r.file) })),
  };
}
