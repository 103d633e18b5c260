import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { ExportFile, SheetFormat } from "../../app/prep-sheet.ts";
import type { CliContext } from "../context.ts";

export interface ExportOptions {
  format: string;
  document?: string;
  output?: string;
  competency?: string;
  tailoring?: string;
  cards?: boolean;
}

/**
 * The prep-sheet format asked for, or undefined for the document formats (md, json). The
 * sheet-only options are refused with those, so they never pass silently.
 */
export async function sheetFormatOf(options: ExportOptions): Promise<SheetFormat | undefined> {
  const { isSheetFormat } = await import("../../app/prep-sheet.ts");
  // An Anki deck is one note per question whatever the layout: --cards would be ignored there.
  if (options.format === "anki" && options.cards) {
    throw new DeriskError(
      "USAGE",
      "--cards lays out a printed prep sheet (--format sheet-md, html or pdf); an Anki deck is one note per question already. Drop --cards, or use --format html --cards.",
    );
  }
  if (isSheetFormat(options.format)) return options.format;
  if (options.competency !== undefined || options.cards || options.tailoring !== undefined) {
    throw new DeriskError(
      "USAGE",
      "--competency, --tailoring and --cards shape a prep sheet: use them with --format sheet-md, html or pdf (--competency and --tailoring with anki too).",
    );
  }
  return undefined;
}

/** Loads and renders the prep sheet; its answers are analysed (and the PDF printed) after the bank is closed. */
export async function exportSheet(
  ctx: CliContext,
  format: SheetFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  const { loadPrepSheetPlan, parseCompetency, renderPlanFile } = await import("../../app/prep-sheet.ts");
  if (options.competency !== undefined) parseCompetency(options.competency);
  if (format === "pdf" && !options.output) {
    throw new DeriskError(
      "USAGE",
      "A PDF is binary: give a file to write it to, e.g. derisk export --format pdf -o prep.pdf.",
    );
  }
  const document = options.document;
  const plan = await ctx.withStore(async (store, userId) =>
    loadPrepSheetPlan(store, userId, {
      format,
      ...(document === undefined ? {} : { documentId: await resolveId(store, userId, "document", document) }),
      ...(options.competency === undefined ? {} : { competency: options.competency }),
      ...(options.tailoring === undefined
        ? {}
        : { tailoringId: await resolveId(store, userId, "tailoring", options.tailoring) }),
    }),
  );
  if (plan.sampleLeftOut !== undefined)
    ctx.err(
      ctx.errStyle.dim(
        `${plan.sampleLeftOut} To ${format === "anki" ? "export" : "print"} it: -d ID (derisk list).`,
      ),
    );
  return renderPlanFile(plan, format, options.cards ? "cards" : "sheet");
}
