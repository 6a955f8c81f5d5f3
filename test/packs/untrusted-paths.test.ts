/**
 * Issue 13, item 1: a config can name any file on the machine, and no message may
 * quote a file that is not recognisably a config or pack. The "secret" here is a
 * file shaped like /etc/shadow, a YAML file with a tag and a credentials line,
 * generated at run time; none of its text may appear in anything cx-lint prints.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/run';
import { ROOT } from '../helpers/fixtures';

/** Text of the secrets, none of which may be printed. */
const SECRET_WORDS = ['root', '19000', 'daemon', 'hunter2', 'api_token', 'vault-secret', 'AKIA'];
const SECRETS = {
  shadow: 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\napi_token: hunter2\n',
  tagged: 'api_token: !vault-secret hunter2\nAKIAEXAMPLE: "\\q"\n',
  json: '{"api_token": "hunter2", "AKIAEXAMPLE": 1}\n',
};

function assertQuotesNothing(out: string, secret: string): void {
  for (const w of SECRET_WORDS) assert.ok(!out.includes(w), `"${w}" of ${secret} was printed:\n${out}`);
}

describe('no message quotes a file that is not a config or pack (issue 13, item 1)', function () {
  this.timeout(60_000);
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-untrusted-'));
    outside = mkdtempSync(join(tmpdir(), 'cx-lint-outside-'));
    for (const [name, text] of Object.entries(SECRETS)) writeFileSync(join(outside, name), text);
    writeFileSync(join(dir, 'a.md'), '# Customer Experience Associate\n\n- Answer calls\n');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  for (const secret of Object.keys(SECRETS)) {
    it(`"packs": ["<${secret}>"]: refused as not a pack, by path, quoting nothing of it`, () => {
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: [join(outside, secret)] }));
      const r = run(dir, ['a.md']);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${join(outside, secret)}:1:1: is not a pack`), r.stderr);
      assertQuotesNothing(r.stdout + r.stderr, secret);
    });

    it(`--config <${secret}>: refused as not a config, quoting nothing of it`, () => {
      const r = run(dir, ['--config', join(outside, secret), 'a.md']);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${join(outside, secret)}:1:1: is not a cx-lint config`), r.stderr);
      assertQuotesNothing(r.stdout + r.stderr, secret);
    });

    it(`a pack folder whose pack.yaml is <${secret}>: refused as not a manifest, quoting nothing of it`, () => {
      mkdirSync(join(dir, 'p'));
      writeFileSync(join(dir, 'p', 'pack.yaml'), SECRETS[secret as keyof typeof SECRETS]);
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./p'] }));
      const r = run(dir, ['a.md']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /p\/pack\.yaml:1:1: is not a cx-lint pack manifest/);
      assertQuotesNothing(r.stdout + r.stderr, secret);
    });

    it(`--baseline <${secret}> and a lockfile holding <${secret}>: refused, quoting nothing of it`, () => {
      const base = run(dir, ['--baseline', join(outside, secret), 'a.md']);
      assert.equal(base.status, 2, base.stderr);
      assertQuotesNothing(base.stdout + base.stderr, secret);
      // A lockfile is read only for a config with a third-party pack (decision 51).
      cpSync(join(ROOT, 'examples', 'packs', 'cx-association-titles'), join(dir, 'pack'), { recursive: true });
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./pack'] }));
      writeFileSync(join(dir, 'cx-lint.lock.json'), readFileSync(join(outside, secret)));
      const lock = run(dir, ['a.md']);
      assert.equal(lock.status, 2, lock.stderr);
      assert.match(lock.stderr, /cannot read the lockfile|not a cx-lint lockfile/);
      assertQuotesNothing(lock.stdout + lock.stderr, secret);
    });
  }

  it('a file that is recognisably a config or pack still gets every located message, typos named', () => {
    writeFileSync(join(dir, '.cxlintrc.json'), '{\n  "rules": {},\n  "rulez": {}\n}\n');
    const cfg = run(dir, ['a.md']);
    assert.equal(cfg.status, 2, cfg.stderr);
    assert.match(cfg.stderr, /\.cxlintrc\.json:3:3: unknown property "rulez" in \(top level\)/);
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'pack.yaml'), 'name: p\nversion: 1.0.0\nlexicon: {}\n');
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./p'] }));
    const pack = run(dir, ['a.md']);
    assert.equal(pack.status, 2, pack.stderr);
    assert.match(pack.stderr, /p\/pack\.yaml:3:1: unknown property "lexicon"/);
  });

  it('a rule file that is not recognisably a rule is refused without quoting it', () => {
    const pack = join(dir, 'p');
    cpSync(join(ROOT, 'examples', 'packs', 'cx-association-titles'), pack, { recursive: true });
    writeFileSync(join(pack, 'rules', 'cxpa-acronym-stack', 'rule.yaml'), SECRETS.shadow);
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./p'] }));
    const r = run(dir, ['a.md']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cxpa-acronym-stack\/rule\.yaml:1:1: is not a cx-lint rule file/);
    assertQuotesNothing(r.stdout + r.stderr, 'shadow');
  });
});
