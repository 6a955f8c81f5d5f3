import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDir, run } from '../cli/run';
import { ROOT } from '../helpers/fixtures';

const EXAMPLE = join(ROOT, 'examples', 'packs', 'cx-association-titles');
const RULE = join('rules', 'cxpa-acronym-stack');
/** Text that must never appear in any output: it lives outside every pack. */
const SECRET = 'SECRET-OUTSIDE-THE-PACK';

/**
 * A project with a copy of the example pack in packs/titles, used by its config, and
 * a folder `outside/` next to it holding files the pack links to.
 */
function project(): { dir: string; pack: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cx-links-'));
  const pack = join(dir, 'packs', 'titles');
  cpSync(EXAMPLE, pack, { recursive: true });
  const outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(
    join(dir, '.cxlintrc.json'),
    JSON.stringify({ root: true, packs: ['./packs/titles'], extends: ['cx-core/recommended', '@cxpa/cx-lint-pack-titles/strict'] }),
  );
  writeFileSync(join(dir, 'job.md'), '# CX/UX/EX Lead\n\n## Responsibilities\n\n- Interview customers about the checkout journey\n');
  return { dir, pack, outside };
}

/** Replaces a file of the pack with a link to a new file outside it. */
function linkOut(pack: string, rel: string, outside: string, text: string): void {
  const target = join(outside, rel.replace(/[\\/]/g, '_'));
  writeFileSync(target, text);
  rmSync(join(pack, rel), { recursive: true, force: true });
  symlinkSync(target, join(pack, rel));
}

describe('pack files linked out of the pack are never read (realpath containment)', () => {
  let p: ReturnType<typeof project>;
  beforeEach(() => (p = project()));
  afterEach(() => removeDir(p.dir));

  it('--explain does not print a rule README that links out of the pack: the pack is refused at the docs line', () => {
    linkOut(p.pack, join(RULE, 'README.md'), p.outside, `# ${SECRET}\n`);
    const r = run(p.dir, ['--explain', 'cxpa-acronym-stack']);
    assert.equal(r.status, 2, r.stdout);
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(SECRET));
    assert.match(
      r.stderr,
      /rule\.yaml:\d+:7: this docs file "README\.md" is a link that leaves the pack folder; it was not read \(it leads to .*outside.*\)\. Copy the file into the pack/,
    );
    // pack validate says the same, so validate and lint agree.
    const v = run(p.dir, ['pack', 'validate', 'packs/titles']);
    assert.equal(v.status, 2);
    assert.match(v.stdout, /docs file "README\.md" is a link that leaves the pack folder/);
  });

  it('pack test neither lints nor echoes a fixture, or a fixtures folder, that links out of the pack', () => {
    linkOut(p.pack, join(RULE, 'fixtures', 'valid', 'two-acronyms.md'), p.outside, '# CX Researcher\n\n## Responsibilities\n\n- Interview customers\n');
    const invalidDir = join(p.outside, 'invalid');
    mkdirSync(invalidDir);
    writeFileSync(join(invalidDir, 'stack.md'), `# CX/UX/EX Lead <!-- expect-title: cxpa-acronym-stack -->\n\n${SECRET}\n`);
    rmSync(join(p.pack, RULE, 'fixtures', 'invalid'), { recursive: true });
    symlinkSync(invalidDir, join(p.pack, RULE, 'fixtures', 'invalid'));
    const r = run(p.dir, ['pack', 'test', 'packs/titles']);
    assert.equal(r.status, 1, r.stdout);
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(SECRET));
    assert.match(
      r.stdout,
      /✖ cxpa-acronym-stack: valid "fixtures\/valid\/two-acronyms\.md": this fixture is a link that leaves the pack folder; it was not read/,
    );
    assert.match(r.stdout, /✖ cxpa-acronym-stack: invalid "fixtures\/invalid\/stack\.md": this fixture is a link that leaves the pack folder; it was not read/);
  });

  it('a pack.yaml that links out of the pack is refused by lint and by pack validate', () => {
    linkOut(p.pack, 'pack.yaml', p.outside, `name: ${SECRET}\nversion: 1.0.0\n`);
    const r = run(p.dir, ['job.md']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /pack\.yaml:1:1: this manifest is a link that leaves the pack folder; it was not read/);
    assert.doesNotMatch(r.stderr, new RegExp(SECRET));
    const v = run(p.dir, ['pack', 'validate', 'packs/titles']);
    assert.equal(v.status, 2);
    assert.match(v.stdout, /this manifest is a link that leaves the pack folder/);
  });

  it('a rule folder that links out of the pack is not followed: its rule is not loaded', () => {
    const real = join(p.outside, 'rule');
    cpSync(join(p.pack, RULE), real, { recursive: true });
    writeFileSync(join(real, 'rule.yaml'), `id: ${SECRET.toLowerCase()}\n`);
    rmSync(join(p.pack, RULE), { recursive: true });
    symlinkSync(real, join(p.pack, RULE));
    const v = run(p.dir, ['pack', 'validate', 'packs/titles']);
    assert.equal(v.status, 2, v.stdout);
    assert.doesNotMatch(v.stdout, new RegExp(SECRET, 'i'));
    assert.match(v.stdout, /preset "strict" names rule "cxpa-acronym-stack", which neither this pack nor the packs it builds on define/);
  });

  it('pack validate does not echo a package.json that links out of the pack', () => {
    linkOut(p.pack, 'package.json', p.outside, JSON.stringify({ version: SECRET }));
    const v = run(p.dir, ['pack', 'validate', 'packs/titles']);
    assert.equal(v.status, 0, v.stdout);
    assert.doesNotMatch(v.stdout, new RegExp(SECRET));
    assert.match(v.stdout, /package\.json: this package\.json is a link that leaves the pack folder; it was not read/);
  });

  it('links that stay inside the pack are followed: a README linked to another file of the pack is printed', () => {
    writeFileSync(join(p.pack, 'shared.md'), '# Shared docs inside the pack\n');
    rmSync(join(p.pack, RULE, 'README.md'));
    symlinkSync(join('..', '..', 'shared.md'), join(p.pack, RULE, 'README.md'));
    const r = run(p.dir, ['--explain', 'cxpa-acronym-stack']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '# Shared docs inside the pack\n');
  });
});

describe('links that stay inside the pack are still read safely (real path first, then the safe reader)', function () {
  this.timeout(180_000);
  let p: ReturnType<typeof project>;
  before(function () {
    if (process.platform === 'win32') this.skip(); // named pipes
  });
  beforeEach(() => (p = project()));
  afterEach(() => removeDir(p.dir));

  /** Replaces a file of the pack with a relative link to the named pipe `pipe` at the pack's top. */
  const linkToPipe = (rel: string) => {
    rmSync(join(p.pack, rel), { force: true });
    const up = rel.split(/[\\/]/).length - 1;
    symlinkSync(join(...Array<string>(up).fill('..'), 'pipe'), join(p.pack, rel));
  };
  // A hang must fail the test, not the run: each CLI call is killed after a minute.
  const HANG = { timeout: 60_000 };

  it('a README, a fixture or a package.json linked to a named pipe inside the pack is refused at once, by the name the pack uses', () => {
    execFileSync('mkfifo', [join(p.pack, 'pipe')]);
    linkToPipe(join(RULE, 'README.md'));
    const explain = run(p.dir, ['--explain', 'cxpa-acronym-stack'], HANG);
    assert.notEqual(explain.status, null, 'the CLI waited on the pipe behind the README');
    assert.equal(explain.status, 2, explain.stderr);
    assert.match(explain.stderr, /cxpa-acronym-stack[\\/]README\.md: is not a regular file \(a device, socket or pipe\); not read/);

    linkToPipe(join(RULE, 'fixtures', 'valid', 'two-acronyms.md'));
    const test = run(p.dir, ['pack', 'test', 'packs/titles'], HANG);
    assert.notEqual(test.status, null, 'pack test waited on the pipe behind the fixture');
    assert.match(test.stdout, /✖ cxpa-acronym-stack: valid "fixtures\/valid\/two-acronyms\.md": is not a regular file \(a device, socket or pipe\); not read/);

    linkToPipe('package.json');
    const validate = run(p.dir, ['pack', 'validate', 'packs/titles'], HANG);
    assert.notEqual(validate.status, null, 'pack validate waited on the pipe behind package.json');
    assert.match(validate.stdout, /package\.json(?::\d+:\d+)?: is not a regular file \(a device, socket or pipe\); not read\./);
  });
});
