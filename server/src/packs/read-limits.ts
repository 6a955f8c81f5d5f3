/**
 * Checks on the text of a pack or config file before the YAML parser sees it, so a
 * hostile or mis-saved file gets one clear, located message instead of a stack
 * overflow or pages of syntax errors: the encoding (UTF-16 read as UTF-8 is NUL
 * bytes or U+FFFD pairs) and how deep lists and maps nest (the parser and every walk
 * over the data are recursive; 200,000 nested `[` overflowed the stack).
 */

/** Lists and maps may nest this deep: real packs and configs nest under 10 levels. */
export const MAX_NESTING = 64;

export interface TextProblem {
  offset: number;
  reason: string;
}

export function encodingProblem(text: string): TextProblem | undefined {
  // A UTF-16 byte order mark (FF FE or FE FF) is not UTF-8: it decodes to two U+FFFD.
  const utf16Bom = text.startsWith('\ufffd\ufffd');
  const head = text.slice(0, 1024);
  const nuls = head.length - head.replace(/\0/g, '').length;
  if (utf16Bom || nuls > head.length / 8) {
    return {
      offset: 0,
      reason: `this file is not UTF-8 (it looks like UTF-16${utf16Bom ? ', from its byte order mark' : ': it is full of NUL bytes'}). Save it as UTF-8.`,
    };
  }
  return undefined;
}

/**
 * The first place where lists and maps nest deeper than MAX_NESTING, found in one
 * pass without recursion. It follows YAML closely enough to never undercount real
 * nesting: indentation levels and `- ` items of block collections, `[`/`{` of flow
 * collections (JSON), skipping quoted strings, comments and block scalars, where
 * brackets are only text.
 */
export function nestingProblem(text: string): TextProblem | undefined {
  // Open block levels: each line's indentation and the depth it reached (with its compact "- - " items).
  const levels: Array<{ indent: number; depth: number }> = [];
  let depth = 0; // block depth of the current line
  let flow = 0;
  let quote = '';
  let blockScalarIndent = -1; // indentation of the line that started a `|` or `>` scalar
  let i = 0;
  const tooDeep = (offset: number): TextProblem => ({
    offset,
    reason: `lists and maps nest more than ${MAX_NESTING} levels deep here; cx-lint reads at most ${MAX_NESTING} levels. Flatten the data.`,
  });
  while (i < text.length) {
    // Start of a line.
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    const indent = j - i;
    const blank = j === end || text[j] === '\r' || text[j] === '#';
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        i = end + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (!quote && flow === 0 && !blank) {
      while (levels.length && levels[levels.length - 1].indent >= indent) levels.pop();
      depth = (levels.length ? levels[levels.length - 1].depth : 0) + 1;
      // Compact nesting on one line: "- - - x", "? - x".
      for (let k = j; k + 1 < end && (text[k] === '-' || text[k] === '?') && (text[k + 1] === ' ' || text[k + 1] === '\t');) {
        if (++depth > MAX_NESTING) return tooDeep(k);
        k += 2;
        while (k < end && text[k] === ' ') k++;
      }
      if (depth > MAX_NESTING) return tooDeep(j);
      levels.push({ indent, depth });
    }
    let valueStart = true; // at a place where a flow collection, quote or block scalar may begin
    for (let k = j; k < end; k++) {
      const c = text[k];
      if (quote) {
        if (quote === '"' && c === '\\') k++;
        else if (c === quote) {
          if (quote === "'" && text[k + 1] === "'") k++;
          else quote = '';
        }
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') continue;
      if (c === '#' && (k === 0 || /\s/.test(text[k - 1]))) break;
      if ((c === '"' || c === "'") && valueStart) {
        quote = c;
        valueStart = false;
        continue;
      }
      if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow++;
        if (depth + flow > MAX_NESTING) return tooDeep(k);
        valueStart = true;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        valueStart = false;
        continue;
      }
      if (flow === 0 && (c === '|' || c === '>') && valueStart) {
        blockScalarIndent = indent;
        break;
      }
      // After these a new value may start: "key: [", "- [", "[a, [".
      valueStart = c === ',' || ((c === ':' || c === '-' || c === '?') && (k + 1 >= end || /\s/.test(text[k + 1]) || flow > 0));
    }
    i = end + 1;
  }
  return undefined;
}
