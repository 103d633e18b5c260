/** A word as compared between titles: case and punctuation set aside ("it." and "it" agree). */
const norm = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Short heads for columns whose titles start alike ("Tell me about a time you…"): each title
 * without the longest run of leading words it shares with another title, where some words are
 * left after it; "…" marks the cut. A title that shares fewer than two leading words with every
 * other, or would keep nothing, is kept whole. The full title stays for the hover and the key.
 * @example columnLabels(["Tell me about a time you failed.", "Tell me about a time you led."])
 * // ["…failed.", "…led."]
 */
export function columnLabels(titles: readonly string[]): string[] {
  const words = titles.map((title) => title.trim().split(/\s+/));
  return titles.map((title, index) => {
    const own = words[index] ?? [];
    let shared = 0;
    words.forEach((other, otherIndex) => {
      if (otherIndex === index) return;
      let run = 0;
      while (run < own.length && run < other.length && norm(own[run] ?? "") === norm(other[run] ?? ""))
        run += 1;
      // A title wholly inside another's start would keep nothing: the other's tail tells them apart.
      if (run < own.length) shared = Math.max(shared, run);
    });
    return shared < 2 ? short(title) : `…${short(own.slice(shared).join(" "))}`;
  });
}

/** Longest head, in characters: a story titled in its own words can run to ten. */
const MAX_HEAD = 48;
/** Words a head does not end on before its "…" ("sales across…" reads as cut mid-thought). */
const TRAILING =
  /^(?:a|an|the|of|for|to|in|on|at|by|with|and|or|but|from|into|across|over|under|about|as|that|which|who|its|their|our|my|your)$/i;

/**
 * A head of at most MAX_HEAD characters: a longer one cut at a word, never after a little word,
 * "…" marking the cut (the full title stays for the hover and the key below the table).
 * @example short("Deployed a FastAPI-based inference service for an image classification model")
 * // "Deployed a FastAPI-based inference service…"
 */
function short(text: string): string {
  if (text.length <= MAX_HEAD) return text;
  const words = text.slice(0, MAX_HEAD + 1).split(/\s+/);
  words.pop(); // the word the limit cut (or the one just past it)
  while (words.length > 1 && TRAILING.test(norm(words.at(-1) ?? ""))) words.pop();
  return `${words.join(" ").replace(/[,;:–—-]+$/, "")}…`;
}
