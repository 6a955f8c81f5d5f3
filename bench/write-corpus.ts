import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDocument, postingSet, singleDocument, SINGLES } from './corpus';

/** Bump when the generator's output changes, so stale corpora are rewritten. */
export const GENERATOR_VERSION = 1;

export interface CorpusPaths {
  root: string;
  /** Folder of the posting set (subfolders 00, 01, … of 1,000 files each). */
  postings: string;
  singles: Record<string, string>;
  count: number;
  bytes: number;
}

/**
 * Writes the seeded corpus under `root` (bench/tmp/corpus-<seed>), reusing what a
 * previous run with the same seed, count and generator version wrote. `only` limits
 * the single documents written (the smoke test skips the 1 MB and 5 MB ones).
 */
export function writeCorpus(root: string, seed: number, count: number, only?: string[]): CorpusPaths {
  const postings = join(root, 'postings');
  const stampFile = join(root, 'stamp.json');
  const wanted = SINGLES.filter((s) => !only || only.includes(s.name));
  const stamp = JSON.stringify({ seed, count, version: GENERATOR_VERSION, singles: wanted.map((s) => s.name) });
  const singles: Record<string, string> = {};
  for (const s of wanted) singles[s.name] = join(root, 'singles', s.name);
  const files = postingSet(seed, count);
  let bytes = 0;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    for (const f of files) bytes += f.size;
    return { root, postings, singles, count, bytes };
  }
  rmSync(root, { recursive: true, force: true });
  for (const f of files) {
    const p = join(postings, f.name);
    mkdirSync(dirname(p), { recursive: true });
    const text = generateDocument(seed, f.index, f.size).text;
    bytes += Buffer.byteLength(text);
    writeFileSync(p, text);
  }
  for (const s of wanted) {
    mkdirSync(dirname(singles[s.name]), { recursive: true });
    writeFileSync(singles[s.name], singleDocument(seed, s.name, s.size));
  }
  writeFileSync(stampFile, stamp);
  return { root, postings, singles, count, bytes };
}
