import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, FILE_TOO_LARGE, lint } from '../../server/src/engine';
import { lintText } from '../../server/src/api';
import { resolveConfig } from '../../server/src/config/load-config';

const POSTING =
  "# Customer Experience Associate\n\n## What you'll do\n\n- Answer inbound calls and live chats from customers\n- Resolve tickets within our 24-hour SLA\n";

describe('size limit: a document over maxFileSize gets one info finding and is not linted', () => {
  it('the default is 10 MiB of UTF-8', () => {
    assert.equal(DEFAULT_MAX_FILE_SIZE, 10 * 1024 * 1024);
    const big = POSTING + 'x'.repeat(DEFAULT_MAX_FILE_SIZE);
    const r = lintText(big);
    assert.equal(r.kind, 'other');
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, f.range.start, f.range.end, f.data.size, f.data.limit]),
      [[FILE_TOO_LARGE, 'info', 0, 0, big.length, DEFAULT_MAX_FILE_SIZE]],
    );
    assert.match(
      r.findings[0].message,
      /^Not linted: this file is 10\.0 MiB \(\d+ bytes\), more than the limit of 10\.0 MiB \(10485760 bytes\)\. To lint it, raise "maxFileSize" \(in bytes\) in \.cxlintrc\.json\.$/,
    );
    assert.deepEqual(r.findings[0].fixes, []);
  });

  it('counts bytes of UTF-8, not UTF-16 units: 400 × "é" is 800 bytes, 600 × "é" is 1,200', () => {
    const config = { maxFileSize: 1000 + POSTING.length };
    const small = POSTING + 'é'.repeat(400);
    const large = POSTING + 'é'.repeat(600);
    assert.ok(large.length < config.maxFileSize, 'under the limit in UTF-16 units');
    assert.ok(!lintText(small, { config }).findings.some((f) => f.ruleId === FILE_TOO_LARGE));
    assert.ok(
      lintText(small, { config }).findings.some((f) => f.ruleId === 'cx-renamed-customer-service'),
      'under the limit, the posting is linted',
    );
    const r = lintText(large, { config });
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.data.size]),
      [[FILE_TOO_LARGE, POSTING.length + 1200]],
    );
  });

  it('an emoji counts 4 bytes, a lone surrogate 3 (as Node writes it)', () => {
    const at = (text: string, limit: number) => lintText(text, { config: { maxFileSize: limit } }).findings.some((f) => f.ruleId === FILE_TOO_LARGE);
    const emoji = POSTING + '🎉'.repeat(100);
    const bytes = Buffer.byteLength(emoji, 'utf8');
    assert.equal(at(emoji, bytes), false);
    assert.equal(at(emoji, bytes - 1), true);
    const lone = POSTING + '\ud800'.repeat(10);
    assert.equal(at(lone, Buffer.byteLength(lone, 'utf8')), false);
    assert.equal(at(lone, Buffer.byteLength(lone, 'utf8') - 1), true);
  });

  it('comes from the resolved config, so lint(text, setup) — what the language server calls — applies it', () => {
    const cfg = resolveConfig({ maxFileSize: 64 }, process.cwd());
    assert.equal(cfg.setup.maxFileSize, 64);
    assert.deepEqual(
      lint(POSTING, cfg.setup).findings.map((f) => f.ruleId),
      [FILE_TOO_LARGE],
    );
    // lint()'s own option overrides the config
    assert.ok(lint(POSTING, cfg.setup, { maxFileSize: 1_000_000 }).findings.some((f) => f.ruleId === 'cx-renamed-customer-service'));
  });

  it('is not a rule: it cannot be turned off, only raised', () => {
    assert.throws(() => resolveConfig({ rules: { [FILE_TOO_LARGE]: 'off' } }, process.cwd()), /file-too-large/);
  });
});
