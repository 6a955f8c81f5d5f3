/**
 * The quick-start promise (README, Development): with only Node, `npm ci && npm test`
 * passes. Tests that need Neovim, Emacs or VS Code are pending with the reason and
 * the install hint when the program is missing, and fail when CI=true. Checked by
 * running the real test files in a child process with a PATH that lacks the editors.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';

const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

describe('quick start: tests that need a program the README does not ask for', function () {
  this.timeout(120_000);
  let tmp: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'cx-lint-missing-'));
    // A PATH with a shell and nothing else: no nvim, no emacs, whatever this machine has.
    const bin = join(tmp, 'bin');
    mkdirSync(bin);
    symlinkSync('/bin/sh', join(bin, 'sh'));
    env = { ...process.env, PATH: bin };
    delete env.CI;
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const editors = (extra: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [MOCHA, '--no-config', '--reporter', 'spec', '--timeout', '60000', join(ROOT, 'out', 'test', 'editors', 'editors.test.js')], {
      cwd: ROOT,
      env: { ...env, ...extra },
      encoding: 'utf8',
      timeout: 100_000,
    });

  it('Neovim and Emacs missing on a developer machine: the editor tests are pending with the reason and the install hint, and the run passes', () => {
    const r = editors({});
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\b4 pending\b/, r.stdout);
    assert.match(r.stdout, /pending: Neovim not installed: apt-get install neovim/);
    assert.match(r.stdout, /pending: Emacs not installed: apt-get install emacs-nox elpa-eglot/);
    assert.doesNotMatch(r.stdout, /\bfailing\b/);
  });

  it('Neovim and Emacs missing with CI=true: the editor tests fail, saying what is missing', () => {
    const r = editors({ CI: 'true' });
    assert.equal(r.status, 4, r.stdout + r.stderr);
    assert.match(r.stdout, /4 failing/);
    assert.match(r.stdout, /Neovim not installed: apt-get install neovim \(CI=true/);
    assert.match(r.stdout, /Emacs not installed: apt-get install emacs-nox elpa-eglot \(CI=true/);
  });

  it('the VS Code suite (npm run test:e2e) without VS Code: a skip line and exit 0; with CI=true, exit 1', () => {
    const runner = join(ROOT, 'out', 'test', 'e2e', 'run-tests.js');
    const base = { ...env, PATH: process.env.PATH, VSCODE_EXECUTABLE_PATH: '', REAL_EDITORS_DIR: join(tmp, 'no-editors') };
    const dev = spawnSync(process.execPath, [runner], { cwd: ROOT, env: base, encoding: 'utf8', timeout: 60_000 });
    assert.equal(dev.status, 0, dev.stdout + dev.stderr);
    assert.match(dev.stdout, /^\[e2e\] SKIPPED: VS Code not installed .*set VSCODE_EXECUTABLE_PATH/m);
    const ci = spawnSync(process.execPath, [runner], { cwd: ROOT, env: { ...base, CI: 'true' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(ci.status, 1, ci.stdout + ci.stderr);
    assert.match(ci.stderr, /^\[e2e\] FAIL: VS Code not installed .*\(CI=true/m);
  });
});
