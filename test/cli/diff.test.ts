import assert from 'node:assert/strict';
import { applyPatch } from 'diff';
import { unifiedDiff } from '../../server/src/cli/diff';

describe('cli: --fix-dry-run diffs', () => {
  const before = ['# Role', '', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', ''].join('\n');
  const after = before.replace('two', 'TWO').replace('nine', 'NINE');

  it('are unified diffs with three lines of context, hunks merged when close', () => {
    assert.equal(
      unifiedDiff(before, after, 'a/r.md', 'b/r.md'),
      [
        '--- a/r.md',
        '+++ b/r.md',
        '@@ -1,12 +1,12 @@',
        ' # Role',
        ' ',
        ' one',
        '-two',
        '+TWO',
        ' three',
        ' four',
        ' five',
        ' six',
        ' seven',
        ' eight',
        '-nine',
        '+NINE',
        ' ten',
        '',
      ].join('\n'),
    );
    assert.equal(unifiedDiff(before, before, 'a/r.md', 'b/r.md'), '');
  });

  it('show lines without their endings (CRLF as LF) and apply to the text as an editor shows it', () => {
    const crlf = before.replace(/\n/g, '\r\n');
    const d = unifiedDiff(crlf, after.replace(/\n/g, '\r\n'), 'a/r.md', 'b/r.md');
    assert.doesNotMatch(d, /\r/);
    assert.equal(applyPatch(before, d), after);
  });

  it('from an empty text add lines and remove none (was: a removed blank line, "@@ -1,1")', () => {
    assert.equal(unifiedDiff('', 'x\n', 'a/e.md', 'b/e.md'), '--- a/e.md\n+++ b/e.md\n@@ -0,0 +1,1 @@\n+x\n');
  });
});
