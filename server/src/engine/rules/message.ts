import { own } from '../own';

/** Fills `{name}` placeholders; unknown names (`{constructor}` too) stay visible rather than vanish. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => String(own(data, k) ?? m));
}
