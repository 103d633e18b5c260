import { type ReactNode, useEffect, useRef } from "react";
import { api, type CoverageMatrix } from "../api.ts";
import { columnLabels } from "../column-labels.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { PackagingTabs } from "../components/PackagingTabs.tsx";
import { SampleLeftOut } from "../components/SampleLeftOut.tsx";
import { route } from "../links.ts";
import { COMPETENCY_NAMES } from "../names.ts";
import { useLoad } from "../use-load.ts";
import { useScrollEdges } from "../use-scroll-edges.ts";

// The core's strength, 0–3; what earns 2 and 3 depends on whether the story states the
// competency (result, figure, lesson) or its words show it (the sentences): the legend says both.
const STRENGTH_TEXT = ["no story", "serves it", "shows it", "shows it fully"];

/** Competencies × stories: how strongly each story can answer each kind of question, gaps marked. */
export function CoveragePage() {
  const { result, reload } = useLoad("coverage", api.coverage);
  useEffect(() => {
    document.title = "Coverage · derisk";
  }, []);
  return (
    <div className="page page-coverage">
      <header className="page-header page-header-row">
        <div>
          <h1>Coverage</h1>
          <p className="lede">
            Which of your stories, prepared answers and accomplishments can answer each kind of question, and
            how strongly. A story counts for every competency it evidences. A row with nothing is a gap to
            prepare before the interview.
          </p>
        </div>
        <a className="button button-primary" href={route.newStory()}>
          <Icon name="plus" size={16} />
          New story
        </a>
      </header>
      <PackagingTabs current="coverage" />
      {result.state === "ready" && <SampleLeftOut note={result.data.sampleLeftOut} />}
      {result.state === "loading" && (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading the coverage…
          </p>
          <div className="skeleton skeleton-block" />
        </div>
      )}
      {result.state === "error" && (
        <ErrorMessage title="Couldn't load the coverage" error={result.error} onRetry={reload} />
      )}
      {result.state === "ready" &&
        result.data.stories.length === 0 &&
        result.data.rows.every((row) => row.evidence.length === 0) && (
          <EmptyState icon="book" title="No stories to map yet">
            <p className="muted">Make stories from your document first; the map fills in as you add them.</p>
            <a className="button" href={route.stories()}>
              Go to your stories
            </a>
          </EmptyState>
        )}
      {result.state === "ready" &&
        (result.data.stories.length > 0 || result.data.rows.some((row) => row.evidence.length > 0)) && (
          <>
            <p className="coverage-summary" data-testid="coverage-summary">
              <strong>{result.data.competencies.length - result.data.gaps.length}</strong> of{" "}
              {result.data.competencies.length} competencies have a story, answer or accomplishment ·{" "}
              <strong>{result.data.gaps.length}</strong> gap{result.data.gaps.length === 1 ? "" : "s"} ·{" "}
              <strong>{result.data.thin.length}</strong> thin
            </p>
            <Legend />
            <HeatmapFrame stories={result.data.stories.length}>
              <table className="heatmap">
                <caption className="visually-hidden">
                  Strength of each story (columns) for each competency (rows), from 0 (not served) to 3.
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="heatmap-corner">
                      Competency
                    </th>
                    <th scope="col" className="heatmap-sources">
                      Answers &amp; accomplishments
                    </th>
                    {/* Titles drawn from one question start alike: each head shows what sets it
                        apart, the full title on hover, to assistive technology and in the key. */}
                    {columnLabels(result.data.stories.map((story) => story.title)).map((label, index) => {
                      const story = result.data.stories[index];
                      if (story === undefined) return null;
                      const full =
                        story.document === undefined ? story.title : `${story.title} in “${story.document}”`;
                      return (
                        <th key={story.id} scope="col" className="heatmap-story">
                          <span className="story-number" aria-hidden="true">
                            S{index + 1}
                          </span>
                          <a href={route.stories(story.id)} title={full} aria-label={full}>
                            {label}
                          </a>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {result.data.competencies.map((competency, row) => {
                    const gap = result.data.gaps.includes(competency);
                    const thin = result.data.thin.includes(competency);
                    const rowData = result.data.rows[row];
                    const others = rowData?.evidence.filter((e) => e.source !== "story") ?? [];
                    const action = rowData?.action;
                    return (
                      <tr
                        key={competency}
                        className={gap ? "heatmap-gap" : thin ? "heatmap-thin" : undefined}
                      >
                        <th scope="row" className="heatmap-competency">
                          <span>{COMPETENCY_NAMES[competency]}</span>
                          {gap && <span className="tag tag-gap">gap</span>}
                          {thin && <span className="tag tag-thin">thin</span>}
                          {action !== undefined && (
                            <a
                              className="gap-link"
                              href={
                                action.kind === "write-answer"
                                  ? route.newAnswer(action.question)
                                  : action.kind === "drill"
                                    ? route.drill()
                                    : route.newStory(competency)
                              }
                              title={`For example: ${action.question}`}
                              data-action={action.kind}
                            >
                              {action.label}
                              <span className="visually-hidden"> for {COMPETENCY_NAMES[competency]}</span>
                            </a>
                          )}
                        </th>
                        <td className="coverage-sources" data-testid={`sources-${competency}`}>
                          {others.length === 0 ? "·" : others.slice(0, 3).map(sourceLine)}
                          {/* The rest one click away: a count the user cannot open hides what serves the row. */}
                          {others.length > 3 && (
                            <details className="coverage-more">
                              <summary className="muted">+{others.length - 3} more</summary>
                              {others.slice(3).map(sourceLine)}
                            </details>
                          )}
                        </td>
                        {result.data.stories.map((story, column) => {
                          const strength = result.data.cells[row]?.[column] ?? 0;
                          return (
                            <td key={story.id} className="heat" data-strength={strength}>
                              <span aria-hidden="true">{strength === 0 ? "·" : strength}</span>
                              <span className="visually-hidden">
                                {strength}: {STRENGTH_TEXT[strength]}
                              </span>
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </HeatmapFrame>
            {result.data.stories.length > 0 && (
              // The column heads are cut to three lines, and stories drawn from one question's
              // variants start alike: the key names each column in full.
              <ol className="coverage-story-key" aria-label="Story columns">
                {result.data.stories.map((story, index) => (
                  <li key={story.id}>
                    <span className="coverage-story-key-number">S{index + 1}</span>{" "}
                    <a href={route.stories(story.id)}>{story.title}</a>
                    {story.document !== undefined && (
                      <span className="muted coverage-document"> in “{story.document}”</span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
    </div>
  );
}

/**
 * The grid's sideways scroller. On a phone the grid is wider than the screen: its right edge
 * fades and a line over it says it scrolls, and to what (before, the story columns sat out of
 * sight with no sign that they were there). Both show only while more is hidden to the right.
 */
function HeatmapFrame({ stories, children }: { stories: number; children: ReactNode }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useScrollEdges(scrollRef, null);
  return (
    <>
      <p className="heatmap-hint muted" data-testid="heatmap-hint">
        <Icon name="arrow" size={14} />
        {stories === 0
          ? "Wider than the screen: scroll the table sideways for the rest."
          : `Wider than the screen: scroll the table sideways for the story ${
              stories === 1 ? "column S1" : `columns S1–S${stories}`
            }.`}
      </p>
      <div className="heatmap-frame">
        <div className="heatmap-scroll" ref={scrollRef}>
          {children}
        </div>
      </div>
    </>
  );
}

/** One answer, follow-up reply or accomplishment serving a row, with its strength. */
function sourceLine(e: CoverageMatrix["rows"][number]["evidence"][number]) {
  return (
    <div key={`${e.source}-${e.id}`}>
      {e.source === "answer" ? (
        <a href={route.edit(e.id)}>
          {e.followUp ? "Follow-up" : "Answer"}: {e.title}
        </a>
      ) : (
        <span>Accomplishment: {e.title}</span>
      )}
      {e.document !== undefined && <span className="muted coverage-document"> in “{e.document}”</span>}{" "}
      <span className="muted">({e.strength})</span>
    </div>
  );
}

function Legend() {
  return (
    <>
      <ul className="heat-legend" aria-label="Strength scale">
        {[0, 1, 2, 3].map((strength) => (
          <li key={strength}>
            <span className="heat heat-swatch" data-strength={strength} aria-hidden="true">
              {strength === 0 ? "·" : strength}
            </span>
            {strength} {STRENGTH_TEXT[strength]}
          </li>
        ))}
      </ul>
      <p className="muted heat-legend-note">
        For the competency a story states: 2 with two of result, figure and lesson, 3 with all three. For one
        read from its words: 1 when it is only mentioned, 2 when an action shows it with a second sentence, a
        figure or a named tool, 3 when it runs through the story (half its sentences, three actions, two of
        them specific, and a result).
      </p>
      <p className="muted heat-legend-note">
        About me, motivation and strengths are not stories, nor is a reply to a follow-up: a prepared answer
        to one counts by its risk-lens score (1–2 → 1, 3 → 2, 4–5 → 3).
      </p>
    </>
  );
}
