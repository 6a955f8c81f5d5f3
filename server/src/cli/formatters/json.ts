import { countBySeverity, portablePath, sortMessages, sortResults, type FileResult } from '../results';

export interface ToolInfo {
  name: string;
  version: string;
}

/** Machine-readable report, format version 1 (README "Command line"). */
export function formatJson(results: FileResult[], tool: ToolInfo): string {
  const out = {
    version: 1,
    tool: { name: tool.name, version: tool.version },
    results: sortResults(results).map((r) => {
      const messages = sortMessages(r.messages);
      return {
        filePath: portablePath(r),
        kind: r.kind ?? null,
        ...(r.fatal ? { fatal: r.fatal } : {}),
        messages: messages.map((m) => ({
          ruleId: m.ruleId,
          severity: m.severity,
          message: m.message,
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          fixable: m.fixes.some((f) => f.safe),
          suggestions: m.fixes.filter((f) => !f.safe).length,
        })),
        ...countBySeverity(messages),
      };
    }),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
