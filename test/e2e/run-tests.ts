/**
 * Runs the extension's integration suite inside VS Code with @vscode/test-electron.
 * VSCODE_EXECUTABLE_PATH picks the VS Code to run (CI points it at the offline
 * code-server stand-in, found through REAL_EDITORS_DIR). VS Code is not among the
 * README's requirements: without one the suite is skipped with the reason, except
 * in CI (CI=true), where that fails.
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { skipScriptUnlessCI } from '../helpers/optional-program';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
  // On the project's CI machine VS Code cannot be downloaded; the stand-in lives next to the checkout.
  const shim = resolve(process.env.REAL_EDITORS_DIR ?? resolve(root, '..', 'shared', 'tools', 'real-editors'), 'code-shim.sh');
  if (!vscodeExecutablePath && existsSync(shim)) vscodeExecutablePath = shim;
  if (!vscodeExecutablePath || !existsSync(vscodeExecutablePath)) {
    const where = vscodeExecutablePath
      ? `VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`
      : `no VSCODE_EXECUTABLE_PATH and no stand-in at ${shim}`;
    skipScriptUnlessCI(
      '[e2e]',
      `VS Code not installed (${where}): set VSCODE_EXECUTABLE_PATH to a VS Code executable, or REAL_EDITORS_DIR to the offline stand-in (.ci/run does)`,
    );
  }
  console.log(`[e2e] VS Code: ${vscodeExecutablePath}`);
  // A throwaway copy of the examples: the suite edits and saves documents.
  const workspace = mkdtempSync(join(tmpdir(), 'cx-lint-e2e-'));
  cpSync(join(root, 'examples'), workspace, { recursive: true, filter: (src) => !src.includes(`${join('examples', 'packs')}`) });
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { CX_LINT_E2E_WORKSPACE: workspace },
    });
    process.exitCode = code;
  } catch (e) {
    console.error(`[e2e] the VS Code suite failed: ${(e as Error).message ?? e}`);
    process.exitCode = 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

void main();
