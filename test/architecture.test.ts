import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './helpers/fixtures';

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

/** Imports of the .ts files under server/src/<folder> (or of one file) that match `bad`. */
function reaching(where: string[], bad: RegExp): string[] {
  const out: string[] = [];
  for (const w of where) {
    const p = join(ROOT, 'server', 'src', w);
    for (const f of w.endsWith('.ts') ? [p] : sources(p)) {
      for (const { spec } of imports(f)) if (bad.test(spec)) out.push(`${relative(ROOT, f)} imports ${spec}`);
    }
  }
  return out;
}

const ENGINE = join(ROOT, 'server', 'src', 'engine');
/** The engine's stages in reading order (docs/how-cx-lint-reads.md); each may import only those before it. */
const STAGES = ['parse', 'match', 'model', 'rules', 'fix'];

/** Each import of a file under engine/<stage>/ as the engine file or folder it reaches ('model', 'lint', 'index', …). */
function engineImports(): Array<{ file: string; stage: string; target: string }> {
  const out: Array<{ file: string; stage: string; target: string }> = [];
  for (const stage of STAGES) {
    for (const f of sources(join(ENGINE, stage))) {
      for (const { spec } of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const to = relative(ENGINE, resolve(dirname(f), spec));
        if (to.startsWith('..')) continue;
        out.push({ file: relative(ROOT, f), stage, target: to.split(sep)[0] });
      }
    }
  }
  return out;
}

describe('architecture: layers only reach the way docs/architecture.md draws them', () => {
  it('the engine imports nothing outside engine/ (no lsp/, cli/, packs/), no vscode, language server or file system', () => {
    const bad: string[] = [];
    for (const f of sources(join(ROOT, 'server', 'src', 'engine'))) {
      for (const { spec } of imports(f)) {
        const outside = spec.startsWith('.') && relative(ENGINE, resolve(dirname(f), spec)).startsWith('..');
        if (outside || /^vscode|^vscode-languageserver|^(node:)?(fs|fs\/promises|path|child_process|worker_threads|os|net|http)$/.test(spec)) {
          bad.push(`${relative(ROOT, f)} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('each engine stage imports only the stages before it (parse → match → model → rules → fix)', () => {
    const bad = engineImports()
      .filter(({ stage, target }) => STAGES.indexOf(target) > STAGES.indexOf(stage))
      .map(({ file, target }) => `${file} imports ${target}/`);
    assert.deepEqual(bad, []);
  });

  it('no engine stage imports the public entry, and only fix/ (fix-all re-lints) the lint call', () => {
    const bad = engineImports()
      .filter(({ stage, target }) => target === 'index' || target === '' || (target === 'lint' && stage !== 'fix'))
      .map(({ file, target }) => `${file} imports ${target || 'index'}`);
    assert.deepEqual(bad, []);
  });

  it('the engine uses no process, argv or environment', () => {
    const bad = sources(join(ROOT, 'server', 'src', 'engine')).filter((f) => /\bprocess\.(argv|env|cwd|exit)/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(
      bad.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('the client imports nothing from the server except types', () => {
    const bad: string[] = [];
    for (const f of sources(join(ROOT, 'client', 'src'))) {
      for (const { spec, typeOnly } of imports(f))
        if (/server\//.test(spec) && !typeOnly && !/protocol/.test(spec)) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
    assert.deepEqual(bad, []);
  });

  it('packs/ and config/ do not reach into the CLI or the language server', () => {
    assert.deepEqual(reaching(['packs', 'config'], /(^|\/)(lsp|cli)(\/|$)|^vscode/), []);
  });

  it('the editor server and the Node API never import the CLI', () => {
    assert.deepEqual(reaching(['lsp', 'api.ts'], /(^|\/)cli(\/|$)/), []);
  });

  it('packs/ and config/ reach the engine only through its public entry (engine/index.ts)', () => {
    assert.deepEqual(reaching(['packs', 'config'], /(^|\/)engine\/./), []);
  });

  it('the reporting layer imports nothing from the CLI, the editor server, packs or config', () => {
    // vscode-languageserver-textdocument is a text utility (positions), not the editor.
    assert.deepEqual(reaching(['report'], /(^|\/)(cli|lsp|packs|config)(\/|$)|^vscode(-languageserver)?$/), []);
  });

  it('config/ is the only home of config loading: no module elsewhere defines the loader, and packs/ does not import config/', () => {
    const configDir = join(ROOT, 'server', 'src', 'config');
    const loader =
      /^export\s+(?:function|const|class)\s+(loadConfigFor|resolveConfig|findConfigFiles|mergeConfigs|readConfigFile|parseConfigSource|clearConfigCache|CONFIG_NAMES)\b/m;
    const elsewhere = sources(join(ROOT, 'server', 'src')).filter((f) => !f.startsWith(configDir) && loader.test(readFileSync(f, 'utf8')));
    assert.deepEqual(
      elsewhere.map((f) => relative(ROOT, f)),
      [],
    );
    assert.ok(loader.test(readFileSync(join(configDir, 'load-config.ts'), 'utf8')), 'the pattern finds the loader where it is');
    assert.deepEqual(reaching(['packs'], /(^|\/)config\//), []);
  });

  it('the check finds a forbidden import when there is one (it reads real imports)', () => {
    // cli/lint-file.ts does import the engine's public entry and the reporting layer.
    assert.ok(reaching(['cli/lint-file.ts'], /(^|\/)report\//).length > 0);
    assert.ok(reaching(['cli/lint-file.ts'], /^\.\.\/engine$/).length > 0);
    // rules/ does import model/ (an earlier stage), so the stage check resolves real paths.
    assert.ok(engineImports().some(({ stage, target }) => stage === 'rules' && target === 'model'));
  });
});
