import { Icon } from "./Icon.tsx";

// Errors that the same request can never get past: offering "Try again" on them is a dead end.
const FINAL = new Set([
  "NOT_FOUND",
  "BAD_INPUT",
  "TOO_LARGE",
  "UNSUPPORTED_ENCODING",
  "UNSUPPORTED_MEDIA_TYPE",
  "USAGE",
  "FORBIDDEN",
]);

/**
 * Whether asking again can succeed (a network failure, a busy database, a server error), so the
 * page offers "Try again"; a missing document or refused input would fail the same way.
 * @example canRetry("NETWORK") // true
 */
export function canRetry(code: string): boolean {
  return !FINAL.has(code);
}

/** An API or client error as the user sees it: what went wrong, a way on, and its stable code folded under Technical details. */
export function ErrorMessage({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: { code: string; message: string };
  onRetry?: () => void;
}) {
  return (
    <div className="callout callout-error" role="alert">
      <Icon name="alert" />
      <div>
        <p className="callout-title">{title}</p>
        <p>{error.message}</p>
        {/* The stable code is for a bug report, not for the reader: folded away under the message. */}
        <details className="callout-code">
          <summary>Technical details</summary>
          Error code <code>{error.code}</code>
        </details>
        {onRetry && canRetry(error.code) && (
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
