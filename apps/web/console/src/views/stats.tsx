import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import type { View } from '../screens';
import { count, isoDay } from '../format';
import { LANGS } from '../i18n';
import { componentView } from '../mount';
import { api } from '../services';
import { lang, t } from '../store';
import { Field } from './controls';
import { useUid } from '../dom';

type Figures = { contacts: number | null; answered: number | null; abandoned: number | null; escalated: number | null };
interface Stats { from: string; to: string; minCell: number; totals: Figures; byLanguage: Record<string, Figures> }

/** The one mark of a hidden figure, here and in the server's CSV, whatever the reason it is hidden. */
const HIDDEN_MARK = '*';

const COLUMNS = ['contacts', 'answered', 'abandoned', 'escalated'] as const;

export function statsView(): View {
  return componentView('stats', () => <StatsScreen />);
}

/** A failed request in words: the server's reason for a bad range, else a calm "try again". */
function failure(err: unknown): string {
  return err instanceof ApiError && err.status === 400 ? err.message : t.value.app.failed;
}

/**
 * Anonymised statistics for a date range, per line and in total. Hidden figures (small counts and
 * those that would give one away) arrive from the server as null and are shown with one mark and
 * one label; nothing here adds, subtracts or derives a figure, which could undo the hiding.
 */
function StatsScreen() {
  const [range, setRange] = useState(() => ({ from: isoDay(new Date(new Date().getFullYear(), new Date().getMonth(), 1)), to: isoDay(new Date()) }));
  const [draft, setDraft] = useState(range);
  const [stats, setStats] = useState<Stats | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    api.get<Stats>(`/api/stats?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`)
      .then((s) => { if (current) { setStats(s); setError(''); } }, (err: unknown) => { if (current) setError(failure(err)); });
    return () => { current = false; };
  }, [range]);
  const copy = t.value.stats;
  /** The server's CSV (suppressed the same way), fetched with the token and saved from memory. */
  const download = async () => {
    const { from, to } = draft;
    try {
      const blob = await api.blob(`/api/stats/csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: `prystan-${from}-${to}.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(failure(err));
    }
  };
  return (
    <>
      <h1>{copy.title}</h1>
      <p class="tip">{copy.intro.replace('{min}', String((stats?.minCell ?? 5) - 1))}</p>
      <form class="range" onSubmit={(e) => { e.preventDefault(); setRange({ ...draft }); }}>
        <Field label={copy.from}>{(ids) => <input {...ids} type="date" required value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />}</Field>
        <Field label={copy.to}>{(ids) => <input {...ids} type="date" required value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />}</Field>
        <button type="submit" class="primary">{copy.show}</button>
        <button type="button" class="secondary" onClick={() => void download()}>{copy.download}</button>
      </form>
      <div class="stats-result">
        {error ? <p class="error" role="alert">{error}</p> : !stats ? <p class="tip">{t.value.app.loading}</p> : <StatsTable stats={stats} />}
      </div>
    </>
  );
}

function StatsTable({ stats: s }: { stats: Stats }) {
  const copy = t.value;
  const captionId = useUid('caption');
  const anyHidden = [s.totals, ...Object.values(s.byLanguage)].some((f) => COLUMNS.some((c) => f[c] === null));
  const cell = (n: number | null) => n === null
    ? <td class="num hidden-cell"><span role="img" aria-label={copy.stats.hidden} title={copy.stats.hidden}>{HIDDEN_MARK}</span></td>
    : <td class="num">{count(n, lang.value)}</td>;
  const row = (label: string, f: Figures, total = false) => (
    <tr class={total ? 'total' : ''}><th scope="row" class="cap">{label}</th>{COLUMNS.map((c) => cell(f[c]))}</tr>
  );
  return (
    <>
      <div class="table-wrap">
        <table aria-labelledby={captionId} data-qa="stats-table">
          <caption id={captionId}>{`${s.from} – ${s.to}`}</caption>
          <thead><tr><th scope="col">{copy.stats.row}</th>{COLUMNS.map((c) => <th scope="col">{copy.stats[c]}</th>)}</tr></thead>
          <tbody>
            {LANGS.map((l) => row(copy.langName[l], s.byLanguage[l]))}
            {row(copy.stats.total, s.totals, true)}
          </tbody>
        </table>
      </div>
      {anyHidden && <p class="tip" data-qa="stats-hidden-note">{`${HIDDEN_MARK} ${copy.stats.hidden}`}</p>}
    </>
  );
}
