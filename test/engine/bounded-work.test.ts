import assert from 'node:assert/strict';
import { lintText } from '../../server/src/api';
import { MARKUP_NOT_PARSED, MAX_INLINE_MARKS, MAX_LIST_DEPTH, MAX_QUOTE_DEPTH } from '../../server/src/engine';
import { denseInlineBlocks } from '../../server/src/engine/parse/inline-limit';
import { parseChunks, parseMarkdown, parserCopy } from '../../server/src/engine/parse/parse';
import { bigTables, MAX_TABLE_ROWS } from '../../server/src/engine/parse/table-limit';
import { SHAPES, shapeDocument, type Shape } from '../../bench/shapes-gen';

const HEAD =
  "# Customer Experience Associate\n\n## What you'll do\n\n- Answer inbound calls and live chats from customers\n- Resolve tickets within our 24-hour SLA\n\n";
const CAMPAIGN = "Launch this year's customer experience campaign in stores and online";

/** Nodes in a parse, counted with an explicit stack (a tree's depth is the input's). */
function treeSize(text: string): { nodes: number; depth: number } {
  const stack: Array<[{ children?: unknown[] }, number]> = parseChunks(text).chunks.flatMap((c) =>
    c.nodes.map((n) => [n as { children?: unknown[] }, 1] as [{ children?: unknown[] }, number]),
  );
  let nodes = 0;
  let depth = 0;
  for (let e = stack.pop(); e; e = stack.pop()) {
    nodes++;
    depth = Math.max(depth, e[1]);
    for (const c of e[0].children ?? []) stack.push([c as { children?: unknown[] }, e[1] + 1]);
  }
  return { nodes, depth };
}

const MARKS = /[*_[\]`]/g;

describe('bounded work: what the parser is given is linear to parse, at any size and shape', () => {
  it('160 KB of `*a` and 600 KB of `[` lint, with one markup-not-parsed info finding on the block', function () {
    this.timeout(120_000);
    for (const run of ['*a'.repeat(80_000), '['.repeat(600_000)]) {
      const text = `${HEAD}${run}\n`;
      const r = lintText(text);
      const notes = r.findings.filter((f) => f.ruleId === MARKUP_NOT_PARSED);
      assert.equal(notes.length, 1);
      assert.equal(notes[0].severity, 'info');
      assert.equal(notes[0].range.start, HEAD.length);
      assert.match(notes[0].message, /^Formatting read as plain text: this block has more than 512 emphasis, link or code marks/);
      assert.ok(
        r.findings.some((f) => f.ruleId === 'cx-renamed-customer-service'),
        'the rest of the posting is linted as usual',
      );
    }
  });

  it('a dense block is read as its characters: offsets, text and findings inside it stay right', () => {
    const dense = `${CAMPAIGN} ${'*a'.repeat(MAX_INLINE_MARKS + 1)} now`;
    const text = `\ufeff${HEAD}${dense}\n`;
    const copy = parserCopy(text);
    assert.equal(copy.body.length, text.length - 1, 'same length: every offset is kept');
    assert.equal(copy.body.slice(copy.body.indexOf('Launch'), copy.body.indexOf('Launch') + CAMPAIGN.length), CAMPAIGN);
    assert.equal((copy.body.match(MARKS) ?? []).length, 0, 'no mark left in the dense block');
    const { tree, shift } = parseMarkdown(text);
    const para = tree.children.at(-1) as { type: string; children: Array<{ type: string; value: string }> };
    assert.equal(para.type, 'paragraph', 'a paragraph, not a list: the block did not become markup either');
    assert.deepEqual(
      para.children.map((c) => c.type),
      ['text'],
    );
    assert.equal(para.children[0].value, dense, 'the paragraph reads as the characters the user wrote');
    assert.equal(shift, 1);
    const r = lintText(text);
    const note = r.findings.find((f) => f.ruleId === MARKUP_NOT_PARSED)!;
    assert.equal(note.range.start, text.indexOf(dense), 'the finding is where the block starts, BOM counted');
    assert.ok(
      note.range.end > note.range.start && dense.startsWith(text.slice(note.range.start, note.range.end)),
      'on the block’s first line (1,000 characters at most)',
    );
    const campaign = r.findings.find((f) => f.ruleId === 'cx-as-initiative');
    assert.ok(campaign, 'rules still read the dense block');
    assert.match(text.slice(campaign.range.start, campaign.range.end), /campaign/);
  });

  it('a block just under the limit is parsed as Markdown, and no finding is added', () => {
    const text = `${HEAD}${'*a*'.repeat(MAX_INLINE_MARKS / 2)}\n`;
    assert.deepEqual(denseInlineBlocks(text), []);
    assert.ok(!lintText(text).findings.some((f) => f.ruleId === MARKUP_NOT_PARSED));
    assert.ok(JSON.stringify(parseMarkdown(text).tree).includes('"emphasis"'));
  });

  it('lists, quotes, fences and thematic breaks in a dense block keep their structure', () => {
    const dense = '*a'.repeat(MAX_INLINE_MARKS);
    const text = `${HEAD}- item ${dense}\n  more ${dense}\n***\n> quoted\n\`\`\`\ncode\n\`\`\`\n* last\n`;
    assert.equal(denseInlineBlocks(text).length, 1);
    const withMarkup = parseMarkdown(text.replace(/\*a/g, 'xy')).tree.children.map((n) => n.type);
    assert.deepEqual(
      parseMarkdown(text).tree.children.map((n) => n.type),
      withMarkup,
    );
    assert.deepEqual(withMarkup.slice(-5), ['list', 'thematicBreak', 'blockquote', 'code', 'list']);
  });

  it('blockquotes nested 3,000 deep on one line: the tree stops at MAX_QUOTE_DEPTH and the rest is text', () => {
    const text = `${HEAD}${'>'.repeat(3000)} Own the CX initiative\n${'> '.repeat(3000)}again\n`;
    const { depth } = treeSize(text);
    assert.ok(depth <= MAX_QUOTE_DEPTH + 3, `tree depth ${depth}`);
    const r = lintText(text);
    assert.ok(r.findings.some((f) => f.ruleId === 'cx-renamed-customer-service'));
    // Lists and quotes interleaved are bounded too.
    assert.ok(treeSize(`${HEAD}${'> - '.repeat(2000)}x\n`).depth <= 2 * (MAX_QUOTE_DEPTH + MAX_LIST_DEPTH) + 3);
  });

  const table = (rows: number) =>
    `${HEAD}| Duty | What | When |\n|---|:-:|---|\n${Array.from({ length: rows }, (_, i) => `| Duty ${i} | Answer calls | Daily |\n`).join('')}\nAfter the table.\n`;

  it(`a table of ${MAX_TABLE_ROWS} rows is parsed as a table, with no finding added`, () => {
    const text = table(MAX_TABLE_ROWS);
    assert.deepEqual(bigTables(text), []);
    const t = parseMarkdown(text).tree.children.find((n) => n.type === 'table') as { children: unknown[] } | undefined;
    assert.equal(t?.children.length, MAX_TABLE_ROWS + 1);
    assert.ok(!lintText(text).findings.some((f) => f.ruleId === MARKUP_NOT_PARSED));
  });

  it(`a table of more than ${MAX_TABLE_ROWS} rows is read as plain text, its characters intact, with one markup-not-parsed finding on its header`, () => {
    const text = `\ufeff${table(MAX_TABLE_ROWS + 1)}`;
    const copy = parserCopy(text);
    assert.equal(copy.body.length, text.length - 1, 'same length: every offset is kept');
    const { tree } = parseMarkdown(text);
    assert.ok(!tree.children.some((n) => n.type === 'table'));
    const para = tree.children.find((n) => n.type === 'paragraph') as {
      children: Array<{ type: string; value: string }>;
      position: { start: { offset: number }; end: { offset: number } };
    };
    assert.equal(
      para.children.map((c) => c.value).join(''),
      text.slice(1).slice(para.position.start.offset, para.position.end.offset),
      'the paragraph reads as the characters the user wrote',
    );
    const r = lintText(text);
    const notes = r.findings.filter((f) => f.ruleId === MARKUP_NOT_PARSED);
    assert.equal(notes.length, 1);
    assert.equal(text.slice(notes[0].range.start, notes[0].range.end), '| Duty | What | When |', 'on the header row, BOM counted');
    assert.match(notes[0].message, new RegExp(`^Table read as plain text: this table has more than ${MAX_TABLE_ROWS} rows`));
    assert.ok(
      r.findings.some((f) => f.ruleId === 'cx-renamed-customer-service'),
      'the rest of the posting is linted as usual',
    );
  });

  it('a table of any size: no table over the row cap reaches the parser, so its work is bounded per table (32 KB → 128 KB)', function () {
    this.timeout(120_000);
    for (const n of [32 * 1024, 64 * 1024, 128 * 1024]) {
      const rows = parseChunks(shapeDocument('table', n))
        .chunks.flatMap((c) => c.nodes)
        .filter((x) => x.type === 'table')
        .map((x) => (x as { children: unknown[] }).children.length);
      assert.ok(
        rows.every((k) => k <= MAX_TABLE_ROWS + 1),
        `${n}: a table of ${Math.max(...rows)} rows reached the parser`,
      );
    }
  });

  it('a list of 130,000 items lints (the duty candidates are gathered without spreading them into one call)', function () {
    this.timeout(120_000);
    const r = lintText(`${HEAD}${'- a\n'.repeat(130_000)}`);
    assert.equal(r.kind, 'posting'); // (it threw "Maximum call stack size exceeded" before)
  });

  // Linear growth, counted rather than timed: at twice the size, the parser's input has
  // no block over the inline limit and no line over the nesting caps, and the tree has
  // at most about twice the nodes.
  for (const shape of Object.keys(SHAPES) as Shape[]) {
    it(`${shape}: the parse grows linearly (32 KB → 64 KB)`, function () {
      this.timeout(60_000);
      const sizes = [32 * 1024, 64 * 1024].map((n) => {
        const text = shapeDocument(shape, n);
        const { body } = parserCopy(text);
        for (const block of body.split(/(?:\r\n|\r|\n)[ \t>]*(?:\r\n|\r|\n)/))
          assert.ok(
            (block.match(MARKS) ?? []).length <= MAX_INLINE_MARKS + 64,
            `${shape}: a block of ${(block.match(MARKS) ?? []).length} marks reaches the parser`,
          );
        return treeSize(text);
      });
      assert.ok(sizes[1].nodes <= 2.2 * sizes[0].nodes + 50, `${shape}: ${sizes[0].nodes} → ${sizes[1].nodes} nodes`);
      assert.ok(
        sizes[1].depth <= Math.max(sizes[0].depth, 2 * (MAX_QUOTE_DEPTH + MAX_LIST_DEPTH) + 3),
        `${shape}: depth ${sizes[0].depth} → ${sizes[1].depth}`,
      );
    });
  }
});
