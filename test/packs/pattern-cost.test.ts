import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_WORK, patternCost } from '../../server/src/engine/match/patterns';
import { CLI } from '../cli/run';

/**
 * Issue 13 item 5: every phrase pattern a pack can load matches in time linear in the
 * text, and `pack validate` refuses exactly the patterns lint would refuse. A hang is
 * bounded by killing the child process (a synchronous regex cannot be interrupted by
 * mocha's timeout), so a regression fails instead of hanging CI.
 */

const KILL_AFTER_MS = 90_000;

function packWith(patterns: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-pattern-cost-'));
  mkdirSync(join(dir, 'pack', 'rules'), { recursive: true });
  const entries = patterns.map((p) => `      - ${JSON.stringify(p)}`).join('\n');
  writeFileSync(join(dir, 'pack', 'pack.yaml'), `name: costly\nversion: 1.0.0\nrules: rules/*.yaml\nlexicons:\n  costly:\n    match:\n${entries}\n`);
  writeFileSync(
    join(dir, 'pack', 'rules', 'costly.yaml'),
    'id: costly\nseverity: warning\ndescription: Costly patterns.\nappliesTo:\n  - kinds: [posting, charter, other]\ncheck:\n  type: phrase\n  class: costly\n  scope: document\nmessage: "Matched {match}."\n',
  );
  writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, packs: ['./pack'], rules: { costly: 'warning' } }));
  return dir;
}

function cli(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: KILL_AFTER_MS, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.signal, null, `cx-lint ${args.join(' ')} was killed after ${KILL_AFTER_MS / 1000} s: it hung`);
  return r;
}

/** Patterns whose ways multiply: each took exponential time on a text of repeated words. */
const EXPONENTIAL: Array<[string, string, number]> = [
  // [pattern, what it does, column (1-based, in the pattern) where the cost passes the limit]
  ['[a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] b', 'optional words', 33],
  ['[a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] [a|a a] b', 'optional alternations', 41],
  ['a ... a ... a ... a ... a ... a ... a ... a ... a ... a ... a ... a ... b', 'gaps', 25],
  [
    '(a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a) (a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a) (a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a) b',
    'overlapping alternatives',
    117,
  ],
  ['(a*|ab*|abc*) (a*|ab*|abc*) (a*|ab*|abc*) (a*|ab*|abc*) (a*|ab*|abc*) (a*|ab*|abc*) (a*|ab*|abc*) (a*|ab*|abc*) b', 'overlapping word* alternatives', 71],
];

/** The costliest patterns of each construct that still load, and the text that is worst for each. */
const ACCEPTED: Array<[string, string]> = [
  ['[a] [a] [a] [a] [a] [a] [a] [a] a a a a a a a b', 'a '],
  ['a ..3 a ..3 a ..3 a ..2 b', 'a '],
  ['a ..8 a ..8 a b', 'a, '],
  ['(a|a a|a a a|a a a a|a a a a a) (a|a a|a a a|a a a a|a a a a a) (a|a a|a a a|a a a a|a a a a a) b', 'a '],
  ['..8 b', '  '],
  ['a ..8', 'a '],
  ['a+ a+ a+ a+ b', 'as '],
  ['a* a* a* b', 'aaaaaaaa '],
  ['# # # b', '1,1.1 '],
  ['a-a-a-a b', 'a-'],
];

describe('phrase patterns match in linear time (issue 13 item 5)', function () {
  this.timeout(KILL_AFTER_MS * 3);

  it('counts the ways a pattern can be laid over the same words', () => {
    assert.deepEqual(
      ['customer+', '(with|across|between) ..6 team+', '[a] [a] b', '(a|a b) c', 'a ... b', '..8 b', '(a*|ab) c', '(# | 1) c'].map((p) => patternCost(p).ways),
      [1, 7, 4, 2, 4, 9, 2, 2],
    );
    for (const [p] of ACCEPTED) {
      const c = patternCost(p);
      assert.ok(c.ways * c.span <= MAX_WORK, p);
    }
  });

  it('pack validate refuses patterns whose ways multiply, at file:line:col of the place in the pattern', () => {
    const dir = packWith(EXPONENTIAL.map(([p]) => p));
    try {
      const r = cli(dir, ['pack', 'validate', 'pack']);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      EXPONENTIAL.forEach(([, what, col], i) => {
        // Each entry is on line 7 + i, written `      - "…"`: the pattern starts at column 10.
        const at = new RegExp(
          `pack\\.yaml:${7 + i}:${9 + col}: invalid pattern: this pattern can be laid over the same words in (over a million|\\d+) ways .*ways × words may be at most ${MAX_WORK}`,
        );
        assert.match(r.stdout, at, `${what}\n${r.stdout}`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lint refuses the same patterns with the same location instead of hanging', () => {
    const dir = packWith([EXPONENTIAL[0][0]]);
    try {
      writeFileSync(join(dir, 'job.md'), `# Customer Experience Manager\n\n${'a '.repeat(40)}c\n`);
      const r = cli(dir, ['job.md']);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /pack\.yaml:7:42: invalid pattern: this pattern can be laid over the same words in over a million ways/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the costliest accepted pattern of every construct lints 256 KB of its worst text', () => {
    const dir = packWith(ACCEPTED.map(([p]) => p));
    try {
      const v = cli(dir, ['pack', 'validate', 'pack']);
      assert.equal(v.status, 0, v.stdout + v.stderr);
      for (const [i, [, unit]] of ACCEPTED.entries()) {
        const body = unit.repeat(Math.ceil((256 * 1024) / unit.length));
        writeFileSync(join(dir, `doc${i}.md`), `# Customer Experience Manager\n\n${body}\n`);
      }
      const r = cli(dir, ['--format', 'json', ...ACCEPTED.map((_, i) => `doc${i}.md`)]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const files = JSON.parse(r.stdout).results as Array<{ fatal?: unknown }>;
      assert.equal(files.length, ACCEPTED.length);
      assert.deepEqual(
        files.filter((f) => f.fatal),
        [],
        'every document was linted',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
