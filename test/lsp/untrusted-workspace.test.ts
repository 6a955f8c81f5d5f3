/**
 * Issue 13, items 1 and 3, in the language server: diagnostics are published only on
 * files inside the workspace, never on a file a config names elsewhere (such as
 * /etc/shadow), and never with its text; in Restricted Mode (VS Code sends
 * `workspaceTrusted: false`) no config file or pack is read from outside the
 * workspace folder; a 100 MB config is refused unread and the server keeps serving.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/fixtures';
import { TestClient } from './client';

const POSTING = '# Customer Experience Associate\n\n## Responsibilities\n\n- Answer customer calls and chats\n- Handle complaints by email\n- Log tickets\n';
const PACK = join(ROOT, 'examples', 'packs', 'cx-association-titles');
const PACK_NAME = '@cxpa/cx-lint-pack-titles';

describe('language server: an untrusted workspace reads and shows nothing from outside it', function () {
  this.timeout(60_000);
  let base: string;
  let ws: string;
  let outside: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'cx-lint-trust-'));
    ws = join(base, 'ws');
    outside = join(base, 'outside');
    mkdirSync(ws);
    mkdirSync(outside);
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(base, { recursive: true, force: true });
  });

  const start = (trusted: boolean | undefined, settings: Record<string, unknown> | null = null) =>
    TestClient.start({ rootDir: ws, settings, initializationOptions: { debounceMs: 0, ...(trusted === undefined ? {} : { workspaceTrusted: trusted }) } }).then(
      (c) => (client = c),
    );

  it('a config naming a file outside the workspace: no diagnostics on that file, none with its text; the error is shown on the document', async () => {
    const secret = join(outside, 'shadow');
    writeFileSync(secret, 'root:*:19000:0:99999:7:::\napi_token: hunter2\n');
    writeFileSync(join(ws, '.cxlintrc.json'), JSON.stringify({ packs: [secret] }));
    const c = await start(undefined);
    const uri = c.uri('a.md');
    await c.open(uri, POSTING);
    const shown = await c.diagnostics.next((x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'config-error'), 'the error on the document', true);
    assert.ok(String(shown.diagnostics[0].message).includes(`${secret}:1:1: is not a pack`), String(shown.diagnostics[0].message));
    await c.statuses.next((s) => s.state === 'error', 'error status', true);
    assert.deepEqual(
      c.diagnostics.all.filter((x) => x.uri === pathToFileURL(secret).href),
      [],
      'nothing published on the outside file',
    );
    const everything = JSON.stringify([c.diagnostics.all, c.messages.all, c.statuses.all]);
    for (const w of ['root:', '19000', 'hunter2', 'api_token']) assert.ok(!everything.includes(w), `"${w}" was shown: ${everything}`);
  });

  it('Restricted Mode: a pack outside the workspace folder is refused (trusted, it loads)', async () => {
    cpSync(PACK, join(outside, 'pack'), { recursive: true });
    writeFileSync(join(ws, '.cxlintrc.json'), JSON.stringify({ packs: ['../outside/pack'] }));
    const trusted = await start(true);
    const uri = trusted.uri('a.md');
    await trusted.open(uri, POSTING);
    await trusted.statuses.next((s) => s.state === 'ok' && s.packs.some((p) => p.startsWith(PACK_NAME)), 'the outside pack loads when trusted', true);
    await trusted.stop();
    client = undefined;

    const untrusted = await start(false);
    await untrusted.open(uri, POSTING);
    const rcUri = pathToFileURL(join(ws, '.cxlintrc.json')).href;
    const err = await untrusted.diagnostics.next((x) => x.uri === rcUri && x.diagnostics.length > 0, 'the refusal, in the workspace config', true);
    assert.match(
      String(err.diagnostics[0].message),
      /pack ".*[\\/]outside[\\/]pack" is outside the workspace folder; in Restricted Mode cx-lint reads no pack from outside it/,
    );
    assert.equal(err.diagnostics[0].range.start.line, 0);
  });

  it('Restricted Mode: cxLint.configFile outside the workspace folder, and a .cxlintrc above it, are not read', async () => {
    // Above the workspace folder: turns off the rule the posting breaks.
    writeFileSync(join(base, '.cxlintrc.json'), JSON.stringify({ rules: { 'cx-renamed-customer-service': 'off' } }));
    const uri = pathToFileURL(join(ws, 'a.md')).href;
    const trusted = await start(true);
    await trusted.open(uri, POSTING);
    const t = await trusted.diagnostics.next((x) => x.uri === uri && x.version === 1, 'trusted diagnostics', true);
    assert.ok(!t.diagnostics.some((d) => d.code === 'cx-renamed-customer-service'), 'trusted: the config above the folder applies');
    await trusted.stop();
    client = undefined;

    const untrusted = await start(false);
    await untrusted.open(uri, POSTING);
    const u = await untrusted.diagnostics.next(
      (x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'cx-renamed-customer-service'),
      'Restricted Mode: the config above the folder is not read',
      true,
    );
    assert.ok(u);
    await untrusted.stop();
    client = undefined;

    writeFileSync(join(outside, 'cfg.json'), JSON.stringify({ rules: {} }));
    const withSetting = await start(false, { configFile: '../outside/cfg.json' });
    await withSetting.open(uri, POSTING);
    const shown = await withSetting.diagnostics.next(
      (x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'config-error'),
      'the refusal, on the document',
      true,
    );
    assert.match(
      String(shown.diagnostics[0].message),
      /outside[\\/]cfg\.json:1:1: this config file \(cxLint\.configFile\) is outside the workspace folder .*Restricted Mode/,
    );
  });

  it('a 100 MB .cxlintrc.json is refused unread, as a diagnostic in that file; the server keeps answering', async () => {
    const rc = join(ws, '.cxlintrc.json');
    writeFileSync(rc, '');
    truncateSync(rc, 100 * 1024 * 1024);
    const c = await start(undefined);
    const uri = c.uri('a.md');
    await c.open(uri, POSTING);
    const err = await c.diagnostics.next((x) => x.uri === pathToFileURL(rc).href && x.diagnostics.length > 0, 'config diagnostic', true);
    assert.match(String(err.diagnostics[0].message), /is 100\.0 MB, more than the 2\.0 MB cx-lint reads of such a file; not read as a config/);
    assert.equal(await c.hover(uri, { line: 0, character: 0 }), null);
    writeFileSync(rc, '{}\n');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    await c.diagnostics.next((x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'cx-renamed-customer-service'), 'linted once the config is fixed');
  });

  it('the VS Code extension declares limited support in Restricted Mode, with the path setting restricted, and tells the server', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const untrusted = pkg.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.restrictedConfigurations.includes('cxLint.configFile'));
    // Every setting whose value is a file path is restricted.
    const pathLike = Object.entries<any>(pkg.contributes.configuration.properties)
      .filter(([, v]) => v.type === 'string' && /file\b/i.test(`${v.markdownDescription ?? v.description}`) && !v.enum)
      .map(([k]) => k);
    assert.deepEqual(
      pathLike.filter((k) => !untrusted.restrictedConfigurations.includes(k)),
      [],
    );
    assert.match(
      readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8'),
      /initializationOptions: \(\) => \(\{ workspaceTrusted: vscode\.workspace\.isTrusted, lintWorkspace: workspaceLinted \}\)/,
    );
  });
});
