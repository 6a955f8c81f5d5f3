import { fingerprints } from '../baseline';
import { portablePath, sortResults, type FileResult } from '../results';
import type { ToolInfo } from './json';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
export const INFORMATION_URI = 'https://github.com/cx-lint/cx-lint';

/** SARIF 2.1.0, one run. */
export function formatSarif(results: FileResult[], tool: ToolInfo, describe: (ruleId: string) => { description?: string; severity?: string } = () => ({})): string {
  const sorted = sortResults(results);
  const rules: Array<Record<string, unknown>> = [];
  const ruleIndex = new Map<string, number>();
  const sarifResults: Array<Record<string, unknown>> = [];
  for (const r of sorted) {
    const uri = portablePath(r);
    for (const { message: m, fingerprint } of fingerprints(r)) {
      if (!ruleIndex.has(m.ruleId)) {
        const d = describe(m.ruleId);
        const def = d.severity && d.severity in LEVEL ? LEVEL[d.severity as keyof typeof LEVEL] : d.severity === 'off' ? 'none' : LEVEL[m.severity];
        ruleIndex.set(m.ruleId, rules.length);
        rules.push({
          id: m.ruleId,
          shortDescription: { text: d.description ?? m.ruleId },
          ...(m.docsUrl ? { helpUri: m.docsUrl } : {}),
          defaultConfiguration: { level: def },
        });
      }
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: ruleIndex.get(m.ruleId),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
        partialFingerprints: { 'cxLint/v1': fingerprint },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cx-lint', version: tool.version, informationUri: INFORMATION_URI, rules } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
