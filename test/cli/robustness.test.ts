import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, removeDir, run } from './run';

describe('CLI bad input and config cascade', function () {
  this.timeout(60_000);
  let dir: string;
  afterEach(() => removeDir(dir));

  it('a binary file is reported once on stderr, the other files are still linted, the exit code is theirs', () => {
    dir = copyFixture('basic');
    const without = run(dir, ['--format', 'json']).status;
    writeFileSync(join(dir, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    const r = run(dir, ['--format', 'json']);
    assert.notEqual(r.status, 2);
    assert.equal(r.status, without);
    assert.equal(r.stderr, 'cx-lint: logo.md: binary file (contains NUL bytes); not linted\n');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.results.map((x: any) => [x.filePath, x.messages.length, x.fatal ?? null]),
      [
        ['clean.md', 0, null],
        ['initiative.md', 1, null],
        ['logo.md', 0, 'binary file (contains NUL bytes); not linted'],
        ['renamed.md', 1, null],
      ],
    );
  });

  it("a folder where a Markdown file is expected is reported once, the run goes on, the exit code is the other files'", () => {
    dir = copyFixture('basic');
    const without = run(dir, []).status;
    mkdirSync(join(dir, 'archive.md'));
    for (const args of [[], ['*.md'], ['archive.md/../*.md', 'jobs-*.md']]) {
      const r = run(dir, args);
      if (args.length === 2) {
        // a glob matching nothing is a usage error (exit 2); the folder is not involved
        assert.equal(r.status, 2);
        continue;
      }
      assert.equal(r.status, without, `${args}: ${r.stderr}`);
      assert.equal(r.stderr, 'cx-lint: archive.md: is a folder, not a Markdown file; not linted\n', `${args}`);
      assert.match(r.stdout, /renamed\.md/);
      assert.match(r.stdout, /initiative\.md/);
    }
  });

  it('a named path that does not exist is a usage error: exit 2 even though no finding is an error', () => {
    dir = copyFixture('basic');
    const r = run(dir, ['clean.md', 'missing.md']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cx-lint: missing.md: no such file, folder or matching files\n');
  });

  it('config cascade: a subfolder overrides a parent rule, root: true stops the cascade', () => {
    dir = copyFixture('cascade');
    const r = run(dir, ['--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const got = JSON.parse(r.stdout).results.map((x: any) => [x.filePath, x.messages.map((m: any) => `${m.ruleId}:${m.severity}`)]);
    assert.deepEqual(got, [
      ['initiative.md', ['cx-as-initiative:error']],
      ['renamed.md', ['cx-renamed-customer-service:error']],
      // sub/.cxlintrc.json turns cx-as-initiative off, inherits the parent's error for the other rule
      ['sub/initiative.md', []],
      ['sub/renamed.md', ['cx-renamed-customer-service:error']],
      // sub/rooted/.cxlintrc.json says root: true, so only the defaults apply
      ['sub/rooted/initiative.md', ['cx-as-initiative:info']],
      ['sub/rooted/renamed.md', ['cx-renamed-customer-service:warning']],
    ]);
  });

  it('--rule wins over every config file of the cascade (docs/packs.md: … < rules in config files < --rule); rules it does not name keep theirs', () => {
    dir = copyFixture('cascade');
    for (const jobs of ['1', '2']) {
      const r = run(dir, ['--format', 'json', '--jobs', jobs, '--rule', 'cx-as-initiative=warning']);
      assert.equal(r.status, 1, r.stderr);
      const got = JSON.parse(r.stdout).results.map((x: any) => [x.filePath, x.messages.map((m: any) => `${m.ruleId}:${m.severity}`)]);
      assert.deepEqual(
        got,
        [
          // the parent config's "error" and sub's "off" both give way to --rule; so does the default ("info")
          ['initiative.md', ['cx-as-initiative:warning']],
          ['renamed.md', ['cx-renamed-customer-service:error']],
          ['sub/initiative.md', ['cx-as-initiative:warning']],
          ['sub/renamed.md', ['cx-renamed-customer-service:error']],
          ['sub/rooted/initiative.md', ['cx-as-initiative:warning']],
          ['sub/rooted/renamed.md', ['cx-renamed-customer-service:warning']],
        ],
        `--jobs ${jobs}`,
      );
    }
    const cfg = JSON.parse(run(join(dir, 'sub'), ['--print-config', 'initiative.md', '--rule', 'cx-as-initiative=hint']).stdout);
    assert.equal(cfg.rules['cx-as-initiative'], 'hint');
    assert.equal(cfg.rules['cx-renamed-customer-service'], 'error');
  });
});
