import type { TrailerOrigin } from "./trailer.ts";

/**
 * Where a trailer line came from, as the user is told (the web page and the CLI say the same).
 * A module of its own, importing types only, so the web app can use it without the analyzer.
 * @example trailerSourceOf({ from: "story", storyId: "s", title: "Flaky deploys", field: "actions", index: 0, sentence: 0 }) // "from your story “Flaky deploys”"
 */
export function trailerSourceOf(origin: TrailerOrigin): string {
  if (origin.from === "template") return "to fill in";
  if (origin.from === "story")
    return origin.title.trim() === ""
      ? "from one of your stories"
      : `from your story “${origin.title.trim()}”`;
  if (origin.from === "answer") return `from your answer to “${origin.question}”`;
  switch (origin.field) {
    case "thread":
      return "from your “tell me about yourself” answer";
    case "motivation":
      return "from your “why now?” answer";
    case "goals":
      return "from your goals";
    default:
      return "from your background";
  }
}
