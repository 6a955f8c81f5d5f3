import { countBySeverity, portablePath, sortMessages, type FileResult } from '../results';
import { JsonArraySlot, type ReportWriter, type Sink, type ToolInfo } from '../stream';

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
