/** A problem in a pack or config file, located for humans: file:line:col and what to do. */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

export class PackErrors extends Error {
  constructor(readonly errors: PackError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}
