/**
 * The one list of output formats. The CLI's --format parser, its help text, its main
 * loop and the Node API's formatResults all read it: to add a format, write its
 * ReportWriter in this folder and add one entry here (CONTRIBUTING.md).
 */
import type { Setup } from '../../engine';
import type { ReportWriter, Sink, ToolInfo } from '../stream';
import { GithubWriter } from './github';
import { JsonWriter } from './json';
import { JunitWriter } from './junit';
import { SarifWriter, type DescribeRule } from './sarif';
import { StylishWriter } from './stylish';

/** What a report writer may need besides the sink. */
export interface ReportContext {
  tool: ToolInfo;
  /** ANSI colour (stylish). */
  color: boolean;
  /** The rules' descriptions and default severities (SARIF's rule list). */
  describe: DescribeRule;
  /** Where GITHUB_STEP_SUMMARY is read (github); the API passes none. */
  env: NodeJS.ProcessEnv;
}

export interface OutputFormat {
  /** Files in forward-slash path order (machine formats) rather than as listed (stylish). */
  portablePaths: boolean;
  open(out: Sink, ctx: ReportContext): ReportWriter;
}

/** In the order the help text lists them; the first is the default. */
export const FORMATS = {
  stylish: { portablePaths: false, open: (out, ctx) => new StylishWriter(out, { color: ctx.color }) },
  json: { portablePaths: true, open: (out, ctx) => new JsonWriter(out, ctx.tool) },
  sarif: { portablePaths: true, open: (out, ctx) => new SarifWriter(out, ctx.tool, ctx.describe) },
  github: { portablePaths: true, open: (out, ctx) => new GithubWriter(out, ctx.env) },
  junit: { portablePaths: true, open: (out) => new JunitWriter(out) },
} as const satisfies Record<string, OutputFormat>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
export const DEFAULT_FORMAT: FormatName = FORMAT_NAMES[0];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/**
 * Describes rules from the setup of the first file linted, asked for lazily (when the
 * first finding comes in), as the CLI and the API both do.
 */
export function ruleDescriber(setupOf: () => Setup | undefined): DescribeRule {
  let setup: Setup | undefined | null = null;
  return (id) => {
    if (setup === null) setup = setupOf();
    const r = setup?.allRules.find((x) => x.data.id === id);
    return { description: r?.data.description.replace(/\s+/g, ' ').trim(), severity: r ? String(r.data.severity) : undefined };
  };
}
