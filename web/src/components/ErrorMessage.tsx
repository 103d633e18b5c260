import { Icon } from "./Icon.tsx";

/** An API or client error as the user sees it: what went wrong, its stable code, and a way on. */
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
        <p className="callout-code">
          Error code <code>{error.code}</code>
        </p>
        {onRetry && (
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
