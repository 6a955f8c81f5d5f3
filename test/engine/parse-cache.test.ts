import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint, ParseCache } from '../../server/src/engine';
import { resolveConfig } from '../../server/src/config/load-config';
import * as api from '../../server/src/api';
import { markdownFiles, read, ROOT } from '../helpers/fixtures';

/**
 * Incremental re-linting (issue 6): the language server keeps a ParseCache per open
 * document, so an edit re-parses only the sections it touched. What must hold: a lint
 * with the cache is exactly a lint without it, whatever the edits; and an edit inside one
 * section re-parses that section only.
 */

const corpus = markdownFiles(join(ROOT, 'test', 'fixtures', 'corpus')).map(read);
const setup = resolveConfig({}, ROOT).setup;

const snippet = fc.constantFrom(
  'x',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '# ',
  '\n## Responsibilities\n\n',
  '- ',
  '\n- Own the customer journey map\n',
  '```',
  '\n```\n',
  '<!--',
  '-->',
  '|',
  '**',
  '---\n',
  'é',
  '😀',
  '[ref]: http://x\n',
  '    ',
  '> ',
  '\n- item\n   ```\n',
  '\n<div>\n',
  '\n...\n',
  '\n<!-- note\n',
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: snippet });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental re-linting: the parse cache', function () {
  this.timeout(120_000);

  it('a lint with the cache equals a lint without it, over random edit sequences on corpus documents', () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (i, edits) => {
        const cache = new ParseCache();
        let text = corpus[i];
        assert.deepEqual(lint(text, setup, { parseCache: cache }), lint(text, setup));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepEqual(lint(text, setup, { parseCache: cache }), lint(text, setup), `after editing to:\n${text}`);
        }
      }),
      { numRuns: Number(process.env.CACHE_RUNS ?? 100) },
    );
  });

  it('an edit inside one section re-parses that section only; the cache keeps only the latest chunks', () => {
    const sections = Array.from({ length: 40 }, (_, i) => `## Section ${i}\n\n- Own the customer journey map ${i}\n- Work with sales and IT on fixes\n`);
    const text = `# Head of Customer Experience\n\n${sections.join('\n')}`;
    const cache = new ParseCache();
    lint(text, setup, { parseCache: cache });
    assert.equal(cache.misses, 41);
    assert.equal(cache.hits, 0);
    const at = text.indexOf('map 17') + 3;
    const edited = `${text.slice(0, at)} and the service blueprint${text.slice(at)}`;
    assert.deepEqual(lint(edited, setup, { parseCache: cache }), lint(edited, setup));
    assert.equal(cache.misses, 1, 'only the edited section is parsed again');
    assert.equal(cache.hits, 40);
    assert.equal(cache.size, 41);
    // Deleting a whole section leaves one chunk fewer, and nothing is parsed.
    const s5 = edited.indexOf('## Section 5\n');
    const shorter = edited.slice(0, s5) + edited.slice(edited.indexOf('## Section 6\n'));
    assert.deepEqual(lint(shorter, setup, { parseCache: cache }), lint(shorter, setup));
    assert.equal(cache.misses, 0);
    assert.equal(cache.size, 40);
  });

  it('a BOM, CRLF line ends and front matter keep their offsets through cached re-lints', () => {
    const text =
      '\ufeff---\r\ntitle: Customer Experience Manager\r\n---\r\n\r\n## Responsibilities\r\n\r\n- Answer inbound calls\r\n- Handle tickets in Zendesk\r\n\r\n## About us\r\n\r\nWe sell things.\r\n';
    const cache = new ParseCache();
    const first = lint(text, setup, { parseCache: cache });
    assert.deepEqual(first, lint(text, setup));
    assert.ok(first.findings.length > 0, 'the posting has findings to compare');
    const edited = text.replace('We sell things.', 'We sell things to people.');
    const again = lint(edited, setup, { parseCache: cache });
    assert.deepEqual(again, lint(edited, setup));
    assert.ok(cache.hits >= 2);
  });

  it('the Node API takes a cache per document: lintText(text, { cache })', () => {
    const cache = new api.ParseCache();
    const text = corpus.find((t) => (t.match(/^## /gm) ?? []).length >= 4)!;
    assert.deepEqual(api.lintText(text, { cache }), api.lintText(text));
    const edited = text.replace(/^## .*$/m, (h) => `${h} today`);
    assert.notEqual(edited, text);
    assert.deepEqual(api.lintText(edited, { cache }), api.lintText(edited));
    assert.ok(cache.hits >= 3 && cache.misses >= 1, `hits ${cache.hits}, misses ${cache.misses}`);
  });
});
