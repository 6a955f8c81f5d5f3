import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { builtinPackDir, builtinSnapshot } from './builtin';
import { PackError } from './diagnostics';
import { own } from '../engine';
import { leaves } from '../fs/inside';
import { readJsonSafely, readTextSafely, READ_CAPS } from '../fs/safe-read';
import { checkPackRefs, findManifest, loadPack, type LoadedPack, type PackRef } from './load-pack';

/**
 * Finding and loading packs by reference (docs/packs.md "Resolution"). A reference
 * is a folder path ("./…", "../…", absolute) or an npm package name; names expand
 * ESLint-style: `titles` → `cx-lint-pack-titles`, `@cxpa` → `@cxpa/cx-lint-pack`,
 * `@cxpa/titles` → `@cxpa/cx-lint-pack-titles`. A name as written is used first when
 * that installed package is a pack (a manifest in its root or "cxlint.pack" in its
 * package.json), so any package can carry a pack under its own name.
 */
export const PACK_PREFIX = 'cx-lint-pack';

export function isPathRef(ref: string): boolean {
  return ref.startsWith('./') || ref.startsWith('../') || ref === '.' || ref === '..' || isAbsolute(ref) || /^[A-Za-z]:[\\/]/.test(ref);
}

/** npm names to try for a reference, in order. */
export function packNameCandidates(ref: string): string[] {
  if (ref.startsWith('@')) {
    const slash = ref.indexOf('/');
    if (slash < 0) return [`${ref}/${PACK_PREFIX}`];
    const scope = ref.slice(0, slash);
    const rest = ref.slice(slash + 1);
    if (rest === PACK_PREFIX || rest.startsWith(`${PACK_PREFIX}-`)) return [ref];
    return [ref, `${scope}/${PACK_PREFIX}-${rest}`];
  }
  if (ref.startsWith(`${PACK_PREFIX}-`)) return [ref];
  return [ref, `${PACK_PREFIX}-${ref}`];
}

/** The pack folder of an installed npm package, or undefined when the package is not installed or is not a pack. */
function packageDir(name: string, from: string): string | undefined {
  let pj: string;
  try {
    pj = require.resolve(`${name}/package.json`, { paths: [from] });
  } catch {
    return undefined;
  }
  let meta: any;
  try {
    meta = readJsonSafely(pj, READ_CAPS.config);
  } catch {
    return undefined;
  }
  const rel = meta?.cxlint?.pack ?? meta?.['cx-lint']?.pack;
  if (typeof rel === 'string') return resolve(dirname(pj), rel);
  return findManifest(dirname(pj)) ? dirname(pj) : undefined;
}

export interface ResolvedRef {
  dir: string;
  /** The npm package name it was found under, if any. */
  npmName?: string;
}

/** A reference → a pack folder; throws PackError with what was tried. */
export function resolvePackRef(ref: string, baseDir: string, where: { file: string; line: number; col: number }, context?: string): ResolvedRef {
  if (isPathRef(ref)) return { dir: resolve(baseDir, ref) };
  const names = packNameCandidates(ref);
  for (const n of names) {
    const dir = packageDir(n, baseDir);
    if (dir) return { dir, npmName: n };
  }
  throw new PackError(
    where.file,
    where.line,
    where.col,
    `cannot find pack "${ref}"${context ? `, which ${context} names,` : ''} (tried npm package${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')} from ${baseDir}). Install it (npm i -D ${names[names.length - 1]}) or give a folder path starting with "./".`,
  );
}

/**
 * Every pack of a run, in load order, and the names each can be called by. Load
 * order: cx-core, then each `packs:` entry in order, then packs that only `extends`
 * names; a pack's own manifest `extends` load just before it (depth first). A pack
 * reached twice (same folder) loads once, at its first position.
 */
export class PackSet {
  readonly loaded: LoadedPack[] = [];
  readonly errors: PackError[] = [];
  private readonly byDir = new Map<string, LoadedPack>();
  private readonly names = new Map<string, LoadedPack>();
  private readonly loading: string[] = [];
  /** npm names and references each pack was loaded under (for lockfiles and messages). */
  readonly sources = new Map<LoadedPack, string>();

  /**
   * @param confineTo In Restricted Mode (an untrusted workspace), the workspace folder:
   * a pack whose real folder is outside it is refused (the built-in pack excepted).
   */
  constructor(
    withBuiltin = true,
    private readonly confineTo?: string,
  ) {
    if (withBuiltin) {
      const b = loadPack(builtinPackDir(), { snapshot: builtinSnapshot() });
      if (!b.loaded) throw new Error(`cx-lint: the built-in pack does not load:\n${b.errors.map((e) => e.message).join('\n')}`);
      this.add(b.loaded, [], '(built-in)');
    }
  }

  get builtin(): LoadedPack | undefined {
    return this.byDir.get(realpathSync(builtinPackDir()));
  }

  /** The loaded pack a name refers to: its manifest name, or an npm name (or short name) it was loaded under. */
  find(ref: string): LoadedPack | undefined {
    for (const n of [ref, ...packNameCandidates(ref)]) {
      const p = this.names.get(n);
      if (p) return p;
    }
    return undefined;
  }

  private add(p: LoadedPack, aliases: string[], source: string): void {
    this.loaded.push(p);
    this.byDir.set(p.dir, p);
    this.sources.set(p, source);
    this.alias(p, p.pack.name);
    for (const a of aliases) this.alias(p, a);
  }

  private alias(p: LoadedPack, name: string): void {
    const other = this.names.get(name);
    if (other && other !== p) {
      this.errors.push(
        new PackError(
          p.files[0],
          1,
          1,
          `two different packs are called "${name}": ${other.dir} and ${p.dir}. Pack names must be unique in a run; remove one or rename it.`,
        ),
      );
      return;
    }
    this.names.set(name, p);
  }

  /** Loads a pack (and, first, the packs its manifest extends). Errors are collected, not thrown. */
  load(ref: string, baseDir: string, where: { file: string; line: number; col: number }, context?: string): LoadedPack | undefined {
    let r: ResolvedRef;
    try {
      r = resolvePackRef(ref, baseDir, where, context);
    } catch (e) {
      if (e instanceof PackError) this.errors.push(e);
      else throw e;
      return undefined;
    }
    let real: string;
    try {
      real = realpathSync(r.dir);
    } catch {
      this.errors.push(new PackError(where.file, where.line, where.col, `no such pack folder: ${r.dir}. Check the path "${ref}".`));
      return undefined;
    }
    if (this.confineTo && leaves(this.confineTo, real) && real !== this.builtin?.dir) {
      this.errors.push(
        new PackError(
          where.file,
          where.line,
          where.col,
          `pack "${ref}" is outside the workspace folder${ref === real ? '' : ` (${real})`}; in Restricted Mode cx-lint reads no pack from outside it. Trust the workspace to use it.`,
        ),
      );
      return undefined;
    }
    const seen = this.byDir.get(real);
    if (seen) {
      if (r.npmName) this.alias(seen, r.npmName);
      return seen;
    }
    if (this.loading.includes(real)) {
      this.errors.push(
        new PackError(
          where.file,
          where.line,
          where.col,
          `packs extend each other in a cycle: ${[...this.loading.slice(this.loading.indexOf(real)), real].join(' → ')}.`,
        ),
      );
      return undefined;
    }
    const res = loadPack(real);
    if (!res.loaded) {
      this.errors.push(...res.errors);
      return undefined;
    }
    const p = res.loaded;
    this.loading.push(real);
    const manifest = p.files[0];
    for (const ext of p.pack.extends ?? []) {
      // A pack's own `extends` resolve from the pack folder: its dependencies, or folders beside it.
      this.load(ext, p.dir, { file: manifest, line: 1, col: 1, ...extendsPosition(manifest, ext) });
    }
    this.loading.pop();
    this.add(p, r.npmName ? [r.npmName, ref] : [], r.npmName ?? ref);
    return p;
  }

  /** Reference errors of every loaded pack, against everything loaded. */
  checkRefs(): PackError[] {
    const classes = new Set(this.loaded.flatMap((l) => Object.keys(l.pack.lexicons ?? {})));
    const rules = new Set(this.loaded.flatMap((l) => l.pack.rules.map((r) => r.id)));
    const out: PackError[] = [];
    for (const l of this.loaded) {
      out.push(...checkPackRefs(l, classes, rules));
      for (const r of l.refs) {
        if (r.kind !== 'preset') continue;
        const { pack, preset } = splitPresetRef(r.name);
        const target = this.find(pack);
        if (!own(target?.pack.presets, preset))
          out.push(new PackError(r.file, r.line, r.col, `${r.from} extends "${r.name}", but no loaded pack has that preset.`));
      }
    }
    if (!out.length) out.push(...this.presetCycles());
    return out;
  }

  /**
   * Presets whose `extends` lead back to themselves, each loop reported once at the
   * entry that closes it, so `pack validate` finds what lint would refuse. Walked
   * with an explicit stack: a pack may chain thousands of presets.
   */
  private presetCycles(): PackError[] {
    const label = new Map<string, string>();
    const edges = new Map<string, Array<{ to: string; ref: PackRef }>>();
    for (const l of this.loaded) {
      for (const r of l.refs) {
        if (r.kind !== 'preset' || r.preset === undefined) continue;
        const { pack, preset } = splitPresetRef(r.name);
        const target = this.find(pack);
        if (!target) continue;
        const from = `${l.dir}#${r.preset}`;
        const to = `${target.dir}#${preset}`;
        label.set(from, `${l.pack.name}/${r.preset}`).set(to, `${target.pack.name}/${preset}`);
        if (!edges.has(from)) edges.set(from, []);
        edges.get(from)!.push({ to, ref: r });
      }
    }
    const out: PackError[] = [];
    const state = new Map<string, 'open' | 'done'>();
    for (const start of edges.keys()) {
      if (state.has(start)) continue;
      const path = [{ node: start, next: 0 }];
      state.set(start, 'open');
      while (path.length) {
        const top = path[path.length - 1];
        const e = edges.get(top.node)?.[top.next++];
        if (!e) {
          state.set(top.node, 'done');
          path.pop();
        } else if (state.get(e.to) === 'open') {
          const loop = [...path.slice(path.findIndex((p) => p.node === e.to)).map((p) => label.get(p.node)), label.get(e.to)].join(' → ');
          out.push(
            new PackError(
              e.ref.file,
              e.ref.line,
              e.ref.col,
              `${e.ref.from} extends "${e.ref.name}", which leads back to it (${loop}). Remove one of these extends.`,
            ),
          );
        } else if (!state.has(e.to)) {
          state.set(e.to, 'open');
          path.push({ node: e.to, next: 0 });
        }
      }
    }
    return out;
  }
}

/** Line and column of an `extends` entry in a manifest (best effort: the first line that names it). */
function extendsPosition(manifest: string, ref: string): { line?: number; col?: number } {
  try {
    const lines = readTextSafely(manifest, READ_CAPS.packFile).split('\n');
    const i = lines.findIndex((l) => l.includes(ref));
    return i >= 0 ? { line: i + 1, col: lines[i].indexOf(ref) + 1 } : {};
  } catch {
    return {};
  }
}

/**
 * `extends` entries are "<pack>/<preset>". The preset is the last segment, except
 * for a bare pack name ("cx-core", "@cxpa/cx-lint-pack-titles"), which means its
 * `recommended` preset. So "@cxpa/strict" is the `strict` preset of "@cxpa"
 * (@cxpa/cx-lint-pack) and "@cxpa/cx-lint-pack/strict" the same preset by full name.
 */
export function splitPresetRef(ext: string): { pack: string; preset: string } {
  const parts = ext.split('/');
  if (ext.startsWith('@')) {
    if (parts.length === 1) return { pack: ext, preset: 'recommended' };
    if (parts.length === 2) {
      const rest = parts[1];
      if (rest === PACK_PREFIX || rest.startsWith(`${PACK_PREFIX}-`)) return { pack: ext, preset: 'recommended' };
      return { pack: parts[0], preset: rest };
    }
    return { pack: parts.slice(0, -1).join('/'), preset: parts[parts.length - 1] };
  }
  if (parts.length === 1) return { pack: ext, preset: 'recommended' };
  return { pack: parts.slice(0, -1).join('/'), preset: parts[parts.length - 1] };
}
