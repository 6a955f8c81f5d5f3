/** A unified-style diff of two texts, by lines, with three lines of context. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  const CONTEXT = 3;
  // Group ops into hunks.
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].op === ' ') i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    // extend while changes are within 2*CONTEXT of each other
    for (;;) {
      while (end < ops.length && ops[end].op !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].op === ' ') next++;
      if (next < ops.length && next - end <= 2 * CONTEXT) {
        end = next;
        continue;
      }
      end = Math.min(ops.length, end + CONTEXT);
      break;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk[0].aLine;
    const bStart = hunk[0].bLine;
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.op + o.text);
    i = end;
    start = end;
  }
  return out.join('\n') + '\n';
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface Op {
  op: ' ' | '-' | '+';
  text: string;
  aLine: number;
  bLine: number;
}

function diffLines(a: string[], b: string[]): Op[] {
  // Trim common prefix/suffix, then LCS on the middle.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) ops.push({ op: ' ', text: a[k], aLine: k, bLine: k });
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    for (let k = 0; k < n; k++) ops.push({ op: '-', text: am[k], aLine: pre + k, bLine: pre });
    for (let k = 0; k < m; k++) ops.push({ op: '+', text: bm[k], aLine: pre + n, bLine: pre + k });
  } else {
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let x = n - 1; x >= 0; x--) for (let y = m - 1; y >= 0; y--) lcs[x][y] = am[x] === bm[y] ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
    let x = 0;
    let y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && am[x] === bm[y]) {
        ops.push({ op: ' ', text: am[x], aLine: pre + x, bLine: pre + y });
        x++;
        y++;
      } else if (x < n && (y >= m || lcs[x + 1][y] >= lcs[x][y + 1])) {
        ops.push({ op: '-', text: am[x], aLine: pre + x, bLine: pre + y });
        x++;
      } else {
        ops.push({ op: '+', text: bm[y], aLine: pre + x, bLine: pre + y });
        y++;
      }
    }
  }
  for (let k = 0; k < suf; k++) ops.push({ op: ' ', text: a[a.length - suf + k], aLine: a.length - suf + k, bLine: b.length - suf + k });
  return ops;
}
