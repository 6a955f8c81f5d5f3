import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_NESTING } from '../../server/src/packs/read-limits';
import { CLI, removeDir, type Run } from './run';

/**
 * Issue 13 item 8 through the real binary (test/packs/hostile-keys.test.ts checks the
 * same inputs in process): a rule called `constructor`, presets that extend each other
 * in a loop, a UTF-16 pack.yaml, 200,000 nested `[` and `extends: ["cx-core/toString"]`.
 * README, "Threat model": such names are ordinary names, and a file that cannot be used
 * gets one message at its file, line and column; "Command line": exit code 2 is a
 * configuration or pack error, with `file:line:col`. Never an inherited member of
 * Object.prototype ("function Object() { [native code] }") or a stack overflow.
 */

const POSTING = '# Customer Experience Manager\n\n## Responsibilities\n\n- Answer customer calls.\n';
const RULE = (id: string) =>
  `id: ${id}\nseverity: warning\ndescription: A rule.\nappliesTo:\n  - kinds: [posting, charter, other]\ncheck:\n  type: phrase\n  class: customer\n  scope: document\nmessage: "Matched {match}."\n`;

/** A temp project: a posting (job.md), the given files, and a .cxlintrc.json when `config` is given. */
function project(files: Record<string, string | Buffer>, config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-lint-hostile-names-'));
  for (const [p, text] of Object.entries({ 'job.md': POSTING, ...(config === undefined ? {} : { '.cxlintrc.json': config }), ...files })) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** The built CLI in `cwd`, killed after 60 s: a loop or a hang fails here instead of hanging the suite. */
function cli(cwd: string, args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.signal, null, `cx-lint ${args.join(' ')} was killed (${r.signal}): it hung`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Nothing of JavaScript's insides reaches the user: no inherited function, no stack overflow, no stack trace. */
function assertNoInsides(r: Run): void {
  const out = r.stdout + r.stderr;
  for (const s of ['function Object', '[native code]', 'call stack']) assert.ok(!out.includes(s), `"${s}" in the output:\n${out}`);
  assert.doesNotMatch(out, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace in the output');
}

/** A lint stopped by a configuration error: exit 2, the error on stderr, job.md reported as not linted. */
function assertConfigError(r: Run, where: RegExp): void {
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, where);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { results: Array<{ filePath: string; fatal?: string }> }).results.map((f) => [f.filePath, f.fatal]),
    [['job.md', 'configuration error; not linted']],
  );
  assertNoInsides(r);
}

/** `pack validate pack` on a pack that does not load: exit 2, the one problem at its place, the count. */
function assertInvalidPack(r: Run, where: RegExp): void {
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stdout, where);
  assert.match(r.stdout, /^✖ 1 problem$/m);
  assertNoInsides(r);
}

describe('hostile pack names and pack files through the CLI (issue 13 item 8)', function () {
  // Each case runs the real CLI twice; on a shared 2-core machine that is seconds.
  this.timeout(120_000);
  let dir: string | undefined;
  afterEach(() => {
    if (dir) removeDir(dir);
    dir = undefined;
  });

  it('a rule whose id is "constructor" (and a preset of that name) is an ordinary rule: pack validate passes, lint reports it', () => {
    dir = project(
      {
        'pack/pack.yaml':
          'name: proto-pack\nversion: 1.0.0\nengine: "^1.0.0"\nrules: rules/*.yaml\npresets:\n  constructor:\n    rules:\n      constructor: error\n',
        'pack/rules/c.yaml': RULE('constructor'),
      },
      '{\n  "root": true,\n  "packs": ["./pack"],\n  "extends": ["cx-core/recommended", "proto-pack/constructor"]\n}\n',
    );
    const v = cli(dir, ['pack', 'validate', 'pack']);
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /^✔ proto-pack@1\.0\.0: 1 rule, 0 lexicon classes, 1 preset; valid$/m);
    assertNoInsides(v);
    const l = cli(dir, ['--format', 'json', 'job.md']);
    assert.equal(l.status, 1, l.stdout + l.stderr);
    const [file] = (
      JSON.parse(l.stdout) as { results: Array<{ messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }> }> }
    ).results;
    assert.deepEqual(
      file.messages.filter((m) => m.ruleId === 'constructor').map((m) => [m.severity, m.message, m.line, m.column]),
      [['error', 'Matched customer.', 5, 10]],
    );
    assertNoInsides(l);
  });

  it('"toString" next to a pack whose rule is "constructor": an unknown rule, exit 2 at its key in .cxlintrc.json', () => {
    dir = project(
      { 'pack/pack.yaml': 'name: proto-pack\nversion: 1.0.0\nrules: rules/*.yaml\n', 'pack/rules/c.yaml': RULE('constructor') },
      '{\n  "root": true,\n  "packs": ["./pack"],\n  "rules": {\n    "constructor": "error",\n    "toString": "error"\n  }\n}\n',
    );
    assertConfigError(cli(dir, ['--format', 'json', 'job.md']), /\.cxlintrc\.json:6:5: unknown rule "toString": no loaded pack has it/);
  });

  it('presets that extend each other in a loop: exit 2 at the entry that closes the loop, from pack validate and from lint', () => {
    dir = project(
      {
        'pack/pack.yaml':
          'name: loop-pack\nversion: 1.0.0\npresets:\n  a:\n    extends: [loop-pack/b]\n  b:\n    extends: [loop-pack/c]\n  c:\n    extends:\n      - loop-pack/a\n',
      },
      '{\n  "root": true,\n  "packs": ["./pack"],\n  "extends": ["loop-pack/a"]\n}\n',
    );
    const where =
      /pack[\\/]pack\.yaml:10:9: preset "c" extends "loop-pack\/a", which leads back to it \(loop-pack\/a → loop-pack\/b → loop-pack\/c → loop-pack\/a\)\. Remove one of these extends\./;
    assertInvalidPack(cli(dir, ['pack', 'validate', 'pack']), where);
    assertConfigError(cli(dir, ['--format', 'json', 'job.md']), where);
  });

  it('a pack.yaml saved as UTF-16 with a byte order mark: exit 2 at 1:1, saying UTF-16, from pack validate and from lint', () => {
    dir = project(
      { 'pack/pack.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: utf16-pack\nversion: 1.0.0\n', 'utf16le')]) },
      '{\n  "root": true,\n  "packs": ["./pack"]\n}\n',
    );
    const where = /pack[\\/]pack\.yaml:1:1: this file is not UTF-8 \(it looks like UTF-16, from its byte order mark\)\. Save it as UTF-8\./;
    assertInvalidPack(cli(dir, ['pack', 'validate', 'pack']), where);
    assertConfigError(cli(dir, ['--format', 'json', 'job.md']), where);
  });

  it('a pack.yaml with 200,000 nested "[": exit 2 where the nesting passes the limit, from pack validate and from lint', () => {
    dir = project(
      { 'pack/pack.yaml': `name: deep-pack\nversion: 1.0.0\nvocabulary: ${'['.repeat(200_000)}\n` },
      '{\n  "root": true,\n  "packs": ["./pack"]\n}\n',
    );
    // "vocabulary: " is 12 characters: the place is on line 3, MAX_NESTING brackets in (as in test/packs/hostile-keys.test.ts).
    const where = new RegExp(
      `pack[\\\\/]pack\\.yaml:3:${12 + MAX_NESTING}: lists and maps nest more than ${MAX_NESTING} levels deep here; cx-lint reads at most ${MAX_NESTING} levels\\. Flatten the data\\.`,
    );
    assertInvalidPack(cli(dir, ['pack', 'validate', 'pack']), where);
    assertConfigError(cli(dir, ['--format', 'json', 'job.md']), where);
  });

  it('extends: ["cx-core/toString"]: an unknown preset, exit 2 at the entry in .cxlintrc.json, with the known presets', () => {
    dir = project({}, '{\n  "root": true,\n  "extends": [\n    "cx-core/toString"\n  ]\n}\n');
    const r = cli(dir, ['--format', 'json', 'job.md']);
    assertConfigError(
      r,
      /\.cxlintrc\.json:4:5: unknown preset "cx-core\/toString" in "extends" \(pack "cx-core" has no preset "toString"\)\..* Known presets: cx-core\/recommended, cx-core\/strict\./,
    );
  });
});
