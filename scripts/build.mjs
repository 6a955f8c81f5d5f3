// Builds every runnable artefact with esbuild. The sources are TypeScript and some
// dependencies (unified, remark) are ESM-only; bundling to CommonJS lets the VS Code
// extension host, the CLI and mocha load them on any Node >= 20 without loaders.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Some ESM dependencies (fdir) read import.meta.url, which CommonJS bundles lack.
  define: { 'import.meta.url': '__cxImportMetaUrl' },
  banner: { js: "var __cxImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
const shebang = { js: '#!/usr/bin/env node\n' + common.banner.js };

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures') continue;
    if (statSync(p).isDirectory()) out.push(...testEntries(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

rmSync('out', { recursive: true, force: true });
const targets = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist', banner: shebang },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: shebang },
  { ...common, entryPoints: { api: 'server/src/api.ts' }, outdir: 'dist' },
  // Not tree-shaken, so that a module's code a test never calls is in the bundle and
  // counts as uncovered in npm test's coverage report instead of vanishing.
  { ...common, entryPoints: testEntries('test'), outdir: 'out/test', outbase: 'test', external: ['vscode', 'mocha'], treeShaking: false },
  // The benchmark (npm run bench) lives in out/, never in the published dist/.
  { ...common, entryPoints: { run: 'bench/run.ts', 'parse-only': 'bench/parse-only.ts', shapes: 'bench/shapes.ts' }, outdir: 'out/bench' },
  // The evaluation on real postings (npm run eval), like the bench, lives in out/.
  { ...common, entryPoints: { eval: 'scripts/eval.ts' }, outdir: 'out/scripts' },
].filter((t) => Object.values(t.entryPoints).every((e) => existsSync(e)));
await Promise.all(targets.map((t) => build(t)));

// esbuild escapes non-ASCII characters in code but keeps them in comments, and one
// "’" in a comment makes V8 hold the whole bundle's source as a two-byte string:
// 2.9 MB instead of 1.5 MB for dist/cli.js, in every process and --jobs worker
// (decisions.md, "Performance"). Escaping them (\uXXXX means the same in strings,
// templates, regexes and identifiers, and nothing in comments) keeps bundles ASCII.
for (const dir of ['dist', 'out/bench']) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.endsWith('.js')) continue;
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    if (!/[^\0-\x7f]/.test(text)) continue;
    writeFileSync(
      file,
      text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
  }
}

// Derived artefacts: JSON Schemas generated from the engine's registries.
await build({ ...common, entryPoints: { 'gen-schemas': 'scripts/gen-schemas.ts' }, outdir: 'out/scripts' });
execFileSync(process.execPath, ['out/scripts/gen-schemas.js', '.'], { stdio: 'inherit' });
// The built-in pack, validated once here so start-up need not (dist/cx-core.pack.json).
await build({ ...common, entryPoints: { 'gen-pack-snapshot': 'scripts/gen-pack-snapshot.ts' }, outdir: 'out/scripts' });
execFileSync(process.execPath, ['out/scripts/gen-pack-snapshot.js', '.'], { stdio: 'inherit' });
