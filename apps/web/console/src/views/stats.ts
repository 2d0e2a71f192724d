import { ApiError } from '../api';
import type { App, View } from '../app';
import { field, h, uid } from '../dom';
import { count, isoDay } from '../format';
import { LANGS } from '../i18n';

type Figures = { contacts: number | null; answered: number | null; abandoned: number | null; escalated: number | null };
interface Stats { from: string; to: string; minCell: number; totals: Figures; byLanguage: Record<string, Figures> }

/** The one mark of a hidden figure, here and in the server's CSV, whatever the reason it is hidden. */
const HIDDEN_MARK = '*';

const COLUMNS = ['contacts', 'answered', 'abandoned', 'escalated'] as const;

/**
 * Anonymised statistics for a date range, per line and in total. Hidden figures (small counts and
 * those that would give one away) arrive from the server as null and are shown with one mark and
 * one label; nothing here adds, subtracts or derives a figure, which could undo the hiding.
 */
export class StatsView implements View {
  readonly el = h('section', { class: 'stats' });
  private from = isoDay(new Date(new Date().getFullYear(), new Date().getMonth(), 1));
  private to = isoDay(new Date());
  private stats?: Stats;
  private error = '';
  private readonly result = h('div', { class: 'stats-result' });

  constructor(private readonly app: App) {
    void this.load();
  }

  render(): void {
    const t = this.app.t.stats;
    const from = h('input', { type: 'date', value: this.from, required: true });
    const to = h('input', { type: 'date', value: this.to, required: true });
    const form = h('form', { class: 'range', onsubmit: (e: Event) => {
      e.preventDefault();
      this.from = from.value;
      this.to = to.value;
      void this.load();
    } }, field(t.from, from), field(t.to, to), h('button', { type: 'submit', class: 'primary' }, t.show),
      h('button', { type: 'button', class: 'secondary', onclick: () => void this.download(from.value, to.value) }, t.download));
    this.el.replaceChildren(h('h1', {}, t.title), h('p', { class: 'tip' }, t.intro.replace('{min}', String((this.stats?.minCell ?? 5) - 1))), form, this.result);
    this.renderResult();
  }

  private async load(): Promise<void> {
    try {
      this.stats = await this.app.api.get<Stats>(`/api/stats?from=${encodeURIComponent(this.from)}&to=${encodeURIComponent(this.to)}`);
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 400 ? err.message : this.app.t.app.failed;
    }
    if (this.el.isConnected) this.render();
  }

  private renderResult(): void {
    const t = this.app.t;
    const s = this.stats;
    if (this.error) return this.result.replaceChildren(h('p', { class: 'error', role: 'alert' }, this.error));
    if (!s) return this.result.replaceChildren(h('p', { class: 'tip' }, t.app.loading));
    const captionId = uid('stats');
    const cell = (n: number | null) => n === null
      ? h('td', { class: 'num hidden-cell' }, h('span', { role: 'img', 'aria-label': t.stats.hidden, title: t.stats.hidden }, HIDDEN_MARK))
      : h('td', { class: 'num' }, count(n, this.app.lang));
    const anyHidden = [s.totals, ...Object.values(s.byLanguage)].some((f) => COLUMNS.some((c) => f[c] === null));
    const row = (label: string, f: Figures, total = false) => h('tr', { class: total ? 'total' : '' }, h('th', { scope: 'row', class: 'cap' }, label), ...COLUMNS.map((c) => cell(f[c])));
    this.result.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': captionId, 'data-qa': 'stats-table' },
      h('caption', { id: captionId }, `${s.from} – ${s.to}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.stats.row), ...COLUMNS.map((c) => h('th', { scope: 'col' }, t.stats[c])))),
      h('tbody', {}, ...LANGS.map((l) => row(t.langName[l], s.byLanguage[l])), row(t.stats.total, s.totals, true)))),
      ...(anyHidden ? [h('p', { class: 'tip', 'data-qa': 'stats-hidden-note' }, `${HIDDEN_MARK} ${t.stats.hidden}`)] : []));
  }

  /** The server's CSV (suppressed the same way), fetched with the token and saved from memory. */
  private async download(from: string, to: string): Promise<void> {
    try {
      const blob = await this.app.api.blob(`/api/stats/csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: `prystan-${from}-${to}.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 400 ? err.message : this.app.t.app.failed;
      this.renderResult();
    }
  }
}
