/** Said once where the sample document's material was left out of the user's evidence. */
export function SampleLeftOut({ note }: { note: string | undefined }) {
  if (note === undefined) return null;
  return (
    <p className="muted sample-left-out" data-testid="sample-left-out">
      {note}
    </p>
  );
}
