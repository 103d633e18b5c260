/** Hrefs the pages link to, built from the one route table in route.ts. */
import { href } from "./route.ts";

export const route = {
  library: (documentId: string, itemId?: string): string =>
    href(
      itemId === undefined
        ? { page: "library", documentId, view: "answers" }
        : { page: "library", documentId, view: "answers", itemId },
    ),
  notes: (documentId: string): string => href({ page: "library", documentId, view: "notes" }),
  edit: (itemId: string): string => href({ page: "edit", itemId }),
  /** The page to write the answer to a new question, with the question already filled in. */
  newAnswer: (question?: string): string =>
    href(question === undefined ? { page: "new-answer" } : { page: "new-answer", question }),
  exportPage: (documentId?: string): string =>
    href(documentId === undefined ? { page: "export" } : { page: "export", documentId }),
  stories: (storyId?: string): string =>
    href(storyId === undefined ? { page: "stories" } : { page: "stories", storyId }),
  /** A new story's form, with the competency it should serve already ticked. */
  newStory: (competency?: string): string =>
    href(
      competency === undefined
        ? { page: "stories", storyId: "new" }
        : { page: "stories", storyId: "new", competency },
    ),
  coverage: (): string => href({ page: "coverage" }),
  trailer: (): string => href({ page: "trailer" }),
  compose: (storyId?: string): string =>
    href(storyId === undefined ? { page: "compose" } : { page: "compose", storyId }),
  tailor: (tailoringId?: string): string =>
    href(tailoringId === undefined ? { page: "tailor" } : { page: "tailor", tailoringId }),
  reangle: (itemId: string): string => href({ page: "reangle", itemId }),
  followUps: (itemId: string): string => href({ page: "followups", itemId }),
  practice: (sessionId?: string): string =>
    href(sessionId === undefined ? { page: "practice" } : { page: "practice", sessionId }),
  /** The practice setup with the technical drill chosen. */
  drill: (): string => href({ page: "practice", source: "drill" }),
};
