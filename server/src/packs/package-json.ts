import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PackError } from './diagnostics';
import { readSmall } from './load-pack';
import { YamlSource } from './yaml-source';

/**
 * cx-lint never reads a pack's package.json for code, but npm acts on it when the
 * pack is installed: every `bin` (and `directories.bin`) entry is linked into
 * node_modules/.bin even with --ignore-scripts, so a pack could replace the
 * `cx-lint` command itself; lifecycle scripts run unless --ignore-scripts is given;
 * a binding.gyp makes npm compile native code. A pack is data and needs none of it,
 * so `pack validate` refuses each, at its line, before the pack is published.
 */
const LIFECYCLE_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'preuninstall',
  'uninstall',
  'postuninstall',
  'prepublish',
  'preprepare',
  'prepare',
  'postprepare',
  'prepack',
  'postpack',
  'dependencies',
];
const CODE_ENTRIES: Record<string, string> = {
  bin: 'npm links "bin" commands into node_modules/.bin on install, even with --ignore-scripts, and one called cx-lint would replace cx-lint',
  main: '"main" names code to run, and a pack is data only',
};

export function packageJsonErrors(dir: string): PackError[] {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return [];
  let src: YamlSource;
  try {
    src = new YamlSource(file, readSmall(file, { bytes: 0 }));
  } catch (e) {
    return [e instanceof PackError ? e : new PackError(file, 1, 1, String((e as Error).message))];
  }
  if (src.errors().length) return src.errors();
  const meta = src.toJS();
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return [new PackError(file, 1, 1, 'package.json must hold a JSON object.')];
  const out: PackError[] = [];
  const at = (pointer: string, key: string, reason: string) => {
    const p = src.keyPosition(pointer, key);
    out.push(new PackError(file, p.line, p.col, reason));
  };
  const m = meta as Record<string, unknown>;
  for (const [key, why] of Object.entries(CODE_ENTRIES))
    if (Object.hasOwn(m, key)) at('', key, `a pack's package.json may not have "${key}": ${why}. Remove it.`);
  const dirs = m.directories;
  if (dirs && typeof dirs === 'object' && Object.hasOwn(dirs, 'bin'))
    at('/directories', 'bin', `a pack's package.json may not have "directories.bin": ${CODE_ENTRIES.bin}. Remove it.`);
  const scripts = m.scripts;
  if (scripts && typeof scripts === 'object') {
    for (const name of Object.keys(scripts)) {
      if (LIFECYCLE_SCRIPTS.includes(name))
        at(
          '/scripts',
          name,
          `a pack's package.json may not have a "${name}" script: npm runs it when the pack is installed (unless --ignore-scripts). A pack is data and needs no install step. Remove it.`,
        );
    }
  }
  if (m.gypfile === true || existsSync(join(dir, 'binding.gyp')))
    out.push(
      new PackError(file, 1, 1, 'a pack may not build native code ("gypfile" or a binding.gyp file): npm compiles it when the pack is installed. Remove it.'),
    );
  return out;
}
