import type { RuleData, Setup } from '../engine';

export function ruleData(setup: Setup, ruleId: string): RuleData | undefined {
  return setup.allRules.find((r) => r.data.id === ruleId)?.data;
}

/** The rule's name in words for menus and hovers: its `title`, else its id (packs written before titles, engine findings). */
export function ruleTitle(setup: Setup, ruleId: string): string {
  return ruleData(setup, ruleId)?.title ?? ruleId;
}
