import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';

export const CLI = join(ROOT, 'dist', 'cli.js');

/** A temporary copy of a folder under test/fixtures/cli/. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cx-lint-cli-${name}-`));
  cpSync(join(ROOT, 'test', 'fixtures', 'cli', name), dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary, `node dist/cli.js`, in `cwd`; `timeout` (ms) kills a run that hangs, which then has status null. */
export function run(cwd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; timeout?: number } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...opts.env };
  delete env.GITHUB_STEP_SUMMARY;
  if (opts.env?.GITHUB_STEP_SUMMARY) env.GITHUB_STEP_SUMMARY = opts.env.GITHUB_STEP_SUMMARY;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env,
    uid: opts.uid,
    gid: opts.gid,
    timeout: opts.timeout,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
