/**
 * Tests that need a program the README does not ask for (Neovim, Emacs, VS Code or
 * its offline stand-in): on a developer's machine they are pending, with the reason
 * and how to install it, so `npm ci && npm test` passes with only Node; in CI
 * (CI=true, as GitHub Actions and .ci/run set it) a missing program fails the run, so
 * CI still proves what these tests cover.
 */

export function inCI(): boolean {
  const v = process.env.CI;
  return !!v && v !== '0' && v.toLowerCase() !== 'false';
}

/** In a mocha test: marks it pending with `reason` (in its title, which the reporter prints), or fails it in CI. */
export function pendingUnlessCI(ctx: Mocha.Context, reason: string): never {
  if (inCI()) throw new Error(`${reason} (CI=true: this test must run, so the program must be installed)`);
  const test = ctx.test;
  if (test) test.title += ` (pending: ${reason})`;
  ctx.skip();
}

/** In a plain node script (the e2e runners): prints a skip line and exits 0, or fails with exit 1 in CI. */
export function skipScriptUnlessCI(tag: string, reason: string): never {
  if (inCI()) {
    console.error(`${tag} FAIL: ${reason} (CI=true: the suite must run, so the program must be installed)`);
    process.exit(1);
  }
  console.log(`${tag} SKIPPED: ${reason}`);
  process.exit(0);
}
