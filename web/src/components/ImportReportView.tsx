import { alsoFound, formatShare, summariseReport } from "../../../src/core/report-summary.ts";
import type { ImportResult } from "../api.ts";
import { formatLines } from "../library.ts";
import { route as libraryRoute } from "../links.ts";
import { describeEncoding, plural, STATUS_TEXT } from "../report.ts";
import { Icon } from "./Icon.tsx";
import { ImportChangesView } from "./ImportChangesView.tsx";

/** What an import recognised: the counts a user checks first, then encoding and anything left as notes. */
export function ImportReportView({
  result,
  onImportAnother,
}: {
  result: ImportResult;
  onImportAnother: () => void;
}) {
  const { report, status } = result;
  const statusText = STATUS_TEXT[status];
  const secondary = alsoFound(report.counts);
  const headline = [
    plural(report.counts.answer ?? 0, "answer", "answers"),
    plural(report.counts["follow-up"] ?? 0, "follow-up", "follow-ups"),
    plural(report.counts.concern ?? 0, "concern", "concerns"),
    plural(report.counts["technical-question"] ?? 0, "technical question", "technical questions"),
  ];
  return (
    <section className="report card" aria-labelledby="report-title" data-status={status}>
      <header className="report-header">
        <span className="report-badge">
          <Icon name="check" />
        </span>
        <div>
          <h2 id="report-title">
            {statusText.title}: {result.title}
          </h2>
          <p className="muted">{statusText.detail}</p>
        </div>
      </header>

      <p className="report-summary" data-testid="report-summary">
        {status === "restored" ? result.summary : summariseReport(report)}
      </p>

      {result.changes !== undefined && <ImportChangesView changes={result.changes} preview={false} />}

      <ul className="stat-grid">
        {headline.map((text) => {
          const [count, ...label] = text.split(" ");
          return (
            <li key={text} className="stat">
              <span className="stat-value">{count}</span>
              <span className="stat-label">{label.join(" ")}</span>
            </li>
          );
        })}
      </ul>

      <dl className="report-details">
        {secondary !== undefined && (
          <div>
            <dt>Also found</dt>
            <dd data-testid="report-also-found">{secondary}</dd>
          </div>
        )}
        <div>
          <dt>Encoding</dt>
          <dd>{describeEncoding(report)}</dd>
        </div>
        <div>
          <dt>Lines</dt>
          <dd>
            {report.lines.total} in total, {report.lines.nonBlank} with text, {report.lines.inNotes} kept as
            notes:{" "}
            <strong data-testid="report-recognised">{formatShare(result.recognisedShare)} recognised</strong>
          </dd>
        </div>
        <div>
          <dt>Unrecognised</dt>
          <dd>
            {report.unrecognised.length === 0 ? (
              "Every line was recognised."
            ) : (
              <>
                Kept as notes where they stood, so nothing is lost:{" "}
                <span className="span-list">
                  {report.unrecognised.map((range) => (
                    <span key={`${range.start}-${range.end}`} className="chip">
                      {range.start === range.end ? "line" : "lines"} {formatLines(range)}
                    </span>
                  ))}
                </span>
              </>
            )}
          </dd>
        </div>
        {report.warnings.length > 0 && (
          <div>
            <dt>Warnings</dt>
            <dd>
              <ul className="plain-list">
                {report.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      <div className="report-actions">
        {result.documentId !== undefined && (
          <>
            <a className="button button-primary" href={libraryRoute.library(result.documentId)}>
              Open the library
              <Icon name="arrow" />
            </a>
            {report.unrecognised.length > 0 && (
              <a className="button" href={libraryRoute.notes(result.documentId)}>
                See unrecognised text
              </a>
            )}
          </>
        )}
        <button type="button" className="button button-quiet report-again" onClick={onImportAnother}>
          Import another document
        </button>
      </div>
    </section>
  );
}
