/**
 * The packaged extension, not the dev folder: builds the .vsix with vsce, checks it is
 * lean, installs it into real VS Code (code-server) through the UI driver of
 * ../shared/tools/real-editors/vscode-e2e.sh, and requires a cx-lint problem in the
 * Problems panel and a working quick fix (Ctrl+.). Exit code 0 only when all holds.
 * Without the driver (not among the README's requirements) only the package is
 * checked and the UI check is skipped with the reason, except in CI (CI=true).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { skipScriptUnlessCI } from '../helpers/optional-program';

const root = resolve(__dirname, '..', '..', '..');
const MAX_BYTES = 1.5 * 1024 * 1024;

function fail(msg: string): never {
  console.error(`[vsix] FAIL: ${msg}`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'cx-lint-vsix-'));
try {
  const vsix = join(tmp, 'cx-lint.vsix');
  const pack = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  if (pack.status !== 0) fail(`vsce package failed:\n${pack.stdout}\n${pack.stderr}`);
  const size = statSync(vsix).size;
  console.log(`[vsix] packaged ${(size / 1024).toFixed(0)} KB`);
  if (size > MAX_BYTES) fail(`the .vsix is ${(size / 1048576).toFixed(2)} MB; the budget is 1.5 MB (check .vscodeignore)`);
  const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (list.status === 0) {
    const files = list.stdout.split('\n').filter(Boolean);
    const stray = files.filter((f) => /\/(fixtures|test|node_modules|src)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    if (stray.length) fail(`files that should not ship: ${stray.slice(0, 5).join(', ')}`);
    for (const need of [
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/rules/cx-core/pack.yaml',
      'extension/rules/schema/config.schema.json',
    ]) {
      if (!files.includes(need)) fail(`missing from the .vsix: ${need}`);
    }
  }

  const driver = resolve(process.env.REAL_EDITORS_DIR ?? resolve(root, '..', 'shared', 'tools', 'real-editors'), 'vscode-e2e.sh');
  if (!existsSync(driver)) {
    rmSync(tmp, { recursive: true, force: true });
    skipScriptUnlessCI(
      '[vsix]',
      `the package was checked, but the UI check needs the offline VS Code driver, not installed at ${driver}: set REAL_EDITORS_DIR to it (.ci/run does)`,
    );
  }
  const ws = join(tmp, 'ws');
  spawnSync('mkdir', ['-p', ws]);
  copyFileSync(join(root, 'examples', 'customer-experience-associate.md'), join(ws, 'customer-experience-associate.md'));
  const run = spawnSync(driver, [vsix, ws, '--fix', '--files', 'customer-experience-associate.md', '--fix-title', '^Retitle', '--out', join(tmp, 'shots')], {
    encoding: 'utf8',
    timeout: 240000,
  });
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  // The driver reads the Problems panel row: its text carries "| cx-lint | <code> |".
  const problems = lines.filter((l) => l.type === 'problem' && (l.source === 'cx-lint' || String(l.text ?? '').includes('| cx-lint |')));
  const fix = lines.find((l) => l.type === 'fix');
  console.log(`[vsix] problems from cx-lint: ${problems.map((p) => String(p.code)).join(', ') || 'none'}`);
  if (!problems.some((p) => p.code === 'cx-renamed-customer-service'))
    fail(`no cx-renamed-customer-service problem in the Problems panel (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
  if (!fix || fix.ok !== true) fail(`the quick fix did not apply: ${JSON.stringify(fix)}\n${run.stderr.slice(-3000)}`);
  if (!String(fix.after).includes('# Customer Service Associate')) fail(`unexpected text after the fix: ${String(fix.after).slice(0, 200)}`);
  console.log('[vsix] OK: installed from the .vsix, problem shown, quick fix applied through Ctrl+.');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
