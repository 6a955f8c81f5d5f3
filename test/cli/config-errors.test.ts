import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { removeDir, run } from './run';

/**
 * Issue 15, bugs 2–4, in the CLI: .cxlintrc.json is read as JSON with comments (as
 * tsconfig is) and its syntax errors say JSON; config mistakes are reported at their
 * key or value with what is allowed and the nearest valid name; a pack's package.json
 * marker is not a config, so naming the example pack's folder lints it.
 */
describe('CLI: config errors where they are (issue 15)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-cfg-'));
    copyFileSync(join(ROOT, 'examples', 'customer-experience-associate.md'), join(dir, 'a.md'));
  });
  afterEach(() => removeDir(dir));

  const lintWith = (rc: string) => {
    writeFileSync(join(dir, '.cxlintrc.json'), rc);
    return run(dir, ['a.md']);
  };

  it('comments and trailing commas are allowed in .cxlintrc.json', () => {
    const r = lintWith(
      '{\n  // our house style\n  "extends": ["cx-core/recommended",],\n  /* quiet for now */\n  "rules": { "cx-as-initiative": "off", },\n}\n',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /cx-renamed-customer-service/);
    assert.doesNotMatch(r.stdout, /cx-as-initiative/);
  });

  it('a JSON syntax error says JSON, with its line and column', () => {
    const r = lintWith('{\n  "rules": { "cx-as-initiative": "off" }\n  "root": true\n}\n');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.cxlintrc\.json:3:3: JSON syntax error: expected "," between items\. Fix the JSON syntax/);
    assert.doesNotMatch(r.stderr, /YAML/);
  });

  it('an unknown preset: at the entry, with the nearest one', () => {
    const r = lintWith('{\n  "extends": [\n    "cx-core/recomended"\n  ]\n}\n');
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /\.cxlintrc\.json:3:5: unknown preset "cx-core\/recomended" in "extends" .*Did you mean "cx-core\/recommended"\? Known presets: cx-core\/recommended, cx-core\/strict\./,
    );
  });

  it('unknown rules and options, wrong types and ranges: each at its key or value, saying what is allowed', () => {
    const r = lintWith(
      [
        '{',
        '  "rules": {',
        '    "cx-as-initiativ": "off",',
        '    "cx-renamed-customer-service": ["warning", { "minShar": 0.4, "minShare": 7, "minCount": 1.5 }],',
        '    "cx-renamed-sales": ["warning", { "class": "customer" }]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    assert.equal(r.status, 2);
    const lines = r.stderr.split('\n');
    const line = (re: RegExp) => lines.find((l) => re.test(l)) ?? assert.fail(`no line matching ${re} in:\n${r.stderr}`);
    assert.match(line(/unknown rule "cx-as-initiativ"/), /\.cxlintrc\.json:3:5: .*Did you mean "cx-as-initiative"\?/);
    assert.match(line(/no option "minShar"/), /\.cxlintrc\.json:4:50: .*Did you mean "minShare"\? Its options: minShare \(a number from 0 to 1\)/);
    assert.match(
      line(/"minShare" .* must be/),
      /\.cxlintrc\.json:4:78: option "minShare" of rule "cx-renamed-customer-service" must be a number from 0 to 1 \(got 7\)\./,
    );
    assert.match(line(/"minCount" .* must be/), /\.cxlintrc\.json:4:93: .*must be a whole number of at least 1 \(got 1\.5\)/);
    // A class is not an option: it would silently make another rule (or none).
    assert.match(line(/no option "class"/), /\.cxlintrc\.json:5:39: rule "cx-renamed-sales" has no option "class"\. Its options: /);
  });

  it('a severity ESLint users type ("warn") is read as warning; a misspelt one gets the nearest', () => {
    assert.equal(lintWith('{\n  "rules": {\n    "cx-as-initiative": "warn"\n  }\n}\n').status, 0);
    const r = lintWith('{\n  "rules": {\n    "cx-as-initiative": "warnng"\n  }\n}\n');
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /\.cxlintrc\.json:3:25: .*must be one of "error", "warning", "info", "hint", "off", "warn" \(got "warnng"\)\. Did you mean "warning"\?/,
    );
  });

  it('an unknown top-level key gets the nearest one and the list of keys', () => {
    const r = lintWith('{\n  "extend": ["cx-core/strict"],\n  "rules": {}\n}\n');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.cxlintrc\.json:2:3: unknown property "extend" in \(top level\)\. Did you mean "extends"\? Allowed: root, extends, packs, rules,/);
  });

  it('the example pack’s folder is linted: its package.json "cxlint": { "pack": "." } is not a config', () => {
    const r = run(ROOT, ['examples/packs/cx-association-titles']);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /unknown property "pack"|configuration error/);
    assert.match(r.stdout, /in \d+ of \d+ files|no problems/i);
  });

  it('a package.json with real settings under "cxlint" still configures', () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', cxlint: { rules: { 'cx-renamed-customer-service': 'off' } } }));
    const r = run(dir, ['a.md']);
    assert.doesNotMatch(r.stdout, /cx-renamed-customer-service/);
    writeFileSync(join(dir, 'package.json'), '{\n  "name": "x",\n  "cxlint": { "rules": { "cx-renamed-customer-servic": "off" } }\n}\n');
    const bad = run(dir, ['a.md']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /package\.json:3:26: unknown rule "cx-renamed-customer-servic"/);
  });
});
