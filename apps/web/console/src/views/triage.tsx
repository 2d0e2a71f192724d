import { t } from '../store';
import type { Triage } from '../wire';

/** The survivor's triage answers as definition-list rows (inside a `dl`); immediate danger stands out. */
export function TriageFacts({ triage }: { triage: Triage }) {
  const copy = t.value;
  return (
    <>
      <div class={triage.immediateDanger ? 'danger-fact' : ''}><dt>{copy.triage.immediateDanger}</dt><dd>{triage.immediateDanger ? copy.app.yes : copy.app.no}</dd></div>
      <div><dt>{copy.triage.forWhom}</dt><dd>{triage.forWhom ? copy.triage.forWhomValue[triage.forWhom] ?? triage.forWhom : copy.triage.notGiven}</dd></div>
      <div><dt>{copy.triage.ageGroup}</dt><dd>{triage.ageGroup ? copy.triage.ageGroupValue[triage.ageGroup] ?? triage.ageGroup : copy.triage.notGiven}</dd></div>
    </>
  );
}
