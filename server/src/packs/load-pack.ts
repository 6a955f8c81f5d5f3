import { statSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import semver from 'semver';
import { checkClasses, compilePattern, PLAIN_VOCABULARY_KEYS, PatternError, ENGINE_VERSION, type PackData, type RuleData, compileRawRegex } from '../engine';
import { PackError } from './diagnostics';
import { readBytesSafely, SafeReadError } from '../fs/safe-read';
import { fromSnapshot, type PackSnapshot } from './pack-snapshot';
import { errorsToShow } from './recognise';
import { validateSource } from './validate';
import { YamlSource } from './yaml-source';
import { isInside as inside } from '../fs/inside';
import { OutsideError, outsideReason, realpathInside } from './inside-pack';

/** Limits that keep any pack, however written, cheap to load and to run. */
export const PACK_LIMITS = {
  fileBytes: 2 * 1024 * 1024,
  totalBytes: 8 * 1024 * 1024,
  rules: 500,
  patterns: 20000,
};

export interface LoadedPack {
  pack: PackData;
  dir: string;
  /** Files read, for lockfile hashes and file watching. */
  files: string[];
  /** Rule file and docs file per rule id. */
  ruleFiles: Map<string, { file: string; docs?: string }>;
  /** Every lexicon class, rule or preset the pack names, where it names it: checked once the packs it builds on are known. */
  refs: PackRef[];
  /** The manifest's `rules` globs. */
  ruleGlobs: string[];
}

export interface PackRef {
  kind: 'class' | 'rule' | 'preset';
  name: string;
  /** The rule or preset that names it. */
  from: string;
  /** For a preset's `extends` entry: the name of that preset. */
  preset?: string;
  file: string;
  line: number;
  col: number;
}

export const MANIFEST_NAMES = ['pack.yaml', 'pack.yml', 'pack.json'];

/** A pack file's text: a regular file within the per-file and whole-pack budgets, else a located error. */
export function readSmall(file: string, budget: { bytes: number }): string {
  let bytes: Buffer;
  try {
    bytes = readBytesSafely(file, Math.min(PACK_LIMITS.fileBytes, PACK_LIMITS.totalBytes - budget.bytes));
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    if (e.problem !== 'too-large') throw new PackError(file, 1, 1, `${e.reason}; not read.`);
    if (e.size! > PACK_LIMITS.fileBytes)
      throw new PackError(file, 1, 1, `file is ${(e.size! / 1048576).toFixed(1)} MB; pack files may be at most ${PACK_LIMITS.fileBytes / 1048576} MB.`);
    throw new PackError(file, 1, 1, `the pack is over ${PACK_LIMITS.totalBytes / 1048576} MB in all; split it or trim its lexicons.`);
  }
  budget.bytes += bytes.length;
  return bytes.toString('utf8');
}

export function findManifest(dir: string): string | undefined {
  for (const n of MANIFEST_NAMES) {
    try {
      // Not only regular files: a manifest that is a pipe or device is refused by name when read.
      if (!statSync(join(dir, n)).isDirectory()) return join(dir, n);
    } catch {
      /* try the next name */
    }
  }
  return undefined;
}

/**
 * Loads a pack folder: manifest, rule files, docs paths. Never executes anything
 * from the pack. Returns every problem found, each with file:line:col, rather
 * than stopping at the first.
 */
export function loadPack(dirOrManifest: string, opts: { snapshot?: PackSnapshot } = {}): { loaded?: LoadedPack; errors: PackError[] } {
  const errors: PackError[] = [];
  let manifest: string | undefined;
  try {
    manifest = statSync(dirOrManifest).isDirectory() ? findManifest(dirOrManifest) : dirOrManifest;
  } catch {
    return { errors: [new PackError(dirOrManifest, 1, 1, 'no such pack folder. Check the path in "packs" or --pack.')] };
  }
  // A path to a file must name a manifest: any other file (say /etc/shadow) is not a pack, and is not read.
  if (manifest && !MANIFEST_NAMES.includes(basename(manifest))) {
    return {
      errors: [
        new PackError(
          manifest,
          1,
          1,
          `is not a pack: a pack is a folder with ${MANIFEST_NAMES.join(', ')}, or that file itself. Check the path in "packs" or --pack.`,
        ),
      ],
    };
  }
  if (!manifest) return { errors: [new PackError(dirOrManifest, 1, 1, `no ${MANIFEST_NAMES.join(' or ')} in this folder. A pack needs a manifest.`)] };
  const dir = realpathSync(dirname(manifest));
  if (opts.snapshot) {
    const loaded = fromSnapshot(dir, manifest, opts.snapshot);
    if (loaded) return { loaded, errors: [] };
  }
  const budget = { bytes: 0 };
  const files = [manifest];
  let src: YamlSource;
  try {
    // The manifest too may be a link: what is read must be in the pack (and so be locked).
    src = new YamlSource(manifest, readSmall(realpathInside(dir, manifest, 'manifest'), budget));
  } catch (e) {
    return { errors: [e instanceof PackError ? e : new PackError(manifest, 1, 1, String((e as Error).message))] };
  }
  errors.push(...errorsToShow('pack', src, src.errors()));
  if (errors.length) return { errors };
  const raw = src.toJS() as any;
  errors.push(...errorsToShow('pack', src, validateSource('pack', src, raw)));
  if (errors.length) return { errors };

  if (raw.engine && !semver.satisfies(ENGINE_VERSION, raw.engine, { includePrerelease: true })) {
    const p = src.position('/engine');
    errors.push(
      new PackError(
        manifest,
        p.line,
        p.col,
        `pack "${raw.name}" needs cx-lint engine ${raw.engine}, but this cx-lint has engine ${ENGINE_VERSION}. Upgrade cx-lint or use a version of the pack made for this engine.`,
      ),
    );
    return { errors };
  }

  // Every pattern must compile; report where it is.
  let patternCount = 0;
  const checkPattern = (pointer: string, p: unknown, kind: 'phrase' | 'regex' = 'phrase') => {
    if (typeof p !== 'string') return;
    patternCount++;
    try {
      if (kind === 'regex') compileRawRegex(p);
      else compilePattern(p);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      // Point at the place in a phrase pattern (its parser counts from the trimmed pattern).
      const pos = kind === 'regex' ? src.position(pointer) : src.positionIn(pointer, e.column + (p.length - p.trimStart().length));
      const hint =
        kind === 'phrase' && /[\\^$?]|[)\]][+*]/.test(p)
          ? ' Phrase patterns are not regular expressions; for a raw regular expression write { regex: "…" } (run on the linear-time re2js engine).'
          : '';
      errors.push(new PackError(manifest!, pos.line, pos.col, `invalid ${kind === 'regex' ? 'regex' : 'pattern'}: ${e.message}.${hint}`));
    }
  };
  const checkEntry = (pointer: string, m: any) => {
    if (typeof m === 'string') checkPattern(pointer, m);
    else if (m?.regex !== undefined) checkPattern(`${pointer}/regex`, m.regex, 'regex');
    else checkPattern(`${pointer}/match`, m?.match);
  };
  for (const [cls, data] of Object.entries<any>(raw.lexicons ?? {})) {
    (data.match ?? []).forEach((m: any, i: number) => checkEntry(`/lexicons/${cls}/match/${i}`, m));
    (data.exclude ?? []).forEach((m: any, i: number) => checkEntry(`/lexicons/${cls}/exclude/${i}`, m));
  }
  // Vocabulary lists are phrase patterns, except the plain words and values (kinds, front matter keys, …).
  const walkVocab = (obj: any, pointer: string) => {
    if (Array.isArray(obj)) obj.forEach((v, i) => checkPattern(`${pointer}/${i}`, v));
    else if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) if (!PLAIN_VOCABULARY_KEYS.has(k)) walkVocab(v, `${pointer}/${k}`);
  };
  walkVocab(raw.vocabulary ?? {}, '/vocabulary');
  if (patternCount > PACK_LIMITS.patterns)
    errors.push(new PackError(manifest, 1, 1, `the pack has ${patternCount} patterns; at most ${PACK_LIMITS.patterns} are allowed.`));

  // Rule files.
  const globs: string[] = raw.rules === undefined ? [] : Array.isArray(raw.rules) ? raw.rules : [raw.rules];
  const rules: RuleData[] = [];
  const ruleFiles = new Map<string, { file: string; docs?: string }>();
  const refs: PackRef[] = [];
  for (const g of globs) {
    if (isAbsolute(g) || g.split(/[\\/]/).includes('..')) {
      const p = src.position('/rules');
      errors.push(new PackError(manifest, p.line, p.col, `rule path "${g}" leaves the pack folder. Paths in a pack must stay inside it.`));
      continue;
    }
    const matches = globSync(g, { cwd: dir, absolute: true, onlyFiles: true, followSymbolicLinks: false }).sort();
    if (matches.length > PACK_LIMITS.rules) {
      errors.push(new PackError(manifest, 1, 1, `"${g}" matches ${matches.length} rule files; at most ${PACK_LIMITS.rules} are allowed.`));
      continue;
    }
    for (const file of matches) {
      let real: string;
      let rsrc: YamlSource;
      try {
        real = realpathInside(dir, file, 'rule file');
        files.push(real);
        rsrc = new YamlSource(real, readSmall(real, budget));
      } catch (e) {
        errors.push(e instanceof PackError ? e : new PackError(file, 1, 1, String((e as Error).message)));
        continue;
      }
      const yerr = errorsToShow('rule', rsrc, rsrc.errors());
      if (yerr.length) {
        errors.push(...yerr);
        continue;
      }
      const rule = rsrc.toJS() as any;
      const verr = errorsToShow('rule', rsrc, validateSource('rule', rsrc, rule));
      if (verr.length) {
        errors.push(...verr);
        continue;
      }
      if (ruleFiles.has(rule.id)) {
        const p = rsrc.position('/id');
        errors.push(
          new PackError(
            real,
            p.line,
            p.col,
            `duplicate rule id "${rule.id}" (also in ${relative(dir, ruleFiles.get(rule.id)!.file)}). Rule ids must be unique in a pack.`,
          ),
        );
        continue;
      }
      let docs: string | undefined;
      if (rule.docs) {
        const d = resolve(dirname(real), rule.docs);
        const p = rsrc.position('/docs');
        if (!inside(dir, d)) {
          errors.push(new PackError(real, p.line, p.col, `docs path "${rule.docs}" leaves the pack folder. Paths in a pack must stay inside it.`));
          continue;
        }
        // A docs file that is missing is tolerated (--explain falls back to the description); one that links out of the pack is not.
        try {
          realpathInside(dir, d, 'docs file');
        } catch (e) {
          if (e instanceof OutsideError) {
            errors.push(new PackError(real, p.line, p.col, outsideReason(`docs file "${rule.docs}"`, e.real)));
            continue;
          }
        }
        docs = d;
        rule.docsUrl = pathToFileURL(d).href;
        delete rule.docs;
      }
      ruleFiles.set(rule.id, { file: real, docs });
      for (const { name, pointer } of classPointers(rule as RuleData)) {
        const p = rsrc.position(pointer);
        refs.push({ kind: 'class', name, from: rule.id, file: real, line: p.line, col: p.col });
      }
      rules.push(rule as RuleData);
    }
  }
  // Lexicon classes and rules may come from the packs this one builds on (cx-core is
  // always loaded first), so references are only recorded here and checked by
  // checkPackRefs once every pack is loaded.
  for (const [name, preset] of Object.entries<any>(raw.presets ?? {})) {
    for (const id of Object.keys(preset.rules ?? {})) {
      const p = src.keyPosition(`/presets/${name}/rules`, id);
      refs.push({ kind: 'rule', name: id, from: `preset "${name}"`, file: manifest, line: p.line, col: p.col });
    }
    (preset.extends ?? []).forEach((ext: string, i: number) => {
      const p = src.position(`/presets/${name}/extends/${i}`);
      refs.push({ kind: 'preset', name: ext, from: `preset "${name}"`, preset: name, file: manifest, line: p.line, col: p.col });
    });
  }
  if (errors.length) return { errors };
  delete raw.rules;
  return { loaded: { pack: { ...raw, rules }, dir, files, ruleFiles, refs, ruleGlobs: globs }, errors };
}

/**
 * Checks a pack's references against what the loaded packs define: the lexicon
 * classes its rules use and the rules its presets set. Each error points at the
 * reference.
 */
export function checkPackRefs(pack: LoadedPack, classes: Set<string>, ruleIds: Set<string>): PackError[] {
  const out: PackError[] = [];
  for (const r of pack.refs) {
    if (r.kind === 'class' && !classes.has(r.name)) {
      out.push(
        new PackError(
          r.file,
          r.line,
          r.col,
          `rule "${r.from}" uses lexicon class "${r.name}", which neither this pack nor the packs it builds on define. Add it under "lexicons" in the manifest or fix the name.`,
        ),
      );
    }
    if (r.kind === 'rule' && !ruleIds.has(r.name)) {
      out.push(new PackError(r.file, r.line, r.col, `${r.from} names rule "${r.name}", which neither this pack nor the packs it builds on define.`));
    }
  }
  return out;
}

/** Each lexicon class a rule names, with the JSON pointer of the name in the rule file. */
export function classPointers(r: RuleData): Array<{ name: string; pointer: string }> {
  const out = checkClasses(r.check).map(({ name, pointer }) => ({ name, pointer: `/check${pointer}` }));
  (r.appliesTo ?? []).forEach((cond, i) => {
    (cond.mentions ?? []).forEach((name, j) => out.push({ name, pointer: `/appliesTo/${i}/mentions/${j}` }));
    (cond.titleMentions ?? []).forEach((name, j) => out.push({ name, pointer: `/appliesTo/${i}/titleMentions/${j}` }));
  });
  return out;
}
