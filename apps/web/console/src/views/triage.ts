import { h } from '../dom';
import type { Copy } from '../i18n';
import type { Triage } from '../wire';

/** The survivor's triage answers as definition-list rows; immediate danger stands out. */
export function triageList(t: Copy, triage: Triage): HTMLElement[] {
  return [
    h('div', { class: triage.immediateDanger ? 'danger-fact' : '' }, h('dt', {}, t.triage.immediateDanger), h('dd', {}, triage.immediateDanger ? t.app.yes : t.app.no)),
    h('div', {}, h('dt', {}, t.triage.forWhom), h('dd', {}, triage.forWhom ? t.triage.forWhomValue[triage.forWhom] ?? triage.forWhom : t.triage.notGiven)),
    h('div', {}, h('dt', {}, t.triage.ageGroup), h('dd', {}, triage.ageGroup ? t.triage.ageGroupValue[triage.ageGroup] ?? triage.ageGroup : t.triage.notGiven)),
  ];
}
