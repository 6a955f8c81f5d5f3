import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { HOSTILE_EXPECTATIONS } from '../helpers/hostile-packs';
import { removeDir, run } from './run';

const EXAMPLE = join(ROOT, 'examples', 'packs', 'cx-association-titles');
const HOSTILE = join(ROOT, 'test', 'fixtures', 'packs', 'hostile');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'cx-lint-pack-cli-'));
}

describe('cx-lint pack …', function () {
  // Each case spawns the real CLI a few times; on a shared 2-core machine that is seconds, not milliseconds.
  this.timeout(120_000);
  it('pack test passes on the built-in pack, with a summary line', () => {
    const r = run(ROOT, ['pack', 'test', 'rules/cx-core']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✔ cx-core@1\.0\.0: (\d+) passed, 0 failed \(12 rules\)$/m);
    assert.ok(Number(/(\d+) passed/.exec(r.stdout)![1]) > 100, 'examples and fixtures both ran');
  });

  it('pack validate and pack test pass on the example third-party pack', () => {
    const v = run(ROOT, ['pack', 'validate', 'examples/packs/cx-association-titles']);
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /✔ @cxpa\/cx-lint-pack-titles@1\.0\.0: 3 rules, 3 lexicon classes, 2 presets; valid/);
    const t = run(ROOT, ['pack', 'test', 'examples/packs/cx-association-titles']);
    assert.equal(t.status, 0, t.stdout + t.stderr);
    assert.match(t.stdout, /✔ @cxpa\/cx-lint-pack-titles@1\.0\.0: \d+ passed, 0 failed \(3 rules\)/);
  });

  it('pack init writes a skeleton that passes pack validate and pack test as it stands', () => {
    const dir = temp();
    try {
      const i = run(dir, ['pack', 'init', 'house-words']);
      assert.equal(i.status, 0, i.stderr);
      const files = readdirSync(join(dir, 'house-words'), { recursive: true }).map(String).sort();
      for (const f of [
        'pack.yaml',
        'package.json',
        'README.md',
        'rules/house-words-no-buzzword-titles/rule.yaml',
        'rules/house-words-no-buzzword-titles/README.md',
      ])
        assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
      assert.equal(JSON.parse(readFileSync(join(dir, 'house-words', 'package.json'), 'utf8')).name, 'cx-lint-pack-house-words');
      const v = run(dir, ['pack', 'validate', 'house-words']);
      assert.equal(v.status, 0, v.stdout);
      assert.doesNotMatch(v.stdout, /^!/m, 'the skeleton draws no advice either');
      const t = run(dir, ['pack', 'test', 'house-words']);
      assert.equal(t.status, 0, t.stdout);
      assert.match(t.stdout, /✔ cx-lint-pack-house-words@0\.1\.0: 4 passed, 0 failed \(1 rules\)/);
      // And a project can use it by its short name.
      writeFileSync(
        join(dir, '.cxlintrc.json'),
        JSON.stringify({ root: true, packs: ['./house-words'], extends: ['cx-core/recommended', 'house-words/strict'] }),
      );
      writeFileSync(join(dir, 'job.md'), '# Customer Success Guru\n\n## Responsibilities\n\n- Help members get started with their accounts\n');
      const l = run(dir, ['job.md', '--format', 'json']);
      const ids = JSON.parse(l.stdout).results[0].messages.map((m: { ruleId: string; severity: string }) => `${m.ruleId}:${m.severity}`);
      assert.ok(ids.includes('house-words-no-buzzword-titles:warning'), ids.join());
      // Linting the project folder does not lint the pack's own docs and fixtures.
      const all = run(dir, ['--format', 'json']);
      assert.deepEqual(
        JSON.parse(all.stdout).results.map((f: { filePath: string }) => f.filePath),
        ['job.md'],
      );
    } finally {
      removeDir(dir);
    }
  });

  it('pack validate gives advice (no engine range, no docs) without failing', () => {
    const r = run(HOSTILE, ['pack', 'validate', 'backtracking-regex']);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /^! .*pack\.yaml: no "engine" range; add engine: "\^1\.0\.0"/m);
    assert.match(r.stdout, /^! rule "evil-backtracking" has no docs/m);
  });

  it('pack init refuses a folder that is not empty', () => {
    const dir = temp();
    writeFileSync(join(dir, 'notes.md'), 'x');
    const r = run(dir, ['pack', 'init']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is not empty/);
    removeDir(dir);
  });

  it('pack test fails (exit 1) when an example does not hold, and says which', () => {
    const dir = temp();
    cpSync(EXAMPLE, join(dir, 'p'), { recursive: true });
    const yaml = join(dir, 'p', 'pack.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('{2,}', '{5,}'));
    const r = run(dir, ['pack', 'test', 'p']);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, /✖ cxpa-acronym-stack: invalid "CX\/UX\/EX": expected a finding, got none/);
    assert.match(r.stdout, /✖ @cxpa\/cx-lint-pack-titles@1\.0\.0: \d+ passed, 2 failed \(3 rules\)/);
    removeDir(dir);
  });

  describe('hostile packs: exit 2 with file:line:col, never a crash', () => {
    it('pack validate on every hostile fixture at once', () => {
      const names = [...new Set(HOSTILE_EXPECTATIONS.map(([n]) => n))];
      const r = run(HOSTILE, ['pack', 'validate', ...names]);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(r.stderr, '');
      const out = r.stdout.replace(/\\/g, '/');
      for (const [name, re] of HOSTILE_EXPECTATIONS) assert.match(out, re, name);
      assert.equal(out.match(/^✖ \d+ problems?$/gm)?.length, names.length, 'one summary per pack');
    });
    it('linting with a hostile pack in the config: exit 2, a configuration error, no stack trace', () => {
      const dir = temp();
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, packs: [join(HOSTILE, 'future-engine')] }));
      writeFileSync(join(dir, 'job.md'), '# Customer Experience Manager\n');
      const r = run(dir, ['job.md']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /configuration error\n.*future-engine[\\/]pack\.yaml:3:9: pack "future-engine" needs cx-lint engine >=3\.0\.0/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      removeDir(dir);
    });
  });

  describe('lockfile', () => {
    function project(): string {
      const dir = temp();
      cpSync(EXAMPLE, join(dir, 'node_modules', '@cxpa', 'cx-lint-pack-titles'), { recursive: true });
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, extends: ['cx-core/recommended', '@cxpa/titles/strict'] }));
      writeFileSync(join(dir, 'job.md'), '# CX/UX/EX Lead\n\n## Responsibilities\n\n- Interview customers about the checkout journey with product and IT\n');
      return dir;
    }

    it('pack lock records each third-party pack with a sha256; lint verifies it; a changed pack fails with exit 2', () => {
      const dir = project();
      try {
        const l = run(dir, ['pack', 'lock']);
        assert.equal(l.status, 0, l.stderr);
        assert.match(l.stdout, /locked 1 pack in cx-lint\.lock\.json:\n {2}@cxpa\/cx-lint-pack-titles@1\.0\.0 {2}node_modules\/@cxpa\/cx-lint-pack-titles/);
        const lock = JSON.parse(readFileSync(join(dir, 'cx-lint.lock.json'), 'utf8'));
        assert.deepEqual(Object.keys(lock.packs), ['@cxpa/cx-lint-pack-titles']);
        assert.match(lock.packs['@cxpa/cx-lint-pack-titles'].integrity, /^sha256-[A-Za-z0-9+/]{43}=$/);
        assert.equal(lock.packs['@cxpa/cx-lint-pack-titles'].source, '@cxpa/cx-lint-pack-titles');

        const ok = run(dir, ['job.md']);
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, /cxpa-acronym-stack/);

        appendFileSync(join(dir, 'node_modules', '@cxpa', 'cx-lint-pack-titles', 'rules', 'cxpa-acronym-stack', 'README.md'), '\nEdited after review.\n');
        const bad = run(dir, ['job.md']);
        assert.equal(bad.status, 2);
        assert.equal(bad.stdout, '');
        assert.match(
          bad.stderr,
          /lockfile check failed \(cx-lint\.lock\.json\)\npack "@cxpa\/cx-lint-pack-titles" at .* has changed since cx-lint\.lock\.json was written: expected sha256-\S+, found sha256-\S+\. Review the change, then run "cx-lint pack lock"/,
        );

        const skip = run(dir, ['job.md', '--no-lockfile']);
        assert.equal(skip.status, 0, skip.stderr);
        assert.equal(run(dir, ['pack', 'lock']).status, 0);
        assert.equal(run(dir, ['job.md']).status, 0, 'relocking accepts the change');
      } finally {
        removeDir(dir);
      }
    });

    it('a pack missing from the lockfile fails; the same bytes elsewhere hash the same', () => {
      const dir = project();
      const other = project();
      try {
        writeFileSync(join(dir, 'cx-lint.lock.json'), JSON.stringify({ lockfileVersion: 1, engine: '1.0.0', packs: {} }));
        const r = run(dir, ['job.md']);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /pack "@cxpa\/cx-lint-pack-titles" \(.*\) is not in cx-lint\.lock\.json\. Review it, then run "cx-lint pack lock" to add it\./);
        run(dir, ['pack', 'lock']);
        run(other, ['pack', 'lock']);
        const hash = (d: string) => JSON.parse(readFileSync(join(d, 'cx-lint.lock.json'), 'utf8')).packs['@cxpa/cx-lint-pack-titles'].integrity;
        assert.equal(hash(dir), hash(other));
      } finally {
        removeDir(dir);
        removeDir(other);
      }
    });

    it('a corrupt lockfile is a clear exit 2', () => {
      const dir = project();
      writeFileSync(join(dir, 'cx-lint.lock.json'), '{ not json');
      const r = run(dir, ['job.md']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot read the lockfile/);
      assert.ok(existsSync(join(dir, 'job.md')));
      removeDir(dir);
    });
  });

  it('unknown pack commands and missing folders are usage errors (exit 2)', () => {
    assert.equal(run(ROOT, ['pack', 'publish']).status, 2);
    assert.equal(run(ROOT, ['pack', 'validate']).status, 2);
    const mixed = run(ROOT, ['pack', 'validate', 'rules/cx-core', 'no/such/folder']);
    assert.equal(mixed.status, 2, 'the worst result wins');
    assert.match(mixed.stdout, /✔ cx-core@1\.0\.0/);
    const r = run(ROOT, ['pack', 'validate', 'no/such/folder']);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /no such pack folder/);
  });
});
