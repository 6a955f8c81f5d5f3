import { explainCheck } from './checks';
import type { DocModel } from '../model/model';
import type { RunContext } from './run-context';
import type { DocKind } from '../types';

/**
 * How cx-lint read a document, for people (`cx-lint --print-reading`) and for the
 * evaluation on real postings: the kind and why, the title's parse, each section's
 * role, each duty's lexicon classes with the words that decided them, and what each
 * title rule computed. It is built from the same model and scans the rules use, so
 * it can never disagree with a verdict.
 */
export interface Reading {
  kind: DocKind;
  kindReason: string;
  title?: {
    text: string;
    source: 'front-matter' | 'heading';
    form: string;
    level?: string;
    roleNoun?: string;
    family?: string;
    line: number;
  };
  sections: Array<{ heading: string; role: string; depth: number; line: number }>;
  duties: Array<{
    line: number;
    text: string;
    kind: string;
    section: string;
    classes: Array<{ class: string; words: string[]; negated?: string[] }>;
  }>;
  /** Lines that looked like duties and were not counted, with why. */
  setAside: Array<{ line: number; text: string; reason: string }>;
  rules: Array<{ ruleId: string; applies: boolean; summary: string }>;
}

/** Lexicon classes shown per duty: the ones the title rules count. */
const SHOWN_CLASSES_LIMIT = 24;

export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function buildReading(model: DocModel, ctx: RunContext, applies: (ruleId: string) => boolean): Reading {
  const { text } = model;
  const classNames = [...ctx.setup.classes.keys()].slice(0, 200);
  const sectionName = (i: number) => (i < 0 ? '(before the first heading)' : model.sections[i].heading);
  return {
    kind: model.kind,
    kindReason: model.kindReason,
    title: model.title && {
      text: model.title.text,
      source: model.title.source,
      form: model.title.parse.form,
      level: model.title.parse.level,
      roleNoun: model.title.parse.roleNoun,
      family: model.title.parse.family?.term,
      line: lineOf(text, model.title.range.start),
    },
    sections: model.sections.map((s) => ({ heading: s.heading, role: s.role, depth: s.depth, line: lineOf(text, s.headingRange.start) })),
    duties: model.duties.map((d) => {
      const classes: Reading['duties'][number]['classes'] = [];
      for (const cls of classNames) {
        const ms = ctx.matches(d, cls);
        if (!ms.length) continue;
        const words = ms.filter((m) => !m.negated).map((m) => d.text.slice(m.start, m.end));
        const negated = ms.filter((m) => m.negated).map((m) => d.text.slice(m.start, m.end));
        classes.push(negated.length ? { class: cls, words, negated } : { class: cls, words });
        if (classes.length >= SHOWN_CLASSES_LIMIT) break;
      }
      return { line: lineOf(text, d.range.start), text: d.text.replace(/\s+/g, ' ').trim(), kind: d.kind, section: sectionName(d.section), classes };
    }),
    setAside: (model.setAside ?? [])
      .map((x) => ({ line: lineOf(text, x.block.range.start), text: x.block.text.replace(/\s+/g, ' ').trim(), reason: x.reason }))
      .sort((a, b) => a.line - b.line),
    rules: ctx.setup.rules
      .map((r) => ({ ruleId: r.data.id, applies: applies(r.data.id), summary: explainCheck(ctx, r.check) }))
      .filter((r) => r.summary !== ''),
  };
}

/** A line's text cut to 110 characters, as the view lists duties and lines set aside. */
function short(text: string): string {
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

/** The reading as plain text, for a terminal. */
export function formatReading(r: Reading, file?: string): string {
  const out: string[] = [];
  if (file) out.push(file);
  out.push(`kind: ${r.kind} (${r.kindReason})`);
  if (r.title) {
    const t = r.title;
    out.push(`title (line ${t.line}, ${t.source}): ${t.text.trim()}`);
    out.push(`  form ${t.form}${t.level ? `, level ${t.level}` : ''}${t.roleNoun ? `, role noun "${t.roleNoun}"` : ''}${t.family ? `, CX term "${t.family}"` : ''}`);
  } else out.push('title: none');
  out.push('sections:');
  if (!r.sections.length) out.push('  (no headings)');
  for (const s of r.sections) out.push(`  ${String(s.line).padStart(4)}  ${'  '.repeat(Math.max(0, Math.min(s.depth, 7) - 1))}${s.heading.trim() || '(empty)'}  → ${s.role}`);
  out.push(`duties (${r.duties.length}):`);
  for (const d of r.duties) {
    // A task split out of a sentence that lists several says so: the line holds more than one duty.
    const label = d.kind === 'task' ? 'task: ' : '';
    out.push(`  ${String(d.line).padStart(4)}  ${label}${short(d.text)}`);
    const cls = d.classes.map((c) => {
      const neg = c.negated?.length ? ` (negated: ${c.negated.join(', ')})` : '';
      return c.words.length ? `${c.class}: ${[...new Set(c.words)].join(', ')}${neg}` : `${c.class}${neg}`;
    });
    out.push(`        ${cls.length ? cls.join(' · ') : '(no class)'}`);
  }
  if (r.setAside.length) {
    out.push(`set aside (${r.setAside.length}):`);
    for (const x of r.setAside) out.push(`  ${String(x.line).padStart(4)}  ${short(x.text)}\n        ${x.reason}`);
  }
  out.push('rules:');
  for (const rule of r.rules) out.push(`  ${rule.ruleId}: ${rule.applies ? '' : '(does not apply) '}${rule.summary}`);
  return out.join('\n') + '\n';
}
