import * as z from "zod";
import { DeriskError } from "./errors.ts";
import { BANK_SCHEMA_VERSION, COMPETENCIES, PREP_ITEM_KINDS, type PrepDoc } from "./model.ts";

/*
 * The JSON export of a prep document ("bank"): full fidelity, versioned.
 * `derisk export --format json` writes it and `derisk import` reads it back.
 * Documented in docs/api.md ("The bank file"); extend with optional fields, never break.
 */

const lineRange = z.object({ start: z.number().int().min(1), end: z.number().int().min(1) });
const base = {
  key: z.string().min(1),
  lines: lineRange,
  raw: z.string(),
  gapBefore: z.number().int().min(0),
};
const starSections = z
  .object({
    situation: z.string(),
    task: z.string(),
    action: z.string(),
    result: z.string(),
    lesson: z.string(),
  })
  .partial();
const competency = z.enum(COMPETENCIES);

const prepItem = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("section"),
    title: z.string(),
    depth: z.number().int(),
    role: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("framing"),
    title: z.string(),
    intro: z.string(),
    questions: z.array(z.string()),
    closing: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("answer"),
    questionKey: z.string(),
    questionNumber: z.string().optional(),
    question: z.string(),
    variant: z.string(),
    format: z.enum(["script", "star", "free", "beats"]),
    text: z.string(),
    star: starSections.optional(),
    remark: z.string().optional(),
    beats: z.array(z.string()).optional(),
    budgetSeconds: z.number().positive().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("follow-up"),
    answerKey: z.string(),
    question: z.string(),
    answer: z.string(),
    pointer: z.boolean(),
    budgetSeconds: z.number().positive().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("concern"),
    answerKey: z.string().optional(),
    judgement: z.string(),
    reframes: z.array(z.string()),
  }),
  z.object({
    ...base,
    kind: z.literal("technical-section"),
    title: z.string(),
    emoji: z.string().optional(),
    description: z.string().optional(),
    competency,
  }),
  z.object({
    ...base,
    kind: z.literal("technical-question"),
    sectionKey: z.string(),
    text: z.string(),
    competency,
    keyPoints: z.array(z.string()),
  }),
  z.object({
    ...base,
    kind: z.literal("reflection"),
    title: z.string().optional(),
    turns: z.array(z.object({ speaker: z.string(), text: z.string() })),
    reframes: z.array(z.string()),
  }),
  z.object({
    ...base,
    kind: z.literal("accomplishment"),
    text: z.string(),
    metrics: z.array(z.string()),
  }),
  z.object({ ...base, kind: z.literal("note"), text: z.string() }),
]);

// Banks written before a kind existed have no count for it: it reads as 0.
const LATER_KINDS = new Set<string>(["accomplishment"]);
const kindCounts = z.object(
  Object.fromEntries(
    PREP_ITEM_KINDS.map((kind) => [
      kind,
      LATER_KINDS.has(kind) ? z.number().int().min(0).default(0) : z.number().int().min(0),
    ]),
  ) as Record<(typeof PREP_ITEM_KINDS)[number], z.ZodNumber>,
);

const prepDoc = z.object({
  title: z.string(),
  targetRole: z.string().optional(),
  gapAfter: z.number().int().min(0),
  finalNewline: z.boolean(),
  items: z.array(prepItem),
  report: z.object({
    encoding: z.enum([
      "utf-8",
      "utf-8-bom",
      "utf-16le",
      "utf-16be",
      "utf-8-mojibake-mac-roman",
      "utf-8-mojibake-windows-1252",
    ]),
    repaired: z.boolean(),
    counts: kindCounts,
    unrecognised: z.array(lineRange),
    lines: z.object({ total: z.number().int(), nonBlank: z.number().int(), inNotes: z.number().int() }),
    warnings: z.array(z.string()),
  }),
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
    if (format === "derisk-bank" && version !== BANK_SCHEMA_VERSION) {
      throw new DeriskError(
        "BAD_INPUT",
        `${where} is a derisk bank of version ${String(version)}, but this derisk reads version ${BANK_SCHEMA_VERSION}: export it again with this version of derisk.`,
      );
    }
  }
  const parsed = bankFileSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const at = first && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
    throw new DeriskError(
      "BAD_INPUT",
      `${where} is not a derisk bank file${at}: ${first?.message ?? "unknown problem"}. Export a bank with \`derisk export --format json\`, or import the Markdown document instead.`,
    );
  }
  return stripUndefined(parsed.data.document) as PrepDoc;
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
