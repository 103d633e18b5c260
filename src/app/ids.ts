/**
 * Ids as a person types them: the whole id, or its first few characters when no other row of
 * theirs starts the same way (like git's abbreviated hashes). Only the user's own rows count.
 */
import { DeriskError } from "../core/errors.ts";
import type { PrepItem } from "../core/model.ts";
import { SHORT_ID_LENGTH, shortIds } from "../core/short-ids.ts";
import type { IdTable, Repos } from "../store/index.ts";

/** The fewest characters of an id that are looked up as its start. */
export const MIN_ID_PREFIX = 4;

/**
 * The fewest characters of an id the API looks up as its start: the 8 a listing shows
 * (SHORT_ID_LENGTH), so an id read off the CLI or the web app works in a URL, and a shorter
 * slice of one stays "not found" rather than picking a row by chance.
 */
export const MIN_API_ID_PREFIX = SHORT_ID_LENGTH;

/** How a surface reads ids: the CLI takes 4 characters and says which kind an id is of. */
export interface ResolveOptions {
  /** Shorter text is never read as a prefix: it comes back as it is (the use case's "not found"). */
  minPrefix?: number;
  /** Refuse text that is too short, or an id of another kind, in the CLI's words. Default true. */
  explain?: boolean;
}

/** Most rows an ambiguous prefix lists. */
const LISTED = 10;

/** What an id names, and so which of the user's rows it is looked up among. */
export type IdKind =
  | "document"
  | "item"
  | "item-or-question"
  | "item-version"
  | "story"
  | "journal-entry"
  | "journal-version"
  | "practice-session"
  | "tailoring";

const KINDS: Record<IdKind, { tables: IdTable[]; noun: string; plural: string; listedBy: string }> = {
  document: { tables: ["documents"], noun: "document", plural: "documents", listedBy: "derisk list" },
  item: { tables: ["items"], noun: "item", plural: "items", listedBy: "derisk show" },
  "item-or-question": {
    tables: ["items", "questions"],
    noun: "answer or question",
    plural: "answers and questions",
    listedBy: "derisk show, derisk due",
  },
  "item-version": {
    tables: ["item_versions"],
    noun: "history entry",
    plural: "history entries",
    listedBy: "derisk history ITEM",
  },
  story: { tables: ["stories"], noun: "story", plural: "stories", listedBy: "derisk stories list" },
  "journal-entry": {
    tables: ["journal_entries"],
    noun: "journal entry",
    plural: "journal entries",
    listedBy: "derisk journal list",
  },
  "journal-version": {
    tables: ["journal_entry_versions"],
    noun: "journal history entry",
    plural: "journal history entries",
    listedBy: "derisk journal history ENTRY",
  },
  "practice-session": {
    tables: ["practice_sessions"],
    noun: "practice session",
    plural: "practice sessions",
    listedBy: "derisk practice --list",
  },
  tailoring: {
    tables: ["tailorings"],
    noun: "tailoring",
    plural: "tailorings",
    listedBy: "derisk tailor --list",
  },
};

/**
 * What `--restore` names: a version number as a history list shows it ("2", left for the use
 * case to pick), else a history entry's id or the start of one.
 * @example await resolveVersionRef(store, "local", "item-version", "2") // "2"
 */
export async function resolveVersionRef(
  store: Repos,
  userId: string,
  kind: "item-version" | "journal-version",
  text: string,
): Promise<string> {
  // Four digits or more may start an id; a number no id starts with stays a version number.
  return /^\d+$/.test(text) && text.length < MIN_ID_PREFIX ? text : resolveId(store, userId, kind, text);
}

/**
 * The full id of the user's row that `text` names: the row with exactly that id, else the one
 * row whose id starts with it (at least MIN_ID_PREFIX characters). A prefix shared by several
 * rows is refused (BAD_INPUT) with those rows listed; text that names no row comes back as it
 * is, so the use case it is passed to says "not found" in its own words.
 * @example await resolveId(store, "local", "story", "3f2a") // "3f2a0b9e-5c1d-…"
 */
export async function resolveId(
  store: Repos,
  userId: string,
  kind: IdKind,
  text: string,
  options: ResolveOptions = {},
): Promise<string> {
  const { tables, noun, plural, listedBy } = KINDS[kind];
  const explain = options.explain ?? true;
  // Without the CLI's explanations, only a start of an id is looked up: a whole UUID, and text
  // that is too short or not hex, go to the use case as they are, at no extra query.
  if (
    !explain &&
    (text.length < (options.minPrefix ?? MIN_ID_PREFIX) ||
      !/^[0-9a-f-]+$/i.test(text) ||
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text))
  )
    return text;
  // ids are lowercase UUIDs: a prefix typed in capitals still finds them.
  const prefix = /^[0-9a-f-]+$/i.test(text) ? text.toLowerCase() : text;
  for (const table of tables) {
    // In id order, an exact id comes before every id it is the start of.
    const [first] = await store.ids.findIds(userId, table, text, 1);
    if (first === text) return text;
  }
  if (text.length < MIN_ID_PREFIX)
    throw new DeriskError(
      "BAD_INPUT",
      `"${text}" is too short to pick ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun} by: type at least ${MIN_ID_PREFIX} characters of its id (${listedBy} ${listedBy.includes(",") ? "show" : "shows"} them).`,
    );
  const found: { table: IdTable; id: string }[] = [];
  for (const table of tables) {
    for (const id of await store.ids.findIds(userId, table, prefix, LISTED + 1)) found.push({ table, id });
  }
  const [only, second] = found;
  if (only === undefined) {
    if (explain) await refuseOtherKind(store, userId, kind, prefix, text);
    return text;
  }
  if (second === undefined) return only.id;
  const listed = found.slice(0, LISTED);
  const short = shortIds(listed.map((row) => row.id));
  const lines = await Promise.all(
    listed.map(async (row) => `  ${short(row.id)}  ${await describeRow(store, userId, row.table, row.id)}`),
  );
  throw new DeriskError(
    "BAD_INPUT",
    [
      `"${text}" starts the ids of ${found.length > LISTED ? `more than ${LISTED}` : found.length} ${plural}:`,
      ...lines,
      `Type more of the id to pick one${found.length > LISTED ? "" : ` (e.g. ${short(only.id)})`}.`,
    ].join("\n"),
  );
}

/** The kinds a user most often mixes up: an id of one given where another is asked for. */
const TOP_LEVEL: { kind: IdKind; table: IdTable; noun: string }[] = [
  { kind: "document", table: "documents", noun: "a document" },
  { kind: "item", table: "items", noun: "an item (an answer, a follow-up…)" },
  { kind: "story", table: "stories", noun: "a story" },
  { kind: "journal-entry", table: "journal_entries", noun: "a journal entry" },
];

/**
 * An id no row of the asked kind has, but exactly one of the user's rows of another kind does
 * (a document's id given to derisk history): said as such, instead of "No item with id …".
 */
async function refuseOtherKind(store: Repos, userId: string, kind: IdKind, prefix: string, text: string) {
  const asked = TOP_LEVEL.find((k) => k.kind === kind || (kind === "item-or-question" && k.kind === "item"));
  if (asked === undefined) return;
  const matches: { table: IdTable; noun: string; id: string }[] = [];
  for (const other of TOP_LEVEL) {
    if (other.table === asked.table) continue;
    for (const id of await store.ids.findIds(userId, other.table, prefix, 2)) matches.push({ ...other, id });
  }
  const [match, another] = matches;
  if (match === undefined || another !== undefined) return;
  const { noun, plural, listedBy } = KINDS[kind];
  throw new DeriskError(
    "BAD_INPUT",
    `"${text}" is the id of ${match.noun}, “${await describeRow(store, userId, match.table, match.id)}”, not of ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}: the ids of your ${plural} are in ${listedBy.replace(", ", " and ")}.`,
  );
}

/** A row's title (or what stands for one) for the list of an ambiguous prefix. */
async function describeRow(store: Repos, userId: string, table: IdTable, id: string): Promise<string> {
  switch (table) {
    case "documents": {
      const summary = (await store.documents.listDocuments(userId)).find((d) => d.id === id);
      return summary?.title ?? "document";
    }
    case "items":
      return describeItem(await store.items.getItem(userId, id));
    case "item_versions": {
      const version = await store.itemVersions.getVersion(userId, id);
      return `${version.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC · ${version.source}`;
    }
    case "stories":
      return (await store.stories.getStory(userId, id)).title;
    case "questions":
      return clip((await store.questions.getQuestion(userId, id)).text);
    case "journal_entries":
      return (await store.journal.getEntry(userId, id)).title;
    case "journal_entry_versions": {
      const version = await store.journal.getVersion(userId, id);
      return `${version.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC · ${version.title}`;
    }
    case "practice_sessions": {
      const session = await store.practice.getSession(userId, id);
      return `practice session started ${session.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC (${session.status})`;
    }
    case "tailorings": {
      const tailoring = await store.tailorings.getTailoring(userId, id);
      return `${tailoring.title ?? "Job description"}${tailoring.company ? ` at ${tailoring.company}` : ""}`;
    }
  }
}

function describeItem(item: PrepItem): string {
  switch (item.kind) {
    case "answer":
      return clip(
        `${item.questionNumber ? `${item.questionNumber} · ` : ""}${item.question} (${item.variant})`,
      );
    case "follow-up":
      return clip(`follow-up: ${item.question}`);
    case "technical-question":
    case "accomplishment":
      return clip(`${item.kind}: ${item.text}`);
    case "section":
    case "framing":
    case "technical-section":
      return clip(`${item.kind}: ${item.title}`);
    case "reflection":
      return clip(`reflection${item.title ? `: ${item.title}` : ""}`);
    case "concern":
      return clip(`concern: ${item.judgement}`);
    case "note":
      return clip(`note: ${item.text}`);
    case "to-do":
    case "snippet":
      return `${item.kind} (${item.key})`;
  }
}

const clip = (text: string, max = 72): string => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
