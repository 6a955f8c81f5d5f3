import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDir, run } from './run';

/**
 * Issue 13 item 7: installing a pack must not take over cx-lint. npm links a package's
 * `bin` entries into node_modules/.bin even with --ignore-scripts and runs lifecycle
 * scripts without it, so `pack validate` refuses them; `pack init` writes a package
 * that installs offline and keeps the scope it is given.
 */
describe('a pack package cannot take over cx-lint (issue 13 item 7)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-pack-pj-'));
  });
  afterEach(() => removeDir(dir));

  it('pack init @acme/titles writes the scoped name in package.json and pack.yaml, and no peerDependencies', () => {
    const i = run(dir, ['pack', 'init', '@acme/titles']);
    assert.equal(i.status, 0, i.stderr);
    assert.match(i.stdout, /Created the pack "@acme\/cx-lint-pack-titles"/);
    const pj = JSON.parse(readFileSync(join(dir, '@acme', 'titles', 'package.json'), 'utf8'));
    assert.equal(pj.name, '@acme/cx-lint-pack-titles');
    for (const key of ['peerDependencies', 'dependencies', 'bin', 'main', 'scripts']) assert.equal(pj[key], undefined, key);
    assert.match(readFileSync(join(dir, '@acme', 'titles', 'pack.yaml'), 'utf8'), /^name: "@acme\/cx-lint-pack-titles"$/m);
    const v = run(dir, ['pack', 'validate', '@acme/titles']);
    assert.equal(v.status, 0, v.stdout);
    assert.match(v.stdout, /✔ @acme\/cx-lint-pack-titles@0\.1\.0: 1 rule/);
    const t = run(dir, ['pack', 'test', '@acme/titles']);
    assert.equal(t.status, 0, t.stdout);
  });

  it('pack validate refuses bin, directories.bin, main, install-time scripts and native builds, each at its line', () => {
    assert.equal(run(dir, ['pack', 'init', 'p']).status, 0);
    const file = join(dir, 'p', 'package.json');
    const pj = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(pj, {
      bin: { 'cx-lint': 'evil.js' },
      main: 'evil.js',
      directories: { bin: 'tools' },
      scripts: { test: 'cx-lint pack test .', preinstall: 'node evil.js', install: 'node evil.js', postinstall: 'node evil.js', prepare: 'node evil.js' },
      gypfile: true,
    });
    const text = JSON.stringify(pj, null, 2);
    writeFileSync(file, text);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const r = run(dir, ['pack', 'validate', 'p']);
    assert.equal(r.status, 2, r.stdout);
    const out = r.stdout.replace(/\\/g, '/');
    assert.match(
      out,
      new RegExp(
        `p/package\\.json:${lineOf('"bin": {')}:3: a pack's package\\.json may not have "bin": npm links "bin" commands into node_modules/\\.bin on install, even with --ignore-scripts`,
      ),
    );
    assert.match(out, new RegExp(`p/package\\.json:${lineOf('"main"')}:3: a pack's package\\.json may not have "main"`));
    assert.match(out, new RegExp(`p/package\\.json:${lineOf('"bin": "tools"')}:5: a pack's package\\.json may not have "directories\\.bin"`));
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) {
      assert.match(
        out,
        new RegExp(
          `p/package\\.json:${lineOf(`"${s}"`)}:5: a pack's package\\.json may not have a "${s}" script: npm runs it when the pack is installed \\(unless --ignore-scripts\\)`,
        ),
        s,
      );
    }
    assert.doesNotMatch(out, /"test" script/);
    assert.match(out, /p\/package\.json:1:1: a pack may not build native code/);
    assert.match(out, /✖ 8 problems/);
  });
});
