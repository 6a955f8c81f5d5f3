import { fingerprints } from '../fingerprints';
import { portablePath, type FileResult } from '../results';
import { JsonArraySlot, Spool, type ReportWriter, type Sink, type ToolInfo } from '../stream';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
const INFORMATION_URI = 'https://github.com/cx-lint/cx-lint';

export type DescribeRule = (ruleId: string) => { description?: string; severity?: string };

/**
 * SARIF 2.1.0, one run, files in sorted order. The rule list comes before the results
 * in the document and holds the rules the results use, so the results are spooled
 * (memory, then a temporary file) until the last file is in.
 */
export class SarifWriter implements ReportWriter {
  private readonly rules: Array<Record<string, unknown>> = [];
  private readonly ruleIndex = new Map<string, number>();
  private readonly results = new Spool();
  private readonly slot: JsonArraySlot;
  private count = 0;
  constructor(
    private readonly out: Sink,
    private readonly tool: ToolInfo,
    private readonly describe: DescribeRule = () => ({}),
  ) {
    this.slot = new JsonArraySlot(this.log(JsonArraySlot.ITEMS));
  }

  private log(results: unknown): unknown {
    return {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'cx-lint', version: this.tool.version, informationUri: INFORMATION_URI, rules: this.rules } },
          results: [results],
        },
      ],
    };
  }

  file(r: FileResult): void {
    const uri = portablePath(r);
    for (const { message: m, fingerprint } of fingerprints(r)) {
      if (!this.ruleIndex.has(m.ruleId)) {
        const d = this.describe(m.ruleId);
        const def = d.severity && d.severity in LEVEL ? LEVEL[d.severity as keyof typeof LEVEL] : d.severity === 'off' ? 'none' : LEVEL[m.severity];
        this.ruleIndex.set(m.ruleId, this.rules.length);
        this.rules.push({
          id: m.ruleId,
          shortDescription: { text: d.description ?? m.ruleId },
          ...(m.docsUrl ? { helpUri: m.docsUrl } : {}),
          defaultConfiguration: { level: def },
        });
      }
      const item = {
        ruleId: m.ruleId,
        ruleIndex: this.ruleIndex.get(m.ruleId),
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
      };
      this.results.write(this.slot.item(item, this.count++));
    }
  }

  end(): void {
    // The rules are known now; the results' indentation does not depend on them.
    this.out(new JsonArraySlot(this.log(JsonArraySlot.ITEMS)).head);
    this.results.drain(this.out);
    this.out(this.slot.end(this.count));
  }
}
