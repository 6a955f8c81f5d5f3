import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readJsonSafely, READ_CAPS } from '../fs/safe-read';
import type { PackSnapshot } from './pack-snapshot';

/**
 * The folder of the installed cx-lint package. Bundles live in dist/ or out/test/,
 * so walk up to the package.json that names cx-lint rather than trusting depth.
 */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((readJsonSafely(pj, READ_CAPS.installed) as { name?: unknown })?.name === 'cx-lint') return dir;
      } catch {
        /* keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cx-lint: cannot find the cx-lint package folder (rules/ is missing)');
    dir = up;
  }
}

export function builtinPackDir(): string {
  return join(packageRoot(), 'rules', 'cx-core');
}

export function packageVersion(): string {
  return (readJsonSafely(join(packageRoot(), 'package.json'), READ_CAPS.installed) as { version: string }).version;
}

let snapshot: PackSnapshot | null | undefined;

/**
 * The build's snapshot of the built-in pack (dist/cx-core.pack.json), if there is one.
 * loadPack checks it against the pack's files before trusting it.
 */
export function builtinSnapshot(): PackSnapshot | undefined {
  if (snapshot === undefined) {
    try {
      snapshot = readJsonSafely(join(packageRoot(), 'dist', BUILTIN_SNAPSHOT), READ_CAPS.installed) as PackSnapshot;
    } catch {
      snapshot = null;
    }
  }
  return snapshot ?? undefined;
}

export const BUILTIN_SNAPSHOT = 'cx-core.pack.json';
