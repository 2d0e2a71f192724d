import type { App } from '../app';
import { h, svg, uid } from '../dom';

interface HourRow { hour: string; waitBand: string; contacts: number }
const BANDS = ['under-1m', '1-5m', '5-15m', '15-60m', 'over-60m'];
const W = 720;
const H = 220;
const LEFT = 34;
const BOTTOM = 24;
const TOP = 10;

/**
 * Today's waits, from the anonymised contact log only: contacts per local hour, stacked by
 * wait band, drawn here as SVG (no library), with the same numbers as a table.
 */
export class WaitsPanel {
  readonly el = h('section', { class: 'waits' });
  private counts: number[][] = emptyDay();
  private loaded = false;

  constructor(private readonly app: App) {}

  /** The log's hours are UTC: asking for yesterday and today (UTC) covers the whole local day. */
  async refresh(): Promise<void> {
    const now = new Date();
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const days = [...new Set([start.toISOString().slice(0, 10), now.toISOString().slice(0, 10)])];
    const answers = await Promise.all(days.map((day) => this.app.api.get<{ hours: HourRow[] }>(`/api/board/waits?day=${day}`).catch(() => undefined)));
    if (answers.some((a) => !a)) return;
    const counts = emptyDay();
    for (const row of answers.flatMap((a) => a!.hours)) {
      const at = new Date(row.hour);
      const band = BANDS.indexOf(row.waitBand);
      if (at < start || at.getTime() >= start.getTime() + 86_400_000 || band < 0) continue;
      counts[at.getHours()][band] += row.contacts;
    }
    this.counts = counts;
    this.loaded = true;
    this.render();
  }

  render(): void {
    const t = this.app.t.board;
    const titleId = uid('waits');
    const total = this.counts.flat().reduce((a, b) => a + b, 0);
    this.el.setAttribute('aria-labelledby', titleId);
    this.el.replaceChildren(
      h('h2', { id: titleId }, t.waits),
      h('p', { class: 'tip' }, t.waitsIntro),
      !this.loaded ? h('p', { class: 'tip' }, this.app.t.app.loading) : total === 0 ? h('p', { class: 'tip' }, t.noWaits) : this.figure(titleId));
  }

  private figure(titleId: string): HTMLElement {
    const t = this.app.t.board;
    const max = Math.max(1, ...this.counts.map((bands) => bands.reduce((a, b) => a + b, 0)));
    const step = (W - LEFT) / 24;
    const scale = (H - TOP - BOTTOM) / max;
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId, class: 'chart' },
      svg('line', { x1: LEFT, y1: H - BOTTOM, x2: W, y2: H - BOTTOM, class: 'axis' }),
      svg('text', { x: LEFT - 6, y: TOP + 8, class: 'tick', 'text-anchor': 'end' }, String(max)),
      svg('text', { x: LEFT - 6, y: H - BOTTOM, class: 'tick', 'text-anchor': 'end' }, '0'),
      ...this.counts.flatMap((bands, hour) => {
        let y = H - BOTTOM;
        const bars = bands.map((n, band) => {
          if (n === 0) return null;
          const height = n * scale;
          y -= height;
          return svg('rect', { x: LEFT + hour * step + 3, y, width: step - 6, height, class: `band-${band}` }, svg('title', {}, `${pad(hour)}:00 · ${t.band[BANDS[band]]}: ${n}`));
        });
        const label = hour % 3 === 0 ? svg('text', { x: LEFT + hour * step + step / 2, y: H - 6, class: 'tick', 'text-anchor': 'middle' }, pad(hour)) : null;
        return [...bars, label];
      }).filter((el): el is SVGElement => el !== null));
    const legend = h('ul', { class: 'legend' }, ...BANDS.map((b, i) => h('li', {}, h('span', { class: `swatch band-${i}`, 'aria-hidden': 'true' }), t.band[b])));
    const busyHours = this.counts.map((bands, hour) => ({ hour, bands })).filter((r) => r.bands.some((n) => n > 0));
    const table = h('details', {}, h('summary', {}, t.asTable),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.hour), ...BANDS.map((b) => h('th', { scope: 'col' }, t.band[b])))),
        h('tbody', {}, ...busyHours.map((r) => h('tr', {}, h('th', { scope: 'row' }, `${pad(r.hour)}:00`), ...r.bands.map((n) => h('td', { class: 'num' }, String(n)))))))));
    return h('figure', {}, chart, legend, table);
  }
}

function emptyDay(): number[][] {
  return Array.from({ length: 24 }, () => BANDS.map(() => 0));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
