import { createHash } from 'node:crypto';
import { portablePath, sortMessages, type FileResult, type Message } from './results';

/**
 * Fingerprints for each message of a file, in sorted order: rule id + path + covered text
 * + occurrence index of that triple (so a finding keeps its identity when lines move).
 * SARIF's partialFingerprints and baselines both use them.
 */
export function fingerprints(r: FileResult): Array<{ message: Message; fingerprint: string }> {
  const uri = portablePath(r);
  const seen = new Map<string, number>();
  return sortMessages(r.messages).map((m) => {
    const snippet = r.source ? r.source.slice(m.range.start, m.range.end) : (m.snippet ?? '');
    const key = `${m.ruleId}\u0000${uri}\u0000${snippet}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { message: m, fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32) };
  });
}
