import { WAIT_BANDS } from '../board-feed';
import { t, waits } from '../store';
import { useUid } from '../dom';

const W = 720;
const H = 220;
const LEFT = 34;
const BOTTOM = 24;
const TOP = 10;

/**
 * Today's waits, from the anonymised contact log only: contacts per local hour, stacked by
 * wait band, drawn here as SVG (no library), with the same numbers as a table.
 */
export function WaitsPanel() {
  const copy = t.value;
  const titleId = useUid('title');
  const counts = waits.value;
  const total = counts?.flat().reduce((a, b) => a + b, 0) ?? 0;
  return (
    <section class="waits" aria-labelledby={titleId}>
      <h2 id={titleId}>{copy.board.waits}</h2>
      <p class="tip">{copy.board.waitsIntro}</p>
      {!counts ? <p class="tip">{copy.app.loading}</p> : total === 0 ? <p class="tip">{copy.board.noWaits}</p> : <WaitsFigure counts={counts} titleId={titleId} />}
    </section>
  );
}

function WaitsFigure({ counts, titleId }: { counts: number[][]; titleId: string }) {
  const b = t.value.board;
  const max = Math.max(1, ...counts.map((bands) => bands.reduce((x, y) => x + y, 0)));
  const step = (W - LEFT) / 24;
  const scale = (H - TOP - BOTTOM) / max;
  const busyHours = counts.map((bands, hour) => ({ hour, bands })).filter((r) => r.bands.some((n) => n > 0));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} class="chart">
        <line x1={LEFT} y1={H - BOTTOM} x2={W} y2={H - BOTTOM} class="axis" />
        <text x={LEFT - 6} y={TOP + 8} class="tick" text-anchor="end">{String(max)}</text>
        <text x={LEFT - 6} y={H - BOTTOM} class="tick" text-anchor="end">0</text>
        {counts.map((bands, hour) => {
          let y = H - BOTTOM;
          return (
            <g key={hour}>
              {bands.map((n, band) => {
                if (n === 0) return null;
                const height = n * scale;
                y -= height;
                return <rect x={LEFT + hour * step + 3} y={y} width={step - 6} height={height} class={`band-${band}`}><title>{`${pad(hour)}:00 · ${b.band[WAIT_BANDS[band]]}: ${n}`}</title></rect>;
              })}
              {hour % 3 === 0 && <text x={LEFT + hour * step + step / 2} y={H - 6} class="tick" text-anchor="middle">{pad(hour)}</text>}
            </g>
          );
        })}
      </svg>
      <ul class="legend">{WAIT_BANDS.map((band, i) => <li key={band}><span class={`swatch band-${i}`} aria-hidden="true" />{b.band[band]}</li>)}</ul>
      <details>
        <summary>{b.asTable}</summary>
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">{b.hour}</th>{WAIT_BANDS.map((band) => <th scope="col">{b.band[band]}</th>)}</tr></thead>
          <tbody>{busyHours.map((r) => <tr key={r.hour}><th scope="row">{`${pad(r.hour)}:00`}</th>{r.bands.map((n) => <td class="num">{String(n)}</td>)}</tr>)}</tbody>
        </table></div>
      </details>
    </figure>
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
