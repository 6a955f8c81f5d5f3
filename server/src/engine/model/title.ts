import { fold } from '../match/patterns';
import type { Level, Vocabulary } from '../match/vocabulary';

/**
 * Reads a job title as role noun + qualifiers (docs/how-cx-lint-reads.md §3).
 * Positions are offsets into the title's plain text.
 */
export interface TitleParse {
  form: 'role' | 'discipline' | 'team' | 'none';
  level?: Level;
  roleNoun?: string;
  family?: { term: string; start: number; end: number };
  head?: { start: number; end: number };
}

interface Span {
  start: number;
  end: number;
}

function allMatches(re: RegExp, text: string): Array<Span & { text: string }> {
  const out: Array<Span & { text: string }> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function parseTitle(raw: string, vocab: Vocabulary): TitleParse {
  // Blank out parentheticals so "(Remote, EMEA)" never reads as part of the role,
  // keeping offsets intact for fixes.
  // "Executive Assistant to the Chief Customer Officer": whoever the role supports
  // is not the role, so everything from "to"/"supporting" to the next separator is noise.
  const bare = fold(raw.replace(/\([^()]*\)|\[[^\][]*\]/g, (m) => ' '.repeat(m.length)));
  const text = vocab.titleSupport ? bare.replace(vocab.titleSupport, (m) => ' '.repeat(m.length)) : bare;
  const segments: Span[] = [];
  let last = 0;
  for (const m of allMatches(vocab.titleSeparator, text)) {
    segments.push({ start: last, end: m.start });
    last = m.end;
  }
  segments.push({ start: last, end: text.length });

  const families = allMatches(vocab.family, text);
  const nouns: Array<Span & { text: string; level: Level }> = [];
  for (const [level, re] of vocab.levelRes) for (const m of allMatches(re, text)) nouns.push({ ...m, level });
  const disciplines = allMatches(vocab.discipline, text);
  const family = families[0] ? { term: raw.slice(families[0].start, families[0].end), start: families[0].start, end: families[0].end } : undefined;

  const inSeg = (s: Span, x: Span) => x.start >= s.start && x.end <= s.end;
  const roleSeg = segments.find((s) => nouns.some((n) => inSeg(s, n)) || disciplines.some((d) => inSeg(s, d)));
  if (!roleSeg) return family ? { form: 'role', family } : { form: 'none' };

  const segNouns = nouns.filter((n) => inSeg(roleSeg, n)).sort((a, b) => a.end - b.end || b.start - a.start);
  const segText = text.slice(roleSeg.start, roleSeg.end);
  const ofAt = vocab.titleOf ? segText.search(vocab.titleOf) : -1;
  let head = segNouns[segNouns.length - 1];
  if (ofAt >= 0) head = segNouns.filter((n) => n.end <= roleSeg.start + ofAt).pop() ?? head;
  // A discipline phrase ending where the role ends ("data analyst", "software engineer") wins.
  const disc =
    disciplines.find((d) => inSeg(roleSeg, d) && (!head || (d.end >= head.end && d.start <= head.start) || d.end === head.end)) ??
    (!head ? disciplines.find((d) => inSeg(roleSeg, d)) : undefined);
  const headSpan = disc ?? head;
  const result: TitleParse = {
    form: 'none',
    level: head?.level,
    roleNoun: headSpan ? raw.slice(headSpan.start, headSpan.end) : undefined,
    family,
    head: headSpan ? { start: headSpan.start, end: headSpan.end } : undefined,
  };
  if (disc && !head) result.level = 'specialist';
  if (!family) return result;

  if (inSeg(roleSeg, family)) {
    if (!disc) {
      result.form = 'role';
      return result;
    }
    // "CX Designer": CX names the kind of design. "Engineer on the CX team": a discipline on a team.
    result.form = family.end <= headSpan!.start ? 'discipline' : 'team';
    return result;
  }
  const famSegIdx = segments.findIndex((s) => inSeg(s, family));
  const roleSegIdx = segments.indexOf(roleSeg);
  if (famSegIdx < roleSegIdx) {
    // "Customer Experience: Data Analyst" reads like a team prefix.
    result.form = disc ? 'team' : 'role';
    return result;
  }
  // Family in a later segment: "VP, Customer Experience" is a CX role only when the
  // role segment holds nothing but a level and its qualifiers.
  if (disc) {
    result.form = 'team';
    return result;
  }
  let rest = segText;
  for (const re of [vocab.qualifier, ...vocab.levelRes.map(([, r]) => r)]) rest = rest.replace(re, ' ');
  result.form = /[\p{L}\p{N}]/u.test(vocab.titleConnector ? rest.replace(vocab.titleConnector, '') : rest) ? 'team' : 'role';
  return result;
}
