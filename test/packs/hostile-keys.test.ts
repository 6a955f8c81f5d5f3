import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/engine';
import { clearConfigCache, resolveConfig } from '../../server/src/config/load-config';
import { PackErrors } from '../../server/src/packs/diagnostics';
import { checkPackFolder } from '../../server/src/packs/pack-test';
import { MAX_NESTING, nestingProblem } from '../../server/src/packs/read-limits';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { CLI } from '../cli/run';
import { ROOT } from '../helpers/fixtures';

/**
 * Issue 13 items 8 and 14: keys that name Object.prototype members, preset loops,
 * UTF-16 and deeply nested pack/config files, and YAML alias bombs are each reported
 * clearly at file:line:col, and a bad config stops only its own folder.
 */

function temp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-hostile-keys-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const RULE = (id: string, message = 'Matched {match}.') =>
  `id: ${id}\nseverity: warning\ndescription: A rule.\nappliesTo:\n  - kinds: [posting, charter, other]\ncheck:\n  type: phrase\n  class: customer\n  scope: document\nmessage: "${message}"\n`;

function configError(config: object, baseDir = ROOT): string {
  clearConfigCache();
  try {
    resolveConfig(config, baseDir);
  } catch (e) {
    assert.ok(e instanceof PackErrors, String(e));
    return e.message;
  }
  return '';
}

const POSTING = '# Customer Experience Manager\n\n## Responsibilities\n\n- Answer customer calls.\n';

describe('constructor, toString, __proto__ … are ordinary names (issue 13 item 8)', () => {
  const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  for (const name of NAMES) {
    it(`"${name}" as a preset in extends is an unknown preset`, () => {
      assert.match(
        configError({ extends: [`cx-core/${name}`] }),
        new RegExp(`unknown preset "cx-core/${name}" in "extends" \\(pack "cx-core" has no preset "${name}"\\)`),
      );
    });
    it(`"${name}" as a rule id in rules is an unknown rule`, () => {
      assert.match(configError({ rules: JSON.parse(`{"${name}": "off"}`) }), new RegExp(`unknown rule "${name}": no loaded pack has it`));
    });
    it(`"${name}" as an option key is an unknown option`, () => {
      assert.match(
        configError({ rules: { 'cx-title-without-customer': ['warning', JSON.parse(`{"${name}": 1}`)] } }),
        new RegExp(`rule "cx-title-without-customer" has no option "${name}"`),
      );
    });
  }

  it('"__proto__" from an editor setting stays a rule id, not the settings object\'s prototype', () => {
    const s = normalizeSettings(JSON.parse('{"rules": {"__proto__": ["off"]}}'));
    assert.deepEqual(Object.keys(s.rules), ['__proto__']);
    assert.equal(Array.isArray(Object.getPrototypeOf(s.rules)), false);
  });

  it('a pack rule called "constructor" and a preset called "constructor" work like any other', () => {
    const dir = temp({
      'pack/pack.yaml': 'name: proto-pack\nversion: 1.0.0\nrules: rules/*.yaml\npresets:\n  constructor:\n    rules:\n      constructor: error\n',
      'pack/rules/c.yaml': RULE('constructor'),
    });
    try {
      assert.deepEqual(
        checkPackFolder(join(dir, 'pack')).errors.map((e) => e.message),
        [],
      );
      clearConfigCache();
      const plain = resolveConfig({ packs: ['./pack'] }, dir);
      assert.deepEqual(
        lint(POSTING, plain.setup)
          .findings.filter((f) => f.ruleId === 'constructor')
          .map((f) => f.severity),
        ['warning'],
      );
      const viaPreset = resolveConfig({ packs: ['./pack'], extends: ['cx-core/recommended', 'proto-pack/constructor'] }, dir);
      assert.deepEqual(
        lint(POSTING, viaPreset.setup)
          .findings.filter((f) => f.ruleId === 'constructor')
          .map((f) => f.severity),
        ['error'],
      );
      assert.match(configError({ packs: ['./pack'], extends: ['proto-pack/toString'] }, dir), /unknown preset "proto-pack\/toString"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('{constructor} and {toString} in a rule message stay visible like any unknown placeholder', () => {
    const dir = temp({
      'pack/pack.yaml': 'name: msg-pack\nversion: 1.0.0\nrules: rules/*.yaml\n',
      'pack/rules/m.yaml': RULE('msg', 'Matched {match} {constructor} {toString}.'),
    });
    try {
      clearConfigCache();
      const cfg = resolveConfig({ packs: ['./pack'] }, dir);
      const [f] = lint(POSTING, cfg.setup).findings.filter((x) => x.ruleId === 'msg');
      assert.equal(f.message, 'Matched customer {constructor} {toString}.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pack validate reports a preset extends loop at the entry that closes it, as lint does', () => {
    const dir = temp({
      'pack/pack.yaml':
        'name: loop-pack\nversion: 1.0.0\npresets:\n  a:\n    extends: [loop-pack/b]\n  b:\n    extends: [loop-pack/c]\n  c:\n    extends:\n      - loop-pack/a\n',
    });
    try {
      const expected =
        /pack\.yaml:10:9: preset "c" extends "loop-pack\/a", which leads back to it \(loop-pack\/a → loop-pack\/b → loop-pack\/c → loop-pack\/a\)/;
      const got = checkPackFolder(join(dir, 'pack')).errors.map((e) => e.message);
      assert.equal(got.length, 1, got.join('\n'));
      assert.match(got[0], expected);
      assert.match(configError({ packs: ['./pack'] }, dir), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('unreadable pack and config files say why (issue 13 item 8)', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    [
      'UTF-16 with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\nversion: 1.0.0\n', 'utf16le')]),
      /pack\.yaml:1:1: this file is not UTF-8 \(it looks like UTF-16, from its byte order mark\)\. Save it as UTF-8\./,
    ],
    [
      'UTF-16 without a byte order mark',
      Buffer.from('name: x\nversion: 1.0.0\n', 'utf16le'),
      /pack\.yaml:1:1: this file is not UTF-8 \(it looks like UTF-16: it is full of NUL bytes\)\. Save it as UTF-8\./,
    ],
    [
      '200,000 nested [',
      `name: x\nversion: 1.0.0\nvocabulary: ${'['.repeat(200_000)}\n`,
      new RegExp(`pack\\.yaml:3:${12 + MAX_NESTING}: lists and maps nest more than ${MAX_NESTING} levels deep here`),
    ],
    [
      '100,000 nested {a: ',
      `name: x\nversion: 1.0.0\nvocabulary: ${'{a: '.repeat(100_000)}\n`,
      /pack\.yaml:3:\d+: lists and maps nest more than 64 levels deep here/,
    ],
    [
      '2,000 indented levels',
      `name: x\nversion: 1.0.0\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n`,
      /pack\.yaml:67:65: lists and maps nest more than 64 levels deep here/,
    ],
    ['500,000 compact "- "', `${'- '.repeat(500_000)}x\n`, /pack\.yaml:1:127: lists and maps nest more than 64 levels deep here/],
  ];
  for (const [what, text, re] of cases) {
    it(`${what}: one located message, no stack overflow`, () => {
      const dir = temp({ 'pack/pack.yaml': text });
      try {
        const got = checkPackFolder(join(dir, 'pack')).errors.map((e) => e.message);
        assert.equal(got.length, 1, got.join('\n'));
        assert.match(got[0], re);
        assert.doesNotMatch(got[0], /call stack/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('brackets in quoted strings, comments and block scalars do not count as nesting', () => {
    const many = '['.repeat(200);
    const text = `a: "${many}"\nb: '${many}'\nc: x${many}\n# ${many}\nd: |\n  ${many}\n  ${many}\ne: [[1, "${many}"], {f: 2}]\n`;
    assert.equal(nestingProblem(text), undefined);
  });

  it('every pack shipped with cx-lint is within the nesting limit', () => {
    for (const dir of ['rules/cx-core', 'examples/packs/cx-association-titles']) assert.deepEqual(checkPackFolder(join(ROOT, dir)).errors, [], dir);
  });
});

describe('a YAML alias bomb in a .cxlintrc.yaml (issue 13 item 14)', function () {
  this.timeout(60_000);
  const bomb = ['root: true', 'x0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++)
    bomb.push(
      `x${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  bomb.push('rules: *a9');

  it('is reported at file:line:col and the other folders are linted', () => {
    const dir = temp({ 'a/.cxlintrc.yaml': bomb.join('\n') + '\n', 'a/job.md': POSTING, 'b/.cxlintrc.yaml': 'root: true\n', 'b/job.md': POSTING });
    try {
      const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'a', 'b'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 50_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.equal(r.signal, null, 'not killed');
      assert.equal(r.status, 2, r.stderr);
      assert.match(
        r.stderr,
        /a[\\/]\.cxlintrc\.yaml:3:10: its aliases \(\*name\) expand to more than 100 copies, like a "billion laughs" attack; it was not read\. Write the values out\./,
      );
      const results = JSON.parse(r.stdout).results as Array<{ filePath: string; fatal?: string; messages: unknown[] }>;
      assert.deepEqual(
        results.map((f) => [f.filePath, f.fatal ?? 'linted']),
        [
          ['a/job.md', 'configuration error; not linted'],
          ['b/job.md', 'linted'],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
