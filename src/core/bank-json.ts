import * as z from "zod";
import { BANK_BACKUP_VERSION } from "./bank-backup.ts";
import { DeriskError } from "./errors.ts";
import { MAX_DOCUMENT_CHARS } from "./limits.ts";
import { BANK_SCHEMA_VERSION, COMPETENCIES, PREP_ITEM_KINDS, type PrepDoc } from "./model.ts";
import { describeSchemaIssue } from "./schema-issue.ts";
import { MAX_INT32, unstorableText } from "./text-safety.ts";

/*
 * The JSON export of a prep document ("bank"): full fidelity, versioned.
 * `derisk export --format json` writes it and `derisk import` reads it back.
 * Documented in docs/api.md ("The bank file"); extend with optional fields, never break.
 */

/*
 * Bounds: what a 10 MiB document can produce, and what the database stores. A bank holding
 * more (a gap of 2.5e9 blank lines, a line number past 2^31) is refused here, before
 * anything is built from it.
 */
/** A document's text; the whole rendered document is checked against the same limit below. */
const MAX_TEXT = MAX_DOCUMENT_CHARS;
/** Titles, questions, keys and other one-line fields. */
const MAX_LINE = 2_000;
const MAX_LIST = 100_000;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = unstorableText(value);
      if (problem) ctx.addIssue({ code: "custom", message: `the text ${problem}` });
    });
const count = z.number().int().min(0).max(MAX_INT32);
const lineNumber = z.number().int().min(1).max(MAX_INT32);
const lineRange = z.object({ start: lineNumber, end: lineNumber });
const base = {
  key: text(MAX_LINE).min(1),
  lines: lineRange,
  raw: text(MAX_TEXT),
  gapBefore: z.number().int().min(0).max(MAX_DOCUMENT_CHARS),
};
const starSections = z
  .object({
    situation: text(MAX_TEXT),
    task: text(MAX_TEXT),
    action: text(MAX_TEXT),
    result: text(MAX_TEXT),
    lesson: text(MAX_TEXT),
  })
  .partial();
const competency = z.enum(COMPETENCIES);

const prepItem = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("section"),
    title: text(MAX_LINE),
    depth: z.number().int().min(1).max(6),
    role: text(MAX_LINE).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("framing"),
    title: text(MAX_LINE),
    intro: text(MAX_TEXT),
    questions: z.array(text(MAX_TEXT)).max(MAX_LIST),
    closing: text(MAX_TEXT).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("answer"),
    questionKey: text(MAX_TEXT),
    questionNumber: text(MAX_TEXT).optional(),
    question: text(MAX_TEXT),
    variant: text(MAX_TEXT),
    format: z.enum(["script", "star", "free", "beats"]),
    text: text(MAX_TEXT),
    star: starSections.optional(),
    remark: text(MAX_TEXT).optional(),
    beats: z.array(text(MAX_TEXT)).max(MAX_LIST).optional(),
    budgetSeconds: z.number().positive().max(3600).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("follow-up"),
    answerKey: text(MAX_TEXT),
    question: text(MAX_TEXT),
    answer: text(MAX_TEXT),
    pointer: z.boolean(),
    budgetSeconds: z.number().positive().max(3600).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("concern"),
    answerKey: text(MAX_TEXT).optional(),
    judgement: text(MAX_TEXT),
    reframes: z.array(text(MAX_TEXT)).max(MAX_LIST),
  }),
  z.object({
    ...base,
    kind: z.literal("technical-section"),
    title: text(MAX_LINE),
    emoji: text(MAX_TEXT).optional(),
    description: text(MAX_TEXT).optional(),
    competency,
  }),
  z.object({
    ...base,
    kind: z.literal("technical-question"),
    sectionKey: text(MAX_TEXT),
    text: text(MAX_TEXT),
    competency,
    keyPoints: z.array(text(MAX_TEXT)).max(MAX_LIST),
  }),
  z.object({
    ...base,
    kind: z.literal("reflection"),
    title: text(MAX_LINE).optional(),
    turns: z.array(z.object({ speaker: text(MAX_LINE), text: text(MAX_TEXT) })).max(MAX_LIST),
    reframes: z.array(text(MAX_TEXT)).max(MAX_LIST),
  }),
  z.object({
    ...base,
    kind: z.literal("accomplishment"),
    text: text(MAX_TEXT),
    metrics: z.array(text(MAX_LINE)).max(MAX_LIST),
  }),
  z.object({
    ...base,
    kind: z.literal("to-do"),
    entries: z
      .array(z.object({ text: text(MAX_TEXT), done: z.boolean(), depth: count }))
      .min(1)
      .max(MAX_LIST),
  }),
  z.object({
    ...base,
    kind: z.literal("snippet"),
    language: text(MAX_LINE).optional(),
    code: text(MAX_TEXT),
    closed: z.boolean(),
    answerKey: text(MAX_TEXT).optional(),
  }),
  z.object({ ...base, kind: z.literal("note"), text: text(MAX_TEXT) }),
]);

// Banks written before a kind existed have no count for it: it reads as 0.
const LATER_KINDS = new Set<string>(["accomplishment", "to-do", "snippet"]);
const kindCounts = z.object(
  Object.fromEntries(
    PREP_ITEM_KINDS.map((kind) => [kind, LATER_KINDS.has(kind) ? count.default(0) : count]),
  ) as Record<(typeof PREP_ITEM_KINDS)[number], z.ZodNumber>,
);

const prepDoc = z
  .object({
    title: text(MAX_LINE),
    targetRole: text(MAX_TEXT).optional(),
    gapAfter: z.number().int().min(0).max(MAX_DOCUMENT_CHARS),
    finalNewline: z.boolean(),
    items: z.array(prepItem).max(MAX_LIST),
    report: z.object({
      encoding: z.enum([
        "utf-8",
        "utf-8-bom",
        "utf-16le",
        "utf-16be",
        "windows-1252",
        "utf-8-mojibake-mac-roman",
        "utf-8-mojibake-windows-1252",
      ]),
      repaired: z.boolean(),
      counts: kindCounts,
      unrecognised: z.array(lineRange).max(MAX_LIST),
      lines: z.object({ total: count, nonBlank: count, inNotes: count }),
      warnings: z.array(text(MAX_LINE)).max(1_000),
    }),
  })
  .superRefine((doc, ctx) => {
    // The Markdown the bank renders to must itself be importable: every raw text and gap counts.
    let size = doc.gapAfter + (doc.finalNewline ? 1 : 0);
    for (const item of doc.items) size += item.raw.length + item.gapBefore + 1;
    if (size > MAX_DOCUMENT_CHARS) {
      ctx.addIssue({
        code: "custom",
        message: `the document it describes would be ${size} characters long, over the ${MAX_DOCUMENT_CHARS / 1024 / 1024} MiB import limit`,
      });
    }
  });

/** Version 1 of the bank file. */
export const bankFileSchema = z.object({
  format: z.literal("derisk-bank"),
  version: z.literal(BANK_SCHEMA_VERSION),
  document: prepDoc,
});

export type BankFile = z.infer<typeof bankFileSchema>;

/**
 * Wraps a document in the versioned bank envelope.
 * @example JSON.stringify(toBankFile(doc), null, 2)
 */
export function toBankFile(doc: PrepDoc): BankFile {
  return { format: "derisk-bank", version: BANK_SCHEMA_VERSION, document: doc };
}

/** Serialises a document as the bank JSON text (stable key order, trailing newline). */
export function renderBankJson(doc: PrepDoc): string {
  return `${JSON.stringify(toBankFile(doc), null, 2)}\n`;
}

/**
 * Reads a bank file, with a message that says what is wrong and how to fix it.
 * @example parseBankJson(JSON.parse(text), "bank.json").items.length
 */
export function parseBankJson(value: unknown, where = "the JSON file"): PrepDoc {
  if (typeof value === "object" && value !== null && "format" in value && "version" in value) {
    const { format, version } = value as { format: unknown; version: unknown };
    if (format === "derisk-bank" && version !== BANK_SCHEMA_VERSION) throw unreadableVersion(version, where);
  }
  const parsed = bankFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new DeriskError(
      "BAD_INPUT",
      `${where} is not a derisk bank file: ${describeSchemaIssue(parsed.error.issues[0], "the whole file")}. Export a bank with \`derisk export --format json\`, or import the Markdown document instead.`,
    );
  }
  return stripUndefined(parsed.data.document) as PrepDoc;
}

/**
 * Why a bank file's version cannot be read, and what to do: a newer derisk wrote it (update
 * derisk), or the version field itself was damaged (export again).
 */
function unreadableVersion(version: unknown, where: string): DeriskError {
  const known = `this derisk reads bank files of version ${BANK_SCHEMA_VERSION} and ${BANK_BACKUP_VERSION}`;
  if (typeof version === "number" && Number.isInteger(version) && version > BANK_BACKUP_VERSION) {
    return new DeriskError(
      "BAD_INPUT",
      `${where} is a derisk bank of version ${version}, written by a newer derisk; ${known}. Update derisk (npm install derisk@latest) and import it again.`,
    );
  }
  return new DeriskError(
    "BAD_INPUT",
    `${where} has "version": ${JSON.stringify(version) ?? String(version)}, which is not a bank file version; ${known}. Fix the version field, or export the bank again with \`derisk export --format json\`.`,
  );
}

/** zod's optional fields come back as present-but-undefined keys; drop them for exact optional types. */
function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, stripUndefined(v)]),
    );
  }
  return value;
}
