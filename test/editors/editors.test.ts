/**
 * cx-lint-language-server in real editors other than VS Code: Neovim's built-in LSP
 * client and Emacs/Eglot, driven headless by ../shared/tools/real-editors. The server
 * is started exactly as the README tells users to (`cx-lint-language-server --stdio`
 * on PATH), and the Neovim test loads the README's own Lua snippet.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { pendingUnlessCI } from '../helpers/optional-program';

// .ci/run exports REAL_EDITORS_DIR; a checkout next to shared/ finds the drivers without it.
const TOOLS = process.env.REAL_EDITORS_DIR ?? resolve(ROOT, '..', 'shared', 'tools', 'real-editors');
const POSTING = 'customer-experience-associate.md';

interface Line {
  type: string;
  [k: string]: any;
}

/** A PATH folder with `cx-lint-language-server`, as `npm i -g cx-lint` (or npx) provides it. */
function binDir(tmp: string): string {
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  const exe = join(bin, 'cx-lint-language-server');
  writeFileSync(exe, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'server.js')}" "$@"\n`);
  chmodSync(exe, 0o755);
  return bin;
}

function parse(stdout: string): Line[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
}

/** The README block between the given markers. */
function readmeBlock(marker: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`[\\s\\S]*?<!-- ${marker}:end -->`).exec(readme);
  assert.ok(m, `README has a ${marker} block`);
  return m[1];
}

function haveTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const EDITORS = {
  nvim: { name: 'Neovim', install: 'apt-get install neovim' },
  emacs: { name: 'Emacs', install: 'apt-get install emacs-nox elpa-eglot' },
};

/**
 * Neovim and Emacs are not in the README's requirements: without them (or without the
 * drivers that .ci/run provides) these tests are pending with the reason, and fail in CI.
 */
function needEditor(ctx: Mocha.Context, cmd: keyof typeof EDITORS, drivers = true): void {
  const { name, install } = EDITORS[cmd];
  if (!haveTool(cmd)) pendingUnlessCI(ctx, `${name} not installed: ${install}`);
  if (drivers && !existsSync(TOOLS)) pendingUnlessCI(ctx, `editor drivers not found at ${TOOLS} (set REAL_EDITORS_DIR; .ci/run does)`);
}

describe('other editors (real Neovim and Emacs/Eglot)', function () {
  this.timeout(180000);
  let tmp: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'cx-lint-editors-'));
    copyFileSync(join(ROOT, 'examples', POSTING), join(tmp, POSTING));
    env = { ...process.env, PATH: `${binDir(tmp)}:${process.env.PATH}` };
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function check(lines: Line[], editor: string): void {
    const diags = lines.find((l) => l.type === 'diagnostics');
    assert.ok(diags, `${editor}: diagnostics received`);
    const codes = (diags.diagnostics as any[]).map((d) => d.code);
    assert.ok(codes.includes('cx-renamed-customer-service'), `${editor}: ${codes.join(',')}`);
    assert.ok((diags.diagnostics as any[]).every((d) => d.source === 'cx-lint'));
    const actions = lines.filter((l) => l.type === 'codeActions').flatMap((l) => l.actions as any[]);
    assert.ok(
      actions.some((a) => /^Retitle to/.test(a.title) && a.isPreferred),
      `${editor}: retitle offered as preferred`,
    );
    assert.ok(
      actions.some((a) => a.title === 'Turn off “Customer Service renamed” for this line'),
      `${editor}: the menu names the rule in words`,
    );
    const applied = lines.find((l) => l.type === 'applied');
    assert.ok(applied && /^# Customer Service Associate/.test(applied.text), `${editor}: quick fix applied in the buffer`);
    const after = lines.find((l) => l.type === 'diagnosticsAfterFix');
    assert.ok(after, `${editor}: re-published after the edit`);
    assert.ok(!(after.diagnostics as any[]).some((d) => d.code === 'cx-renamed-customer-service'), `${editor}: finding gone after the fix`);
  }

  it('Neovim (vim.lsp): diagnostics, code actions and a quick fix applied in the buffer', function () {
    needEditor(this, 'nvim');
    const r = spawnSync(join(TOOLS, 'nvim-lsp.sh'), ['cx-lint-language-server --stdio', join(tmp, POSTING), '--apply'], {
      env,
      encoding: 'utf8',
      timeout: 120000,
    });
    check(parse(r.stdout), 'neovim');
  });

  it('Emacs (Eglot): diagnostics, code actions and a quick fix applied in the buffer', function () {
    needEditor(this, 'emacs');
    const r = spawnSync(join(TOOLS, 'emacs-eglot.sh'), ['cx-lint-language-server --stdio', join(tmp, POSTING), '--apply'], {
      env,
      encoding: 'utf8',
      timeout: 120000,
    });
    check(parse(r.stdout), 'emacs');
  });

  it('the README’s Neovim snippet, loaded as init.lua, attaches the server and shows findings', function () {
    needEditor(this, 'nvim', false);
    const init = join(tmp, 'init.lua');
    writeFileSync(init, readmeBlock('nvim-setup'));
    // After the user's config: wait for cx-lint's diagnostics and print them as JSON.
    const probe = join(tmp, 'probe.lua');
    writeFileSync(
      probe,
      [
        'vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)',
        'local out = {}',
        'for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out, { lnum = d.lnum, source = d.source, code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code }) end',
        "io.stdout:write(vim.fn.json_encode({ type = 'diagnostics', clients = #vim.lsp.get_active_clients(), diagnostics = out }) .. '\\n')",
        "vim.cmd('qa!')",
      ].join('\n'),
    );
    const r = spawnSync('nvim', ['--headless', '-u', init, '-c', `luafile ${probe}`, join(tmp, POSTING)], { env, encoding: 'utf8', timeout: 60000, cwd: tmp });
    const [line] = parse(r.stdout + r.stderr);
    assert.ok(line, `nvim printed nothing: ${r.stderr}`);
    assert.equal(line.clients, 1);
    assert.ok(
      line.diagnostics.some((d: any) => d.source === 'cx-lint' && d.code === 'cx-renamed-customer-service' && d.lnum === 0),
      JSON.stringify(line),
    );
  });

  it('the README’s Emacs snippet, loaded as init.el, starts Eglot and shows findings through Flymake', function () {
    needEditor(this, 'emacs', false);
    const init = join(tmp, 'init.el');
    writeFileSync(init, readmeBlock('emacs-setup'));
    const probe = join(tmp, 'probe.el');
    writeFileSync(
      probe,
      `
(require 'eglot)
(require 'cl-lib)
;; Debian's emacs-nox has no markdown-mode; users have the package. A stand-in with the same name:
(define-derived-mode markdown-mode text-mode "Markdown")
(add-to-list 'auto-mode-alist '("\\\\.md\\\\'" . markdown-mode))
(load ${JSON.stringify(init)})
(setq eglot-sync-connect t)
(find-file ${JSON.stringify(join(tmp, POSTING))})
;; eglot-ensure connects from post-command-hook, which batch mode never runs by itself.
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 30)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.05)))
(princ (concat (json-encode
  (list (cons 'type "diagnostics")
        (cons 'managed (if (bound-and-true-p eglot--managed-mode) t :json-false))
        (cons 'diagnostics (vconcat (mapcar (lambda (d) (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                                              (cons 'text (flymake-diagnostic-text d))))
                                            (flymake-diagnostics))))))
  "\\n"))
(kill-emacs 0)
`,
    );
    const r = spawnSync('emacs', ['--batch', '--no-init-file', '-l', probe], { env: { ...env, HOME: tmp }, encoding: 'utf8', timeout: 90000, cwd: tmp });
    const [line] = parse(r.stdout);
    assert.ok(line, `emacs printed nothing: ${r.stderr.slice(-2000)}`);
    assert.equal(line.managed, true, `Eglot manages the buffer: ${r.stderr.slice(-1500)}`);
    assert.ok(
      line.diagnostics.some((d: any) => d.line === 1 && /Reads as Customer Service renamed: /.test(d.text)),
      JSON.stringify(line),
    );
  });
});
