/**
 * The progress charts, drawn with uPlot (a canvas chart library of ~20 KB gzip). This module is
 * its own lazily loaded chunk: nothing of uPlot loads before the Progress page does. Every chart
 * has its numbers in a visually hidden table for screen readers, follows the theme, and
 * resizes with its box (down to 390 px wide).
 */
import { useEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ProgressFigures } from "../api.ts";
import { dayTicks } from "../day-ticks.ts";
import { timeAxis } from "../time-axis.ts";

const RISK_NAMES = {
  ambiguity: "Ambiguity",
  spinning: "Spinning",
  blame: "Blame",
  autonomy: "Hand-holding",
  systems: "Systems",
} as const;

/** Reads the theme's colours from the CSS variables, so both themes draw legibly. */
function palette() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v("--muted"),
    grid: v("--border"),
    accent: v("--accent"),
    series: [v("--star-situation"), v("--star-task"), v("--star-result"), v("--star-lesson"), v("--danger")],
    warn: v("--warn"),
  };
}

/** Re-renders when the app's theme attribute changes. */
function useThemeKey(): string {
  const [key, setKey] = useState(document.documentElement.dataset.theme ?? "");
  useEffect(() => {
    const observer = new MutationObserver(() => setKey(document.documentElement.dataset.theme ?? ""));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => observer.disconnect();
  }, []);
  return key;
}

type AxisValues = NonNullable<uPlot.Axis["values"]>;

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s) % 60).padStart(2, "0")}`;
// The browser's own locale, unless it is one Intl refuses: then English.
const dayMonth = (() => {
  const options = { month: "short", day: "numeric" } as const;
  try {
    return new Intl.DateTimeFormat(undefined, options);
  } catch {
    return new Intl.DateTimeFormat("en", options);
  }
})();
const shortDate = (when: string | number) => dayMonth.format(new Date(when));

interface ChartProps {
  title: string;
  description: string;
  /** What a screen reader hears as the chart's summary. */
  summary: string;
  build: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  table: { head: string[]; rows: (string | number)[][] };
}

function Chart({ title, description, summary, build, data, table }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeKey();
  const id = title.toLowerCase().replace(/[^a-z]+/g, "-");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt for new data or a new theme.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = Math.max(240, element.clientWidth);
    const plot = new uPlot(build(width), data, element);
    const observer = new ResizeObserver(() => {
      const next = Math.max(240, element.clientWidth);
      if (next !== plot.width) plot.setSize({ width: next, height: plot.height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data, theme]);
  return (
    <section className="card progress-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{description}</p>
      <div ref={box} className="chart-box" role="img" aria-label={summary} />
      {/* A table ignores width: 1px, so the hiding box is a div around it. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder.
              <tr key={i}>
                {row.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Axes in the theme's colours; `values` formats the tick labels. */
/**
 * A series' name cut to fit the legend, keeping a closing "(variant)" whole: the part that tells
 * two answers to one question apart.
 * @example legendLabel("Tell me about yourself (alternative)") // "Tell me about… (alternative)"
 */
function legendLabel(question: string, room = 28): string {
  if (question.length <= room) return question;
  const tail = / \([^()]{1,20}\)$/.exec(question)?.[0] ?? "";
  const head = question.slice(0, question.length - tail.length);
  return `${head.slice(0, Math.max(8, room - tail.length - 1)).trimEnd()}…${tail}`;
}

function axes(colours: ReturnType<typeof palette>, x: AxisValues, y: AxisValues): uPlot.Axis[] {
  const common = {
    stroke: colours.text,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid, width: 1 },
    font: "12px system-ui, sans-serif",
  };
  return [
    { ...common, values: x, space: 48 },
    { ...common, values: y, size: 52 },
  ];
}

/** An x axis counting attempts steps by whole attempts: no grid lines between two attempts. */
function wholeSteps(list: uPlot.Axis[]): uPlot.Axis[] {
  const [x, ...rest] = list;
  return [{ ...x, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }, ...rest];
}

const bars = uPlot.paths.bars?.({ size: [0.6, 24] });

export default function ProgressCharts({ figures }: { figures: ProgressFigures }) {
  const colours = palette();
  const attempts = figures.attempts;
  const xs = attempts.map((_, i) => i + 1);
  // Each day named once; a second attempt on the same day shows its time.
  const xTicks: AxisValues = (_u, splits) => dayTicks(splits, (s) => attempts[s - 1]?.at);

  // Scores: overall after each attempt, and each answer's own points (at most five answers drawn).
  const scored = attempts.filter((a) => a.score !== undefined);
  const overallAt = new Map(figures.overall.map((o) => [o.at, o.score]));
  const shown = figures.answers.slice(0, 5);
  const scoreData: uPlot.AlignedData = [
    xs,
    attempts.map((a) => overallAt.get(a.at) ?? null),
    ...shown.map((answer) =>
      attempts.map((a) => (a.key === answer.key && a.score !== undefined ? a.score : null)),
    ),
  ];
  const first = figures.overall[0]?.score;
  const last = figures.overall.at(-1)?.score;

  const timeData: uPlot.AlignedData = [
    xs,
    attempts.map((a) => a.seconds),
    attempts.map((a) => a.budget?.max ?? null),
  ];
  const yTime = timeAxis(Math.max(0, ...attempts.map((a) => Math.max(a.seconds, a.budget?.max ?? 0))));
  const over = attempts.filter((a) => a.budget && a.seconds > a.budget.max).length;

  const withLevels = figures.risks[0]?.share.length ?? 0;
  const riskXs = Array.from({ length: withLevels }, (_, i) => i + 1);
  // Dated like the other charts: the risks were read on these attempts.
  const riskTicks: AxisValues = (_u, splits) => dayTicks(splits, (s) => figures.riskAt[s - 1]);
  const riskData: uPlot.AlignedData = [riskXs, ...figures.risks.map((r) => r.share.map((s) => s * 100))];

  // One step per day, half a step either side, each day named under its own bar. Before, the
  // bars stood at noon UTC on a time scale that names midnights: today's bar was cut in half by
  // the plot's edge and the first label, "Dec 8", stood beside it (a card due today read as due
  // tomorrow).
  const dueXs = figures.due.map((_, i) => i);
  const dueTicks: AxisValues = (_u, splits) =>
    splits.map((s) => {
      const day = Number.isInteger(s) ? figures.due[s]?.date : undefined;
      return day === undefined ? "" : shortDate(`${day}T00:00:00`);
    });
  const dueData: uPlot.AlignedData = [dueXs, figures.due.map((d) => d.count)];
  const dueTotal = figures.due.reduce((n, d) => n + d.count, 0);
  const busiest = [...figures.due].sort((a, b) => b.count - a.count)[0];

  return (
    <div className="progress-charts">
      <Chart
        title="Score per attempt"
        description="The line is your overall score (the mean of each answer's latest); dots are single answers."
        summary={`Score per attempt: ${scored.length} scored attempts; overall ${first?.toFixed(1) ?? "–"} at first, ${
          last?.toFixed(1) ?? "–"
        } now, out of 5.`}
        data={scoreData}
        build={(width) => ({
          width,
          height: 220,
          legend: { show: true, live: false },
          cursor: { show: true, points: { show: false } },
          scales: {
            x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
            y: { range: [1, 5] },
          },
          axes: wholeSteps(
            axes(colours, xTicks, (_u, splits) => splits.map((s) => (Number.isInteger(s) ? String(s) : ""))),
          ),
          series: [
            {},
            { label: "Overall", stroke: colours.accent, width: 2.5, spanGaps: true, points: { show: false } },
            ...shown.map((answer, i) => ({
              label: legendLabel(answer.question),
              stroke: colours.series[i % colours.series.length] as string,
              width: 1,
              spanGaps: true,
              points: { show: true, size: 7 },
            })),
          ],
        })}
        table={{
          head: ["Attempt", "Date", "Question", "Score", "Overall"],
          rows: attempts.map((a, i) => [
            i + 1,
            shortDate(a.at),
            a.question,
            a.score ?? "–",
            overallAt.get(a.at)?.toFixed(2) ?? "–",
          ]),
        }}
      />
      <Chart
        title="Time used vs budget"
        description="Bars are the time each answer took (typing, or speaking for an answer said out loud); the line is the budget's upper limit."
        summary={`Time used vs budget: ${over} of ${attempts.length} attempts ran over their budget.`}
        data={timeData}
        build={(width) => ({
          width,
          height: 200,
          legend: { show: true, live: false },
          scales: {
            x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
            // The top tick is at or above the highest budget: its dot never floats over the axis.
            y: { range: [0, yTime.top] },
          },
          axes: wholeSteps(axes(colours, xTicks, (_u, splits) => splits.map((s) => clock(s)))).map(
            (axis, i) => (i === 1 ? { ...axis, splits: () => yTime.ticks } : axis),
          ),
          series: [
            {},
            {
              label: "Time used",
              stroke: colours.series[0] as string,
              fill: `${colours.series[0]}99`,
              ...(bars ? { paths: bars } : {}),
              points: { show: false },
            },
            {
              label: "Budget",
              stroke: colours.warn,
              width: 2,
              dash: [6, 4],
              spanGaps: true,
              points: { show: true, size: 5 },
            },
          ],
        })}
        table={{
          head: ["Attempt", "Date", "Question", "Time used", "Budget"],
          rows: attempts.map((a, i) => [
            i + 1,
            shortDate(a.at),
            a.question,
            clock(a.seconds),
            a.budget ? `${clock(a.budget.min)}–${clock(a.budget.max)}` : "–",
          ]),
        }}
      />
      <Chart
        title="The five risks over time"
        description={`Share of your last five answers that left each risk open.${
          figures.keepsComingBack ? ` ${RISK_NAMES[figures.keepsComingBack]} keeps coming back.` : ""
        }`}
        summary={`The five risks: ${figures.risks
          .map((r) => `${RISK_NAMES[r.risk]} left open in ${r.open} of ${r.of} answers`)
          .join("; ")}.`}
        data={riskData}
        build={(width) => ({
          width,
          height: 220,
          legend: { show: true, live: false },
          // Half a step either side: one answer is one tick, not an axis of 0, 1, 2.
          scales: {
            x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
            y: { range: [0, 100] },
          },
          axes: wholeSteps(axes(colours, riskTicks, (_u, splits) => splits.map((s) => `${s}%`))),
          series: [
            {},
            ...figures.risks.map((r, i) => ({
              label: RISK_NAMES[r.risk],
              stroke: colours.series[i % colours.series.length] as string,
              width: figures.keepsComingBack === r.risk ? 3 : 1.5,
              ...(i % 2 === 1 ? { dash: [5, 3] } : {}),
              points: { show: withLevels < 12, size: 5 },
            })),
          ],
        })}
        table={{
          head: ["Risk", "Left open", "Of answers", "Share of the last five, now"],
          rows: figures.risks.map((r) => [
            RISK_NAMES[r.risk],
            r.open,
            r.of,
            `${Math.round((r.share.at(-1) ?? 0) * 100)}%`,
          ]),
        }}
      />
      <Chart
        title="Cards due, next 30 days"
        description="How many answers and questions come up for review each day (overdue ones count today)."
        summary={`Cards due in the next 30 days: ${dueTotal}; ${figures.due[0]?.count ?? 0} today${
          busiest && busiest.count > 0 ? `; busiest day ${busiest.date} with ${busiest.count}` : ""
        }.`}
        data={dueData}
        build={(width) => ({
          width,
          height: 180,
          legend: { show: false },
          scales: {
            x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
            y: { range: (_u, _min, max) => [0, Math.max(3, max + 1)] },
          },
          axes: wholeSteps(
            axes(colours, dueTicks, (_u, splits) =>
              splits.map((s) => (Number.isInteger(s) ? String(s) : "")),
            ),
          ),
          series: [
            {},
            {
              label: "Due",
              stroke: colours.accent,
              fill: `${colours.accent}aa`,
              ...(bars ? { paths: bars } : {}),
              points: { show: false },
            },
          ],
        })}
        table={{ head: ["Date", "Due"], rows: figures.due.map((d) => [d.date, d.count]) }}
      />
    </div>
  );
}
