import type { Translate } from "~/i18n";

export interface BarDatum {
  label: string;
  value: number;
  /** The label's language when it is content (a theme's name). */
  lang?: string;
}

/** Colours with AA contrast on white: ink 14:1 for text, the accent 7:1 for bars (3:1 is needed). */
const INK = "#1d2a2f";
const BAR = "#1f5f7a";
const TRACK = "#e8ebe6";

const WIDTH = 640;
const ROW = 44;
const BAR_HEIGHT = 16;
const PAD = 8;
/** Room at the right of the longest bar for its value. */
const VALUE_ROOM = 80;

/**
 * A horizontal bar chart as server-rendered SVG, one row per datum: the label on a line of its
 * own (so long theme names stay readable), the bar below it and the value at the bar's end.
 * role="img" named by its <title> and described by its <desc>; the data table beside it
 * (FigureTable) carries the same numbers for screen readers and copying. Text in the reader's
 * language from `t`, passed in (not a hook) so the chart renders outside a router too.
 */
export function BarChart({
  id,
  title,
  data,
  unit,
  total,
  t,
}: {
  id: string;
  title: string;
  data: BarDatum[];
  unit: string;
  total: number | null;
  t: Translate;
}) {
  if (data.length === 0) return <p className="empty">{t("Inga uppgifter ännu.", "No figures yet.")}</p>;
  const n = t.number;
  const max = Math.max(...data.map((d) => d.value), 1);
  const scale = (WIDTH - VALUE_ROOM) / max;
  const height = data.length * ROW + PAD;
  const top = [...data].sort((a, b) => b.value - a.value)[0];
  const sum = total === null ? "" : t(` Sammanlagt ${n(total)} ${unit}.`, ` In total ${n(total)} ${unit}.`);
  const desc = t(
    `Stapeldiagram med ${n(data.length)} staplar. Störst: ${top.label}, ${n(top.value)} ${unit}.${sum} Samma siffror finns i tabellen nedanför.`,
    `Bar chart with ${n(data.length)} bars. Largest: ${top.label}, ${n(top.value)} ${unit}.${sum} The same figures are in the table below.`,
  );
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="bar-chart"
      fontFamily="system-ui, sans-serif"
      fontSize="14"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {data.map((d, i) => {
        const y = i * ROW + PAD;
        const w = Math.max(d.value * scale, d.value > 0 ? 2 : 0);
        return (
          <g key={`${d.label}-${i}`} aria-hidden="true">
            <text x={0} y={y + 12} fill={INK} lang={d.lang}>
              {d.label}
            </text>
            <rect x={0} y={y + 18} width={WIDTH - VALUE_ROOM} height={BAR_HEIGHT} fill={TRACK} />
            <rect x={0} y={y + 18} width={w} height={BAR_HEIGHT} fill={BAR} />
            <text x={w + 6} y={y + 31} fill={INK} fontWeight="600">
              {n(d.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's data as a real table. */
export function FigureTable({
  caption,
  labelHeader,
  valueHeader,
  data,
  t,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  data: BarDatum[];
  t: Translate;
}) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d, i) => (
          <tr key={`${d.label}-${i}`}>
            <th scope="row" lang={d.lang}>
              {d.label}
            </th>
            <td>{t.number(d.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
