// Checks of a conditional menu's `matchrule`: known fields, closed value sets, the fields one
// needs (province needs country …), and the older fields WeChat may reject on privacy grounds.

import { hasOwnKey } from '../ownFields';
import { MATCHRULE_FIELDS, MATCHRULE_PRIVACY_ERRCODE, type MatchRuleField } from '../rules/matchRule';
import { type Prop, properties, stringValue } from './jsonTree';
import type { ProblemReporter } from './reporter';

export function checkMatchRule(matchrule: Prop, report: ProblemReporter): void {
  if (matchrule.value.type !== 'object') {
    report.at(matchrule.value, matchrule.path, 'matchruleNotObject');
    return;
  }
  const present = new Map<MatchRuleField, Prop>();
  for (const prop of properties(matchrule.value, matchrule.path, report).values()) {
    const field = prop.name;
    if (!hasOwnKey(MATCHRULE_FIELDS, field)) {
      report.at(prop.keyNode, prop.path, 'fieldUnknown', [prop.name]);
      continue;
    }
    const value = matchRuleValue(prop, report);
    if (value === undefined || value.trim() === '') {
      continue;
    }
    present.set(field, prop);
    const rule = MATCHRULE_FIELDS[field];
    if (rule.renamedTo) {
      report.at(prop.keyNode, prop.path, 'matchruleRenamed', [field, rule.renamedTo]);
    }
    if (rule.values && !rule.values.some((v) => v.value === value.trim())) {
      report.at(prop.value, prop.path, rule.legacy ? 'matchruleLegacyValue' : 'matchruleValue', [field]);
    } else if (prop.value.type === 'number') {
      report.at(prop.value, prop.path, 'matchruleNumber', [field, value]);
    }
    if (rule.legacy) {
      report.at(prop.keyNode, prop.path, 'matchruleLegacy', [field, MATCHRULE_PRIVACY_ERRCODE]);
    }
  }
  for (const [field, prop] of present) {
    const needs = MATCHRULE_FIELDS[field].needs;
    if (needs && !present.has(needs.field)) {
      report.at(prop.value, prop.path, 'matchruleNeeds', [field, needs.field], { field });
    }
  }
  if (present.size === 0) {
    report.at(matchrule.value, matchrule.path, 'matchruleEmpty', [], { openingOnly: (matchrule.value.children ?? []).length > 0 });
  }
}

/** A match-rule value as text: strings as they are, numbers converted (menu/get returns numbers). */
function matchRuleValue(prop: Prop, report: ProblemReporter): string | undefined {
  if (prop.value.type === 'number') {
    return String(prop.value.value);
  }
  return stringValue(prop, report);
}
