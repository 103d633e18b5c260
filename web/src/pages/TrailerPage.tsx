import { useEffect, useState } from "react";
import type { TrailerBeat, TrailerLine } from "../../../src/core/packaging/trailer.ts";
import { trailerSourceOf } from "../../../src/core/packaging/trailer-source.ts";
import { api } from "../api.ts";
import { Blanks } from "../components/Blanks.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { PackagingTabs } from "../components/PackagingTabs.tsx";
import { SampleLeftOut } from "../components/SampleLeftOut.tsx";
import { SaveVariantForm } from "../components/SaveVariantForm.tsx";
import { formatDuration } from "../library.ts";
import { route } from "../links.ts";
import { useLoad } from "../use-load.ts";

const BEAT_NAMES: Record<TrailerBeat, string> = {
  foundation: "Foundation",
  projects: "Projects",
  production: "Production",
  now: "Now",
};

/** Where the line after `i` came from, undefined after the last. */
function sourceAfter(lines: ReadonlyArray<{ origin: TrailerLine["origin"] }>, i: number): string | undefined {
  const next = lines[i + 1];
  return next === undefined ? undefined : trailerSourceOf(next.origin);
}

/** Trailer (#/trailer): "tell me about yourself" in four beats, each a sentence the user wrote. */
export function TrailerPage() {
  const [seconds, setSeconds] = useState<60 | 90 | 120 | 150>(60);
  const { result, reload } = useLoad(`trailer:${seconds}`, () => api.trailer(seconds));
  useEffect(() => {
    document.title = "Trailer · derisk";
  }, []);
  return (
    <div className="page page-trailer">
      <header className="page-header">
        <h1>Trailer</h1>
        <p className="lede">
          Your answer to “tell me about yourself” as a short film in four beats: foundation, projects,
          production, now. Each beat is what you wrote, following your own about-me answer; a beat with
          nothing to say is a blank to fill.
        </p>
      </header>
      <PackagingTabs current="trailer" />
      {result.state === "ready" && <SampleLeftOut note={result.data.sampleLeftOut} />}
      <fieldset className="segmented trailer-length">
        <legend className="field-label">Length</legend>
        {([60, 90, 120, 150] as const).map((value) => (
          <label key={value} className="segmented-option">
            <input
              type="radio"
              name="trailer-seconds"
              value={value}
              checked={seconds === value}
              onChange={() => setSeconds(value)}
            />
            {formatDuration(value)}
          </label>
        ))}
      </fieldset>
      {result.state === "loading" && (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Building the trailer…
          </p>
          <div className="skeleton skeleton-block" />
        </div>
      )}
      {result.state === "error" && (
        <ErrorMessage title="Couldn't build the trailer" error={result.error} onRetry={reload} />
      )}
      {result.state === "ready" && (
        <section className="card trailer-card" aria-labelledby="trailer-title">
          <header className="draft-header">
            <h2 id="trailer-title" className="card-title">
              Your trailer
            </h2>
            <p className="muted" data-testid="trailer-meta">
              {result.data.words} words · ≈ {formatDuration(result.data.estimatedSeconds)} of{" "}
              {formatDuration(result.data.seconds)}
            </p>
          </header>
          {result.data.thin !== undefined && (
            <div className="callout callout-info trailer-thin" data-testid="trailer-thin">
              <Icon name="info" />
              <div>
                <p className="callout-title">{result.data.thin.reason}</p>
                <p>{result.data.thin.write}</p>
                <a className="button button-small" href={route.newAnswer("Tell me about yourself")}>
                  Write your “tell me about yourself” answer
                </a>
              </div>
            </div>
          )}
          <ol className="trailer-beats">
            {result.data.beats.map(({ beat, lines }) => (
              <li key={beat} className="trailer-beat" data-testid={`beat-${beat}`}>
                <p className="trailer-beat-name">{BEAT_NAMES[beat]}</p>
                {lines.map((line, i) => (
                  <p key={line.text} className="trailer-line">
                    {line.origin.from === "template" ? <Blanks text={line.text} /> : line.text}
                    {/* Where the words came from, once after the last line from that source (as
                        the CLI says it once per source), not after each of its sentences. */}
                    {trailerSourceOf(line.origin) !== sourceAfter(lines, i) && (
                      <span className="muted trailer-source"> — {trailerSourceOf(line.origin)}</span>
                    )}
                  </p>
                ))}
              </li>
            ))}
          </ol>
          {result.data.short !== undefined && (
            <div className="trailer-short" data-testid="trailer-short">
              <p className="trailer-short-why">
                Shorter than {formatDuration(result.data.seconds)} (about{" "}
                {formatDuration(result.data.estimatedSeconds)} of your own words): {result.data.short.reason}{" "}
                To use the time, add:
              </p>
              <ul>
                {result.data.short.add.map(({ beat, what }) => (
                  <li key={beat}>
                    <strong>{BEAT_NAMES[beat]}</strong>: {what}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.data.blanks.length > 0 && (
            <p className="draft-blanks">
              {result.data.blanks.length} blank{result.data.blanks.length === 1 ? "" : "s"} to fill: write the
              missing line in your about-me answer or your stories, then come back.
            </p>
          )}
          {result.data.aboutMe !== undefined && (
            <SaveVariantForm
              key={`${seconds}:${result.data.text}`}
              target={result.data.aboutMe}
              text={result.data.text}
              source="composed"
              defaultLabel={`trailer ${formatDuration(seconds)}`}
              once
            />
          )}
        </section>
      )}
    </div>
  );
}
