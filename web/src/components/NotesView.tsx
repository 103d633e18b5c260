import { describeItem, formatLines, type NoteInPlace } from "../library.ts";
import { EmptyState } from "./EmptyState.tsx";

/** Splits a note's source into lines carrying their line numbers in the document. */
function numberLines(raw: string, start: number): { number: number; line: string }[] {
  return raw
    .replace(/\n$/, "")
    .split("\n")
    .map((line, offset) => ({ number: start + offset, line }));
}

/** Text the importer did not recognise, shown where it stood so the user can see nothing was lost. */
export function NotesView({ notes }: { notes: NoteInPlace[] }) {
  if (notes.length === 0) {
    return (
      <EmptyState icon="check" title="Every line was recognised">
        <p className="muted">
          Text derisk can't place is kept here as a note, exactly where it stood, and exported unchanged.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="notes">
      <p className="muted notes-intro">
        derisk keeps text it could not place as notes, in their original position. They are exported
        unchanged.
      </p>
      <ol className="note-list">
        {notes.map(({ note, after, before }) => (
          <li key={note.id} className="card note">
            <p className="note-where">
              <span className="chip">
                {note.lines.start === note.lines.end ? "Line" : "Lines"} {formatLines(note.lines)}
              </span>
              <span className="muted">
                {after ? `after ${describeItem(after)}` : "at the start"}
                {before ? `, before ${describeItem(before)}` : ", at the end"}
              </span>
            </p>
            <pre className="note-text">
              {numberLines(note.raw, note.lines.start).map(({ number, line }) => (
                <span key={number} className="note-line">
                  <span className="line-number" aria-hidden="true">
                    {number}
                  </span>
                  {line}
                  {"\n"}
                </span>
              ))}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
