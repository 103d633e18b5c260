import type { ErrorHint } from "../core/errors.ts";

export {
  DeriskError,
  ERROR_CODES,
  type ErrorCode,
  type ErrorHint,
  isDeriskError,
  type Surface,
} from "../core/errors.ts";

/**
 * An item's kind with its article, for messages: "an answer", "an accomplishment", "a note"
 * ("a answer" was printed before).
 * @example kindWithArticle("answer") // "an answer"
 */
export function kindWithArticle(kind: string): string {
  return `${/^[aeiou]/i.test(kind) ? "an" : "a"} ${kind}`;
}

/** How to go on, shared by the errors that end the same way: typed in a terminal, clicked on a page. */
export const HINTS = {
  documents: {
    cli: ": list them with derisk list.",
    web: ": it may have been deleted; the Library lists your documents.",
  },
  bankFile: {
    cli: ", or export the bank again with derisk export --format json.",
    web: ", or export the bank again (Export, JSON bank file).",
  },
  questionBank: {
    cli: ": derisk list questions shows the bank.",
    web: ": Practice lists the question bank.",
  },
  answers: {
    cli: " (derisk show --kind answer).",
    web: " in the Library.",
  },
  importFirst: {
    cli: " (derisk import FILE).",
    web: " (Import, in the menu).",
  },
  /** @example HINTS.history("3f2a…").cli // ": list it with derisk history 3f2a…." */
  history: (itemId: string): ErrorHint => ({
    cli: `: list it with derisk history ${itemId}.`,
    web: ": the answer's History lists its versions.",
  }),
  /** @example HINTS.listedVersions("derisk history 3f2a", "the answer's History").cli */
  listedVersions: (command: string, panel: string): ErrorHint => ({
    cli: `. Pass a version number ${command} shows, or an entry's id.`,
    web: `. Restore one from ${panel}.`,
  }),
} as const;
