/**
 * Two answers to one question (its core script and an alternative) are two cards: listed by
 * their question alone they read as the same line twice. The variant tells them apart.
 */
export interface LabelledEntry {
  questionText: string;
  /** An answer's variant: "core", "alternative", "trailer", or a name of the user's. */
  variant?: string;
}

/**
 * The line each entry is listed by: its question, and the variant in brackets when another
 * entry of the list asks the same question and this one is not the core script
 * ("Tell me about yourself (alternative)", as on the prep sheet).
 * @example dueLabels([{ questionText: "Why us?", variant: "core" }, { questionText: "Why us?", variant: "alternative" }])
 *   // → ["Why us?", "Why us? (alternative)"]
 */
export function dueLabels(entries: readonly LabelledEntry[]): string[] {
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(e.questionText, (seen.get(e.questionText) ?? 0) + 1);
  return entries.map((e) =>
    (seen.get(e.questionText) ?? 0) > 1 && e.variant !== undefined && e.variant !== "core"
      ? `${e.questionText} (${e.variant})`
      : e.questionText,
  );
}

/**
 * A practised question as its screen heads it: the question, and the answer's variant in
 * brackets when it is not the core script ("Tell me about yourself (alternative)").
 * @example stepLabel({ questionText: "Why us?", variant: "alternative" }) // → "Why us? (alternative)"
 */
export function stepLabel(step: LabelledEntry): string {
  return step.variant !== undefined && step.variant !== "core"
    ? `${step.questionText} (${step.variant})`
    : step.questionText;
}
