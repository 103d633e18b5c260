import { stripMarkup } from "../../../src/core/markup.ts";
import type { Analysis } from "../api.ts";

/**
 * The answer with each sentence tinted by the STAR part the analyzer gave it, the text between
 * sentences kept as written, so the user sees where the speaking time goes.
 */
export function TintedText({ text, analysis }: { text: string; analysis: Analysis }) {
  const pieces: { key: string; text: string; part: string | null }[] = [];
  let cursor = 0;
  for (const sentence of analysis.sentences) {
    if (sentence.start > cursor)
      pieces.push({ key: `gap-${cursor}`, text: text.slice(cursor, sentence.start), part: null });
    pieces.push({
      key: `s-${sentence.index}`,
      text: text.slice(sentence.start, sentence.end),
      part: sentence.part,
    });
    cursor = Math.max(cursor, sentence.end);
  }
  if (cursor < text.length) pieces.push({ key: `gap-${cursor}`, text: text.slice(cursor), part: null });
  return (
    <p className="tinted-text">
      {pieces.map((piece) =>
        piece.part === null ? (
          stripMarkup(piece.text)
        ) : (
          <span key={piece.key} className={`tint tint-${piece.part}`} title={piece.part}>
            {stripMarkup(piece.text)}
          </span>
        ),
      )}
    </p>
  );
}
