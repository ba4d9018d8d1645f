// Checks of the button lists and of each button: counts, nesting, name, type and the fields the
// type needs. Keys and urls are collected on the way for the whole-menu rules (duplicate keys,
// the domain limit).

import type { Node } from 'jsonc-parser';

import type { JsonPath } from '../model';
import { hasOwnKey } from '../ownFields';
import { BUTTON_FIELDS, BUTTON_TYPE_NAMES, BUTTON_TYPES, isButtonType, LEAF_FIELDS, URL_BUTTON_TYPES } from '../rules/buttons';
import { BUTTON_COUNT, type ButtonLevel, BYTE_LIMITS, utf8ByteLength } from '../rules/limits';
import { type Prop, properties, stringValue } from './jsonTree';
import type { ProblemReporter } from './reporter';
import { checkUrl, type UrlUse } from './urls';

interface KeyUse {
  readonly key: string;
  readonly node: Node;
  readonly path: JsonPath;
  readonly buttonName: string;
}

/** What one walk over the buttons collects besides problems. */
export class ButtonChecks {
  private readonly keys: KeyUse[] = [];
  readonly urls: UrlUse[] = [];
  /** Buttons whose fields were checked (the unit tests check the walk is bounded). */
  checkedButtons = 0;

  constructor(private readonly report: ProblemReporter) {}

  /** Limits for the count messages: "{0} to {1}". */
  static countArgs(level: ButtonLevel): [number, number] {
    return [BUTTON_COUNT[level].min, BUTTON_COUNT[level].max];
  }

  checkList(list: Node, path: JsonPath, level: ButtonLevel): void {
    const items = list.children ?? [];
    const max = BUTTON_COUNT[level].max;
    if (items.length === 0 && level === 'top') {
      this.report.at(list, path, 'noButtons', ButtonChecks.countArgs('top'));
    }
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as Node;
      const itemPath = [...path, index];
      if (index >= max) {
        const code = level === 'top' ? 'tooManyButtons' : 'tooManySubButtons';
        this.report.at(item, itemPath, code, [items.length, max], { openingOnly: true });
        if (!this.report.canList(item.offset)) {
          // A button past the limit is an error already (the upload stays blocked), and the
          // problem cap is full of problems before this one: nothing in it or after it could be
          // listed. The rest of the list is only counted, so a list of 80,000 `{}` costs about
          // maxProblems buttons, and "…and N more" (like the domain rule's count of domains)
          // counts what the buttons checked hold.
          this.report.countUnlisted(items.length - index - 1, code);
          return;
        }
      }
      this.checkButton(item, itemPath, level);
    }
  }

  /** Two buttons with one key: the server cannot tell which was tapped. */
  checkDuplicateKeys(): void {
    const first = new Map<string, KeyUse>();
    for (const use of this.keys) {
      const earlier = first.get(use.key);
      if (earlier) {
        this.report.at(use.node, use.path, 'keyDuplicate', [use.key, earlier.buttonName]);
      } else {
        first.set(use.key, use);
      }
    }
  }

  private checkButton(node: Node, path: JsonPath, level: ButtonLevel): void {
    const report = this.report;
    this.checkedButtons++;
    if (node.type !== 'object') {
      report.at(node, path, 'buttonNotObject', [], { level });
      return;
    }
    const props = properties(node, path, report);
    const name = this.checkName(node, props, path, level);
    const hasSubButtons = this.checkSubButtons(props.get('sub_button'), level);
    for (const prop of props.values()) {
      if (!hasOwnKey(BUTTON_FIELDS, prop.name)) {
        report.at(prop.keyNode, prop.path, 'fieldUnknown', [prop.name]);
      }
    }
    if (!hasSubButtons) {
      this.checkLeaf(node, props, path, level, name);
      return;
    }
    const type = props.get('type');
    if (type) {
      report.at(type.value, type.path, 'typeWithSubButtons');
    }
    for (const field of LEAF_FIELDS) {
      const prop = props.get(field);
      if (prop) {
        report.at(prop.keyNode, prop.path, 'fieldIgnoredWithSub', [field]);
      }
    }
  }

  /** Checks `sub_button`; true when the button has a non-empty sub-menu (`[]` means none). */
  private checkSubButtons(sub: Prop | undefined, level: ButtonLevel): boolean {
    if (!sub) {
      return false;
    }
    if (sub.value.type !== 'array') {
      this.report.at(sub.value, sub.path, 'subButtonNotArray', [BUTTON_COUNT.sub.max]);
      return false;
    }
    if ((sub.value.children ?? []).length === 0) {
      return false;
    }
    if (level === 'sub') {
      this.report.at(sub.value, sub.path, 'nestedSubMenu');
      return false;
    }
    this.checkList(sub.value, sub.path, 'sub');
    return true;
  }

  /** Checks `name`; returns it (or '' when unusable) for messages that refer to the button. */
  private checkName(node: Node, props: Map<string, Prop>, path: JsonPath, level: ButtonLevel): string {
    const prop = props.get('name');
    if (!prop) {
      this.report.at(node, [...path, 'name'], 'nameMissing', [], { level, openingOnly: true });
      return '';
    }
    const value = stringValue(prop, this.report);
    if (value === undefined) {
      return '';
    }
    if (value.trim() === '') {
      this.report.at(prop.value, prop.path, 'nameEmpty', [], { level });
      return value;
    }
    const bytes = utf8ByteLength(value);
    const limit = BYTE_LIMITS.name[level].maxBytes;
    if (bytes > limit) {
      this.report.at(prop.value, prop.path, level === 'top' ? 'nameTooLongTop' : 'nameTooLongSub', [bytes, limit]);
    }
    if (value !== value.trim()) {
      this.report.at(prop.value, prop.path, 'nameSpaces');
    }
    return value;
  }

  private checkLeaf(node: Node, props: Map<string, Prop>, path: JsonPath, level: ButtonLevel, name: string): void {
    const report = this.report;
    const typeProp = props.get('type');
    if (!typeProp) {
      const anchor = props.get('name')?.value ?? node;
      report.at(anchor, [...path, 'type'], 'typeMissing', [], { openingOnly: anchor === node });
      return;
    }
    const type = stringValue(typeProp, report);
    if (type === undefined) {
      return;
    }
    if (!isButtonType(type)) {
      report.at(typeProp.value, typeProp.path, 'typeUnknown', [type, BUTTON_TYPE_NAMES.join(', ')], { level });
      return;
    }
    const requires = BUTTON_TYPES[type].requires;
    for (const field of LEAF_FIELDS) {
      const prop = props.get(field);
      if (!requires.includes(field)) {
        if (prop) {
          report.at(prop.keyNode, prop.path, 'fieldIgnored', [field, type]);
        }
        continue;
      }
      if (!prop) {
        report.at(typeProp.value, [...path, field], 'fieldRequired', [type, field], { level, field });
        continue;
      }
      const value = stringValue(prop, report);
      if (value === undefined) {
        continue;
      }
      if (value.trim() === '') {
        report.at(prop.value, prop.path, 'fieldEmpty', [field, type], { level, field });
        continue;
      }
      this.checkLeafValue(prop, field, value, level, name, URL_BUTTON_TYPES.includes(type));
    }
  }

  /** Byte limits of key and url, and what the whole-menu rules need to know. */
  private checkLeafValue(prop: Prop, field: string, value: string, level: ButtonLevel, name: string, urlCounts: boolean): void {
    if (field === 'key' || field === 'url') {
      const bytes = utf8ByteLength(value);
      const limit = BYTE_LIMITS[field][level].maxBytes;
      if (bytes > limit) {
        this.report.at(prop.value, prop.path, field === 'key' ? 'keyTooLong' : 'urlTooLong', [bytes, limit], { level });
      }
    }
    if (field === 'key') {
      this.keys.push({ key: value, node: prop.value, path: prop.path, buttonName: name });
    }
    if (field === 'url' && urlCounts) {
      checkUrl(prop, value, level, this.report, this.urls);
    }
  }
}
