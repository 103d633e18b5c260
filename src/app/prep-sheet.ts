import { COMPETENCIES, type Competency, type PrepDoc } from "../core/model.ts";
import {
  competencyName,
  type PrepSheet,
  type PrepSheetPlan,
  planPrepSheet,
  postingName,
  renderAnkiTsv,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
  renderPrepSheetMarkdown,
  type SheetLayout,
  type SheetPosting,
  sheetPartsWriter,
} from "../core/prep-sheet/index.ts";
import type { Store } from "../store/index.ts";
import { cachedAnalyze } from "./analysis-cache.ts";
import { documentsInScope } from "./bank.ts";
import { DeriskError, HINTS } from "./errors.ts";
import { openTailoring, roleFromTarget } from "./packaging.ts";
import type { PrintQueue } from "./pdf.ts";
import { fontFacesFor } from "./print-fonts.ts";
import { listStories } from "./stories.ts";

/** Answers per part when printing a PDF: Chromium prints a few hundred pages at a time fastest. */
export const PDF_ANSWERS_PER_PART = 200;

/** Export formats of the prep sheet (the bank's own Markdown and JSON are `exportDocument`'s). */
export const SHEET_FORMATS = ["sheet-md", "html", "pdf", "anki"] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export const isSheetFormat = (format: string): format is SheetFormat =>
  (SHEET_FORMATS as readonly string[]).includes(format);

export interface PrepSheetRequest {
  format: SheetFormat;
  /** "cards": a quarter page per question, key beats only. */
  layout?: SheetLayout;
  /** One document; default: the whole bank. */
  documentId?: string;
  /** One competency id; default: all. */
  competency?: string;
  /** One saved tailoring: only the answers that evidence its job posting. */
  tailoringId?: string;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

/**
 * Parses a competency id given by a user, refusing unknown ones with the list of valid ids.
 * @example parseCompetency("conflict") // "conflict"
 */
export function parseCompetency(value: string): Competency {
  if ((COMPETENCIES as readonly string[]).includes(value)) return value as Competency;
  throw new DeriskError("USAGE", `Unknown competency "${value}": use one of ${COMPETENCIES.join(", ")}.`);
}

/**
 * The prep sheet of the bank (or one document, or one competency) with the profile's target
 * role, speaking rate and wording of the lens.
 * @example const sheet = await loadPrepSheet(store, "local", { competency: "conflict" });
 */
export async function loadPrepSheet(
  store: Store,
  userId: string,
  selection: SheetSelection = {},
): Promise<PrepSheet> {
  return builtSheet(await loadPrepSheetPlan(store, userId, selection), selection.format);
}

/**
 * What an export of the sheet's answers makes, as its messages name it: an Anki deck holds
 * cards, every other format is a prep sheet ("Nothing to put on a prep sheet" was said of a deck).
 * @example exportNoun("anki") // { a: "an Anki deck", into: "in an Anki deck", the: "deck" }
 */
export function exportNoun(format: SheetFormat | undefined): { a: string; into: string; the: string } {
  return format === "anki"
    ? { a: "an Anki deck", into: "in an Anki deck", the: "deck" }
    : { a: "a prep sheet", into: "on a prep sheet", the: "sheet" };
}

/**
 * `loadPrepSheet` before any answer is analysed (see PrepSheetPlan): the documents read, the
 * profile applied. Its `finish` does not check that the sheet has something on it: pass the
 * sheet to `checkedSheet`.
 */
export async function loadPrepSheetPlan(
  store: Store,
  userId: string,
  selection: SheetSelection = {},
): Promise<PrepSheetPlan & { sampleLeftOut?: string }> {
  const competency = selection.competency === undefined ? undefined : parseCompetency(selection.competency);
  const posting =
    selection.tailoringId === undefined
      ? undefined
      : await postingAnswers(store, userId, selection.tailoringId, selection.format);
  const inScope = await documentsInScope(store, userId, selection.documentId);
  // The whole bank's sheet is the candidate's own: derisk's sample (someone else's made-up
  // answers) stays off it once they have a document of their own, as it does in tailoring and
  // coverage. Asked for by its id, the sample still has its sheet; alone, it is the demo's.
  const own = inScope.filter((summary) => !summary.sample);
  let ids = (selection.documentId === undefined && own.length > 0 ? own : inScope).map((s) => s.id);
  if (posting !== undefined) ids = ids.filter((id) => posting.keys.has(id));
  const docs: PrepDoc[] = [];
  for (const id of ids) {
    const { id: _id, ...doc } = await store.documents.loadDocument(userId, id);
    docs.push(doc);
  }
  const profile = await store.profiles.getProfile(userId);
  // The profile's target role is every answer's; without one, each document's own (a candidate
  // keeps one document per interview, and two may be for different roles).
  const role = roleFromTarget(profile.targetRole);
  const plan = planPrepSheet(docs, {
    analyze: cachedAnalyze,
    wordsPerMinute: profile.wordsPerMinute,
    ...(profile.targetRole === undefined ? {} : { targetRole: profile.targetRole }),
    ...(role === undefined ? { roleOf: roleFromTarget } : { role }),
    ...(profile.framing && profile.framing.length > 0
      ? { framing: profile.framing.map((f) => `${f.risk}: ${f.fear}`) }
      : {}),
    ...(competency === undefined ? {} : { competency }),
    ...(posting === undefined
      ? {}
      : {
          posting: posting.posting,
          keepAnswer: (index: number, key: string) => posting.keys.get(ids[index] ?? "")?.has(key) ?? false,
          ...(postingName(posting.posting) === "" ? {} : { title: `${postingName(posting.posting)} — prep` }),
          ...(posting.posting.title === undefined ? {} : { targetRole: posting.posting.title }),
        }),
  });
  // Said where the sheet is made (the Export page says it beside the choice of scope).
  const sampleLeftOut = selection.documentId === undefined && own.length > 0 && own.length < inScope.length;
  const noun = exportNoun(selection.format);
  if (sampleLeftOut && competency === undefined && posting === undefined && plan.size === 0) {
    // "The bank has no answers" was untrue: the sample's are there, left off for the user's own.
    const sample = inScope.find((summary) => summary.sample);
    if (plan.finish([]).technical.length === 0)
      throw new DeriskError(
        "NOT_FOUND",
        `Nothing to put ${noun.into}: your own documents have no answers or technical questions yet, and the sample is left off the whole bank's ${noun.the} once you have a document of your own`,
        {
          hint: {
            cli: `. Add an answer (derisk add-answer), or export the sample's ${noun.the} with -d ${sample?.id ?? "SAMPLE_ID"}.`,
            web: `. Add an answer to one of your documents, or choose the sample document as the ${noun.the}'s scope.`,
          },
        },
      );
  }
  return sampleLeftOut ? { ...plan, sampleLeftOut: sampleOffSheet(selection.format) } : plan;
}

/** What is said when the whole bank's sheet (or deck) leaves derisk's sample out (each interface adds how to print it). */
export const SAMPLE_OFF_SHEET = "The sample document is not on this sheet: your own documents are.";

/** SAMPLE_OFF_SHEET, as an export in `format` says it: an Anki deck is not a sheet. */
export function sampleOffSheet(format: SheetFormat | undefined): string {
  return format === "anki"
    ? "The sample document is not in this deck: your own documents are."
    : SAMPLE_OFF_SHEET;
}

/**
 * What a sheet may be narrowed to: one document, one competency, one saved tailoring; and the
 * format it is made in, which only its messages read (a deck is not a sheet).
 */
export interface SheetSelection {
  documentId?: string;
  competency?: string;
  tailoringId?: string;
  format?: SheetFormat;
}

/**
 * The answers that evidence a saved tailoring's posting, by document id and answer key: the
 * answers it quotes, and those its quoted stories were drawn from. A posting none of whose
 * requirements an answer evidences has no sheet: NOT_FOUND, saying what to do.
 */
async function postingAnswers(
  store: Store,
  userId: string,
  tailoringId: string,
  format?: SheetFormat,
): Promise<{ posting: SheetPosting; keys: Map<string, Set<string>> }> {
  const { tailoring } = await openTailoring(store, userId, tailoringId);
  const answerIds = new Set<string>();
  const storyIds = new Set<string>();
  for (const requirement of tailoring.requirements) {
    for (const e of requirement.evidence) {
      if (e.source === "answer") answerIds.add(e.id);
      if (e.source === "story") storyIds.add(e.id);
    }
  }
  for (const story of await listStories(store, userId))
    if (storyIds.has(story.id) && story.sourceItemId !== undefined) answerIds.add(story.sourceItemId);
  const keys = new Map<string, Set<string>>();
  for (const item of await store.items.listItems(userId)) {
    if (item.kind !== "answer" || !answerIds.has(item.id)) continue;
    keys.set(item.documentId, (keys.get(item.documentId) ?? new Set()).add(item.key));
  }
  const posting: SheetPosting = {
    ...(tailoring.company === undefined ? {} : { company: tailoring.company }),
    ...(tailoring.title === undefined ? {} : { title: tailoring.title }),
    requirements: tailoring.requirements.map((r) => ({ text: r.text, covered: r.covered })),
  };
  if (keys.size === 0)
    throw new DeriskError(
      "NOT_FOUND",
      `Nothing to put ${exportNoun(format).into} for ${postingName(posting) || "this posting"}: no prepared answer of yours evidences what it asks`,
      {
        hint: {
          cli: ". Write or import answers for it, or drop --tailoring.",
          web: ". Write answers for what it asks, or choose another scope.",
        },
      },
    );
  return { posting, keys };
}

/** The sheet of a plan, every answer analysed in turn; checked as `checkedSheet` does. */
function builtSheet(plan: PrepSheetPlan, format?: SheetFormat): PrepSheet {
  const answers = [];
  for (let i = 0; i < plan.size; i++) {
    const block = plan.answer(i);
    if (block) answers.push(block);
  }
  return checkedSheet(plan.finish(answers), format);
}

/** The sheet, unless there is nothing on it: then a NOT_FOUND that says what to do. */
export function checkedSheet(sheet: PrepSheet, format?: SheetFormat): PrepSheet {
  const noun = exportNoun(format);
  if (sheet.answers.length === 0 && sheet.technical.length === 0) {
    throw sheet.competency === undefined
      ? new DeriskError(
          "NOT_FOUND",
          `Nothing to put ${noun.into}: the bank has no answers or technical questions yet. Import a prep document first`,
          { hint: HINTS.importFirst },
        )
      : new DeriskError(
          "NOT_FOUND",
          `Nothing to put ${noun.into} for ${competencyName(sheet.competency)}: ${nothingIn(sheet)} of that competency`,
          {
            hint: {
              cli: ". Drop --competency, or pick another.",
              web: ". Choose all competencies, or another one.",
            },
          },
        );
  }
  return sheet;
}

/** Where no answer was found: "none of the 3 documents has an answer or technical question". */
const nothingIn = (sheet: PrepSheet): string => {
  const asked = sheet.documents.length + (sheet.leftOut?.length ?? 0);
  return asked > 1
    ? `none of the ${asked} documents has an answer or technical question`
    : "no answer or technical question";
};

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "prep";

/**
 * The prep sheet as a file: Markdown, standalone HTML, an Anki TSV, or a PDF printed by the
 * bundled Chromium. The PDF is printed after the store is done with.
 * @example const file = await exportPrepSheet(store, "local", { format: "html" }); file.filename // "interview-prep-sheet.html"
 */
export async function exportPrepSheet(
  store: Store,
  userId: string,
  request: PrepSheetRequest,
): Promise<ExportFile> {
  const selection = {
    ...(request.documentId === undefined ? {} : { documentId: request.documentId }),
    ...(request.competency === undefined ? {} : { competency: request.competency }),
    ...(request.tailoringId === undefined ? {} : { tailoringId: request.tailoringId }),
  };
  return renderPlanFile(
    await loadPrepSheetPlan(store, userId, { ...selection, format: request.format }),
    request.format,
    request.layout ?? "sheet",
  );
}

/**
 * Builds the sheet of a plan and renders it in one of the sheet formats; a PDF is printed
 * while the sheet is built (see printPrepSheetPdf). The store is no longer needed.
 */
export async function renderPlanFile(
  plan: PrepSheetPlan,
  format: SheetFormat,
  layout: SheetLayout,
): Promise<ExportFile> {
  if (format === "pdf") {
    const { sheet, pdf } = await printPrepSheetPdf(plan, layout);
    return { filename: `${sheetBase(sheet, layout)}.pdf`, contentType: "application/pdf", body: pdf };
  }
  return renderSheetFile(builtSheet(plan, format), format, layout);
}

/** Answers analysed between two turns of the event loop (~10 ms): the printing tabs are served in between. */
const ANSWERS_PER_TURN = 8;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds the sheet of a plan and prints it to PDF at once: each part of
 * PDF_ANSWERS_PER_PART answers is queued for printing as soon as its answers are analysed,
 * so Chromium prints the first parts while Node analyses the next, and the export takes
 * about the longer of the two instead of their sum. The first part, with the cover that sums
 * up every answer, is queued last. The PDF is the one `renderSheetFile(sheet, "pdf", layout)`
 * prints: the same parts, joined in the same order.
 * @example const { sheet, pdf } = await printPrepSheetPdf(planPrepSheet(docs), "sheet");
 */
export async function printPrepSheetPdf(
  plan: PrepSheetPlan,
  layout: SheetLayout,
  options: { answersPerPart?: number; tabs?: number } = {},
): Promise<{ sheet: PrepSheet; pdf: Uint8Array }> {
  // Nothing to analyse: say so before Chromium starts.
  if (plan.size === 0) checkedSheet(plan.finish([]));
  const { printPdfParts } = await import("./pdf.ts");
  let sheet: PrepSheet | undefined;
  const pdf = await printPdfParts(
    async (queue, failed) => {
      sheet = await queueSheetParts(plan, layout, queue, { ...options, failed });
    },
    {
      whole: () => wholeForPrint(sheet as PrepSheet, layout),
      ...(options.tabs === undefined ? {} : { tabs: options.tabs }),
    },
  );
  return { sheet: sheet as PrepSheet, pdf };
}

/**
 * The producing half of printPrepSheetPdf: analyses the plan's answers a few at a time,
 * yielding to the event loop in between, and pushes each part of the PDF to `queue` as soon
 * as its answers are done; the first part, with the cover, last. Resolves with the sheet once
 * every part is queued (or undefined when `failed` says printing has stopped). The parts are
 * those of `renderPrepSheetHtmlParts(sheet, layout, { printOnly: true, fontFaces: fontFacesFor })`.
 */
export async function queueSheetParts(
  plan: PrepSheetPlan,
  layout: SheetLayout,
  queue: Pick<PrintQueue, "push">,
  options: { answersPerPart?: number; failed?: () => boolean } = {},
): Promise<PrepSheet | undefined> {
  const writer = sheetPartsWriter(plan.title, layout, {
    sheet: plan,
    answersPerPart: options.answersPerPart ?? PDF_ANSWERS_PER_PART,
    fontFaces: fontFacesFor,
    printOnly: true,
  });
  const answers = [];
  for (let i = 0; i < plan.size; i++) {
    if (i % ANSWERS_PER_TURN === 0) {
      await turn();
      if (options.failed?.()) return undefined;
    }
    const block = plan.answer(i);
    if (block === undefined) continue;
    answers.push(block);
    for (const part of writer.add(block)) queue.push(part.index, part.html);
  }
  const sheet = checkedSheet(plan.finish(answers));
  for (const part of writer.finish(sheet)) queue.push(part.index, part.html);
  return sheet;
}

/** Every user string of a sheet, for choosing the fonts it needs. */
const sheetText = (sheet: PrepSheet): string => JSON.stringify(sheet);

/** Renders a loaded sheet in one of the sheet formats. */
export async function renderSheetFile(
  sheet: PrepSheet,
  format: SheetFormat,
  layout: SheetLayout,
): Promise<ExportFile> {
  const base = sheetBase(sheet, layout);
  switch (format) {
    case "sheet-md":
      return {
        filename: `${base}.md`,
        contentType: "text/markdown; charset=utf-8",
        body: renderPrepSheetMarkdown(sheet, layout),
      };
    case "html":
      return {
        filename: `${base}.html`,
        contentType: "text/html; charset=utf-8",
        body: renderPrepSheetHtml(sheet, layout, { fontFaces: fontFacesFor(sheetText(sheet)) }),
      };
    case "anki":
      return {
        filename: `${slug(sheet.title)}-anki.tsv`,
        contentType: "text/tab-separated-values; charset=utf-8",
        body: renderAnkiTsv(sheet),
      };
    case "pdf": {
      const { printPdf } = await import("./pdf.ts");
      // Printed in parts of a few hundred pages, each with the fonts its own text needs.
      const parts = renderPrepSheetHtmlParts(sheet, layout, {
        answersPerPart: PDF_ANSWERS_PER_PART,
        fontFaces: fontFacesFor,
        printOnly: true,
      });
      return {
        filename: `${base}.pdf`,
        contentType: "application/pdf",
        body: await printPdf(() => wholeForPrint(sheet, layout), { parts }),
      };
    }
  }
}

/**
 * The whole sheet as one page, for printing it the old way should joining the parts fail: with
 * a new page where each part starts, so it prints to the same pages as the parts.
 */
const wholeForPrint = (sheet: PrepSheet, layout: SheetLayout): string =>
  renderPrepSheetHtml(sheet, layout, {
    fontFaces: fontFacesFor(sheetText(sheet)),
    partBreaks: PDF_ANSWERS_PER_PART,
  });

const sheetBase = (sheet: PrepSheet, layout: SheetLayout): string =>
  `${slug(sheet.title)}-${layout === "cards" ? "cards" : "sheet"}`;
