import type { HtmlComment } from '../model/model';

/**
 * Inline control comments (docs §8): which rules are off where. A finding is
 * suppressed when its start falls inside a disabled span for its rule.
 */
interface Span {
  start: number;
  end: number;
  rules: Set<string> | null; // null = every rule
}

const COMMENT = /^<!--\s*cx-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->$/;

export class Suppressions {
  private readonly spans: Span[] = [];
  fileDisabledAll = false;
  readonly fileDisabled = new Set<string>();

  constructor(text: string, comments: HtmlComment[]) {
    const open = new Map<string | null, number>(); // rule (or null = all) → start offset
    const sorted = [...comments].sort((a, b) => a.range.start - b.range.start);
    for (const c of sorted) {
      const m = COMMENT.exec(c.value.trim());
      if (!m) continue;
      const [idsPart] = m[2].split(/\s--\s|\s--$/);
      const ids = idsPart.split(/[\s,]+/).filter(Boolean);
      const rules = ids.length ? new Set(ids) : null;
      switch (m[1]) {
        case 'disable-file':
          if (rules) for (const r of rules) this.fileDisabled.add(r);
          else this.fileDisabledAll = true;
          break;
        case 'disable-line': {
          const [s, e] = lineAround(text, c.range.start);
          this.spans.push({ start: s, end: e, rules });
          break;
        }
        case 'disable-next-line': {
          const [, e] = lineAround(text, c.range.end);
          const [ns, ne] = lineAround(text, Math.min(text.length, e + 1));
          if (ns > e) this.spans.push({ start: ns, end: ne, rules });
          break;
        }
        case 'disable':
          for (const r of rules ?? [null]) if (!open.has(r)) open.set(r, c.range.end);
          break;
        case 'enable':
          if (!rules) {
            for (const [r, s] of open) this.spans.push({ start: s, end: c.range.start, rules: r ? new Set([r]) : null });
            open.clear();
          } else {
            for (const r of rules) {
              const s = open.get(r);
              if (s !== undefined) {
                this.spans.push({ start: s, end: c.range.start, rules: new Set([r]) });
                open.delete(r);
              }
            }
          }
          break;
      }
    }
    for (const [r, s] of open) this.spans.push({ start: s, end: text.length, rules: r ? new Set([r]) : null });
  }

  isSuppressed(ruleId: string, offset: number): boolean {
    if (this.fileDisabledAll || this.fileDisabled.has(ruleId)) return true;
    return this.spans.some((s) => offset >= s.start && offset <= s.end && (!s.rules || s.rules.has(ruleId)));
  }
}

function lineAround(text: string, pos: number): [number, number] {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return [s, e];
}
