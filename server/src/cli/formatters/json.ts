import { countBySeverity, portablePath, sortMessages, sortResults, type FileResult } from '../results';
import { collect, JsonArraySlot, type ReportWriter, type Sink } from './stream';

export interface ToolInfo {
  name: string;
  version: string;
}

/** Machine-readable report, format version 1 (README "Command line"), written file by file (files in sorted order). */
export class JsonWriter implements ReportWriter {
  private readonly slot: JsonArraySlot;
  private count = 0;
  constructor(
    private readonly out: Sink,
    tool: ToolInfo,
  ) {
    this.slot = new JsonArraySlot({ version: 1, tool: { name: tool.name, version: tool.version }, results: [JsonArraySlot.ITEMS] });
    out(this.slot.head);
  }

  file(r: FileResult): void {
    const messages = sortMessages(r.messages);
    const item = {
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
    this.out(this.slot.item(item, this.count++));
  }

  end(): void {
    this.out(this.slot.end(this.count));
  }
}

/** Machine-readable report, format version 1 (README "Command line"). */
export function formatJson(results: FileResult[], tool: ToolInfo): string {
  return collect((out) => new JsonWriter(out, tool), sortResults(results));
}
