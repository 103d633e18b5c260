import { Component, lazy, type ReactNode, Suspense, useEffect } from "react";
import { type ProgressFigures, progressApi } from "../api.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { COMPETENCY_NAMES } from "../names.ts";
import { useLoad } from "../use-load.ts";

// uPlot and the charts load only when someone opens this page with practice to show.
const ProgressCharts = lazy(() => import("../components/ProgressCharts.tsx"));

/** Progress over weeks: scores, timing, the five risks, coverage, cards due and the streak. */
export function ProgressPage() {
  const { result, reload } = useLoad("progress", progressApi.get);
  useEffect(() => {
    document.title = "Progress · derisk";
  }, []);
  return (
    <div className="page page-progress">
      <header className="page-header">
        <h1>Progress</h1>
        <p className="lede">
          Are your answers getting better? Scores, timing and the risks you leave open, over time.
        </p>
      </header>
      {result.state === "loading" && <div className="skeleton skeleton-block" aria-busy="true" />}
      {result.state === "error" && (
        <ErrorMessage title="Couldn't load your progress" error={result.error} onRetry={reload} />
      )}
      {result.state === "ready" && result.data.totals.attempts === 0 && <FirstSteps figures={result.data} />}
      {result.state === "ready" && result.data.totals.attempts > 0 && <Dashboard figures={result.data} />}
    </div>
  );
}

function FirstSteps({ figures }: { figures: ProgressFigures }) {
  return (
    <EmptyState icon="check" title="Practise one question to start your progress">
      {figures.totals.items === 0 ? (
        <>
          <p className="muted">
            Import your prep document first: its answers become the questions you practise.
          </p>
          <a className="button button-primary" href="#/">
            Import a document
          </a>
        </>
      ) : (
        <>
          <p className="muted">
            You have {figures.totals.items} questions ready. Answer one against the clock and this page shows
            your score, your time against the budget, the risks you left open and your streak.
          </p>
          <a className="button button-primary" href="#/practice">
            Practise a question
          </a>
          <p className="muted">
            Or in a terminal: <code>npx derisk practice --count 1</code>
          </p>
        </>
      )}
    </EmptyState>
  );
}

function Dashboard({ figures }: { figures: ProgressFigures }) {
  const { totals, streak } = figures;
  // Today's forecast holds the cards due now and those that come due before midnight.
  const laterToday = Math.max(0, (figures.due[0]?.count ?? 0) - figures.dueNow);
  return (
    <>
      <dl className="progress-tiles">
        <div className="card progress-tile">
          <dt>Streak</dt>
          <dd>
            {streak.current} day{streak.current === 1 ? "" : "s"}
          </dd>
          <p className="muted">
            {streak.today
              ? "Practised today"
              : streak.current > 0
                ? "Practise today to keep it"
                : "Start one today"}{" "}
            · longest {streak.longest}
          </p>
        </div>
        <div className="card progress-tile">
          <dt>Mean score</dt>
          <dd>{totals.meanScore === undefined ? "–" : `${totals.meanScore.toFixed(1)} / 5`}</dd>
          <p className="muted">latest attempt of each answer</p>
        </div>
        <div className="card progress-tile">
          <dt>Practised</dt>
          <dd>
            {totals.practised} of {totals.items}
          </dd>
          <p className="muted">
            {totals.attempts} attempt{totals.attempts === 1 ? "" : "s"}
          </p>
        </div>
        <div className="card progress-tile">
          <dt>Practice now</dt>
          {/* As Practice counts them: cards due at this moment, and never-practised questions apart. */}
          <dd data-testid="due-now" className="progress-tile-pair">
            {/* Kept whole on a narrow tile: it wraps after the "·", not inside a count. */}
            {`${figures.dueNow}\u00a0due\u00a0now · ${figures.newCards ?? 0}\u00a0new`}
          </dd>
          {figures.neverPractised > figures.newCards && (
            <p className="muted" data-testid="new-limit">
              {/* "New" is a question not yet on the review schedule (never rated), not one never answered. */}
              {figures.newCards === 0 ? "No" : figures.newCards} new today of the {figures.neverPractised} not
              yet on your review schedule (your limit of new questions a day)
            </p>
          )}
          <p className="muted">
            {laterToday > 0 && `${laterToday} more later today · `}
            {figures.due.reduce((n, d) => n + d.count, 0)} in the next 30 days
          </p>
        </div>
      </dl>
      <ChartsFailed>
        <Suspense fallback={<div className="skeleton skeleton-block" aria-busy="true" />}>
          <ProgressCharts figures={figures} />
        </Suspense>
      </ChartsFailed>
      <section className="card progress-chart" aria-labelledby="coverage-title">
        <h2 id="coverage-title">Coverage by competency</h2>
        <p className="muted">
          Questions practised at least once, of those in your bank, with the mean latest score.
        </p>
        <ul className="coverage-bars">
          {figures.coverage.map((row) => (
            <li key={row.competency} className="coverage-row">
              <span className="coverage-bar-label">{COMPETENCY_NAMES[row.competency]}</span>
              {/* The bar is drawn for the eye; the figure beside it is what a screen reader reads. */}
              <span className="coverage-bar" aria-hidden="true">
                <span style={{ width: `${(row.practised / row.items) * 100}%` }} />
              </span>
              <span className="coverage-bar-figure">
                {row.practised}/{row.items}
                <span className="visually-hidden"> practised</span>
                {row.meanScore === undefined ? "" : ` · ${row.meanScore.toFixed(1)}`}
                {row.meanScore === undefined ? "" : <span className="visually-hidden"> mean score</span>}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** If the chart chunk cannot load or draw, the page keeps its figures and says so. */
class ChartsFailed extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorMessage
        title="The charts could not be drawn"
        error={{ code: "CHARTS", message: `${this.state.error}. The figures above and below are complete.` }}
      />
    );
  }
}
