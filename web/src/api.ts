/**
 * Typed client for the derisk HTTP JSON API (docs: src/server). Every failure, from the server
 * or the network, surfaces as an `ApiError` carrying a stable `code` and a message for the user.
 */

import type { Analysis } from "../../src/core/analysis/types.ts";
import type {
  BankTrailer,
  DocumentDetail as DocumentResponse,
  DocumentSummary,
  ImportChanges,
  ImportResult,
  ImportStatus,
  ItemVersion,
  StoredItem,
} from "../../src/core/api-types.ts";
import type { PrepItem, PrepItemKind, RoleId, StarPart } from "../../src/core/model.ts";
import type {
  CoverageMatrix,
  DetectedConcern,
  Draft,
  PredictedFollowUp,
  Ranking,
  Reangled,
  Story,
  StoryInput,
  Tailoring,
  Trailer,
  WhyCompany,
} from "../../src/core/packaging/index.ts";

// The shapes are the server's own (src/core/api-types.ts), so client and server cannot drift apart.
export type { Trailer } from "../../src/core/packaging/index.ts";
export type { Analysis, DocumentSummary, ImportChanges, ImportResult, ImportStatus, ItemVersion, StoredItem };

export interface AnalyzeRequest {
  question?: string;
  role?: RoleId;
  budgetSeconds?: number;
  followUp?: boolean;
  /** Sentences whose STAR part is known (a composed draft's): they keep it in the lens. */
  parts?: ReadonlyArray<{ text: string; part: StarPart }>;
}
export type DocumentDetail = DocumentResponse["document"];
export type StoredOf<K extends PrepItemKind> = Extract<PrepItem, { kind: K }> & {
  id: string;
  documentId: string;
  version: number;
  updatedAt: string;
};

/** A story as the bank holds it (GET /api/stories): the core's `Story` plus provenance and version. */
export type StoredStory = Story & {
  sourceItemId?: string;
  /** The question of the answer it was drawn from (its title says what happened), and that answer's variant. */
  question?: string;
  variant?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export interface StoriesFromDocument {
  documentId: string;
  created: StoredStory[];
  existing: { itemId: string; key: string; storyId: string }[];
  skipped: {
    itemId: string;
    key: string;
    question: string;
    questionNumber?: string;
    variant: string;
    reason: string;
  }[];
}

export interface ComposeRequest {
  storyId: string;
  question: string;
  role?: RoleId;
  budgetSeconds?: number;
  /** The whole story where even its shortest telling overruns the budget (the draft's wholeSeconds). */
  whole?: boolean;
}

export type ReangleResult = Reangled & {
  itemId?: string;
  question?: string;
  /** The document's own variant of the question that already fits the role better. */
  betterVariant?: { itemId: string; variant: string; coreShare: number; reangledCoreShare: number };
};

export type LinkedFollowUp = PredictedFollowUp & {
  preparedItemId?: string;
  preparedAnswer?: string;
  /** The question the linked item answers. */
  preparedQuestion?: string;
  /** A prepared follow-up, or the answer to another question. */
  preparedKind?: "follow-up" | "answer";
  /** The document that holds it (possibly another of the user's documents). */
  preparedDocumentId?: string;
};
export type LinkedConcern = DetectedConcern & { userConcernItemId?: string };
export interface FollowUpPrediction {
  itemId?: string;
  question?: string;
  followUps: LinkedFollowUp[];
  concerns: LinkedConcern[];
  /** Set when the sample document's answers were left out of the links. */
  sampleLeftOut?: string;
}

export interface TailorResult {
  /** The saved tailoring's id. */
  id?: string;
  posting: string;
  tailoring: Tailoring;
  whyCompany: WhyCompany;
  savedAt?: string;
}

/** A saved tailoring in the list. */
export interface TailoringSummary {
  id: string;
  company?: string;
  title?: string;
  requirements: number;
  covered: number;
  createdAt: string;
  updatedAt: string;
}

export type { CoverageMatrix, Draft, Ranking, StoryInput };

export interface Health {
  ok: true;
  version: string;
  storage: "pglite" | "postgres";
}

export interface Sample {
  filename: string;
  text: string;
  /** The role the sample is pitched for, as the sample names it ("Data/ML Engineer"). */
  targetRole?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
  }
}

/** Turns anything thrown by the client into `{ code, message }` for display. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: "CLIENT", message: error.message };
  return { code: "CLIENT", message: String(error) };
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const inner = (value as { error: unknown }).error;
  return (
    typeof inner === "object" &&
    inner !== null &&
    typeof (inner as { code?: unknown }).code === "string" &&
    typeof (inner as { message?: unknown }).message === "string"
  );
}

/** The server's CSRF header (src/server/guard.ts): every write from the page carries it. */
const CSRF_HEADER = "X-Derisk-CSRF";
let sessionToken: Promise<string> | undefined;

/** The session's CSRF token, fetched once per page load (again when `stale` is the cached one). */
async function csrfToken(stale?: string): Promise<string> {
  if (sessionToken === undefined || (stale !== undefined && (await sessionToken) === stale)) {
    const pending = request("/api/session").then(async (response) => {
      const body = (await response.json()) as { csrfToken: string };
      return body.csrfToken;
    });
    sessionToken = pending;
    // A failed fetch is not cached: the next write asks again.
    pending.catch(() => {
      if (sessionToken === pending) sessionToken = undefined;
    });
  }
  return sessionToken;
}

function withToken(init: RequestInit, token: string): RequestInit {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, token);
  return { ...init, headers };
}

/**
 * Every write (POST, PUT, DELETE) carries the session's CSRF token; one refused because the
 * server restarted since the token was fetched is retried once with the new token (a refusal
 * means nothing was written).
 */
async function send(path: string, init?: RequestInit): Promise<Response> {
  const method = (init?.method ?? "GET").toUpperCase();
  if (init === undefined || method === "GET" || method === "HEAD") return request(path, init);
  const token = await csrfToken();
  try {
    return await request(path, withToken(init, token));
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "FORBIDDEN")) throw error;
    const fresh = await csrfToken(token);
    if (fresh === token) throw error;
    return request(path, withToken(init, fresh));
  }
}

async function request(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    // A request the caller cancelled is not a failure to report.
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    // Otherwise fetch rejects only when no response arrived at all: server stopped, offline,
    // blocked. The browser's own words ("Failed to fetch") say nothing a user can act on.
    throw new ApiError(
      "NETWORK",
      "Can't reach the derisk server. Check that it is still running (the terminal where you ran npm start or derisk serve), then retry.",
      0,
    );
  }
  if (response.ok) return response;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) throw new ApiError(body.error.code, body.error.message, response.status);
  throw new ApiError(
    `HTTP_${response.status}`,
    `The server answered ${response.status} ${response.statusText || "without a message"}.`,
    response.status,
  );
}

/** A JSON response of the API (used by the clients of one area, e.g. practice-api.ts). */
export async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  return (await response.json()) as T;
}

export function jsonBody(method: string, body: unknown): RequestInit {
  return { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

export const api = {
  health: (): Promise<Health> => json<Health>("/api/health"),

  listDocuments: async (): Promise<DocumentSummary[]> =>
    (await json<{ documents: DocumentSummary[] }>("/api/documents")).documents,

  getDocument: (id: string): Promise<DocumentResponse> => json(`/api/documents/${encodeURIComponent(id)}`),

  renameDocument: async (id: string, title: string, expectedVersion: number): Promise<DocumentSummary> =>
    (
      await json<{ document: DocumentSummary }>(
        `/api/documents/${encodeURIComponent(id)}`,
        jsonBody("PATCH", { title, expectedVersion }),
      )
    ).document,

  deleteDocument: async (id: string): Promise<void> => {
    await send(`/api/documents/${encodeURIComponent(id)}`, { method: "DELETE" });
  },

  sample: (): Promise<Sample> => json<Sample>("/api/sample"),
  /** Imports the sample, marked as the sample (never the user's evidence beside their own documents). */
  importSample: (): Promise<ImportResult> => json<ImportResult>("/api/sample", jsonBody("POST", {})),

  /** With `dryRun`, the server says what the import would change and saves nothing. */
  importText: (text: string, filename?: string, dryRun = false): Promise<ImportResult> =>
    json<ImportResult>(
      "/api/import",
      jsonBody("POST", {
        text,
        ...(filename === undefined ? {} : { filename }),
        ...(dryRun ? { dryRun } : {}),
      }),
    ),

  /** Sends the file's raw bytes: the server detects the encoding (UTF-16, mojibake…), not the browser. */
  importFile: async (file: Blob, filename: string, dryRun = false): Promise<ImportResult> =>
    json<ImportResult>(`/api/import?filename=${encodeURIComponent(filename)}${dryRun ? "&dryRun=1" : ""}`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: await file.arrayBuffer(),
    }),

  getItem: async (id: string): Promise<StoredItem> =>
    (await json<{ item: StoredItem }>(`/api/items/${encodeURIComponent(id)}`)).item,

  saveItem: async (id: string, text: string, expectedVersion: number): Promise<StoredItem> =>
    (
      await json<{ item: StoredItem }>(
        `/api/items/${encodeURIComponent(id)}`,
        jsonBody("PUT", { text, expectedVersion }),
      )
    ).item,

  /** The risk lens of one answer text (deterministic, computed by the local server). */
  analyze: (text: string, request: AnalyzeRequest, signal?: AbortSignal): Promise<Analysis> =>
    json<Analysis>("/api/analyze", {
      ...jsonBody("POST", { text, ...request }),
      ...(signal ? { signal } : {}),
    }),

  /** Ticks (done) or unticks one entry (from 0) of a to-do list: a new version of the item. */
  tickTodo: async (id: string, entry: number, done: boolean, expectedVersion: number): Promise<StoredItem> =>
    (
      await json<{ item: StoredItem }>(
        `/api/items/${encodeURIComponent(id)}/todo`,
        jsonBody("PUT", { entry, done, expectedVersion }),
      )
    ).item,

  /** Every text an item has had, newest first, with its date and source. */
  itemHistory: async (id: string): Promise<ItemVersion[]> =>
    (await json<{ versions: ItemVersion[] }>(`/api/items/${encodeURIComponent(id)}/history`)).versions,

  /** Makes an earlier text current again, as a new version (the replaced text stays in the history). */
  restoreVersion: async (id: string, versionId: string, expectedVersion: number): Promise<StoredItem> =>
    (
      await json<{ item: StoredItem }>(
        `/api/items/${encodeURIComponent(id)}/history/${encodeURIComponent(versionId)}/restore`,
        jsonBody("POST", { expectedVersion }),
      )
    ).item,

  /** Saves a text as a new variant of a question in its document ("Alternative Answers" block). */
  /** Writes the answer to a new question into a document (a numbered question of its own). */
  addAnswer: async (documentId: string, input: { question: string; text: string }): Promise<StoredItem> =>
    (
      await json<{ item: StoredItem }>(
        `/api/documents/${encodeURIComponent(documentId)}/questions`,
        jsonBody("POST", input),
      )
    ).item,

  saveVariant: async (
    documentId: string,
    input: {
      questionKey: string;
      variant: string;
      text: string;
      source?: "typed" | "composed" | "re-angled";
    },
  ): Promise<StoredItem> =>
    (
      await json<{ item: StoredItem }>(
        `/api/documents/${encodeURIComponent(documentId)}/answers`,
        jsonBody("POST", input),
      )
    ).item,

  listStories: async (): Promise<StoredStory[]> =>
    (await json<{ stories: StoredStory[] }>("/api/stories")).stories,

  getStory: async (id: string): Promise<StoredStory> =>
    (await json<{ story: StoredStory }>(`/api/stories/${encodeURIComponent(id)}`)).story,

  createStory: async (input: StoryInput): Promise<StoredStory> =>
    (await json<{ story: StoredStory }>("/api/stories", jsonBody("POST", input))).story,

  updateStory: async (id: string, input: StoryInput, expectedVersion: number): Promise<StoredStory> =>
    (
      await json<{ story: StoredStory }>(
        `/api/stories/${encodeURIComponent(id)}`,
        jsonBody("PUT", { ...input, expectedVersion }),
      )
    ).story,

  deleteStory: async (id: string): Promise<void> => {
    await send(`/api/stories/${encodeURIComponent(id)}`, { method: "DELETE" });
  },

  /** Turns one stored answer or accomplishment into a story; one already turned returns its story. */
  storyFromAnswer: (itemId: string): Promise<{ story: StoredStory; created: boolean }> =>
    json(`/api/items/${encodeURIComponent(itemId)}/story`, jsonBody("POST", {})),

  storiesFromDocument: (documentId: string): Promise<StoriesFromDocument> =>
    json(`/api/documents/${encodeURIComponent(documentId)}/stories`, jsonBody("POST", {})),

  compose: (request: ComposeRequest): Promise<Draft> => json("/api/compose", jsonBody("POST", request)),

  reangle: (itemId: string, toRole: RoleId, fromRole?: RoleId): Promise<ReangleResult> =>
    json(
      "/api/reangle",
      jsonBody("POST", fromRole === undefined ? { itemId, toRole } : { itemId, toRole, fromRole }),
    ),

  /** Before re-angling: the document's own variant that already fits the role better, or null. */
  betterVariant: async (
    itemId: string,
    toRole: RoleId,
    fromRole?: RoleId,
  ): Promise<ReangleResult["betterVariant"] | null> =>
    (
      await json<{ betterVariant: ReangleResult["betterVariant"] | null }>(
        "/api/reangle/better-variant",
        jsonBody("POST", fromRole === undefined ? { itemId, toRole } : { itemId, toRole, fromRole }),
      )
    ).betterVariant,

  followUps: (itemId: string, role?: RoleId): Promise<FollowUpPrediction> =>
    json("/api/followups", jsonBody("POST", role === undefined ? { itemId } : { itemId, role })),

  /** "Prepare this": saves the user's answer to a follow-up under the stored answer's question. */
  prepareFollowUp: async (itemId: string, question: string, answer: string): Promise<StoredItem> =>
    (
      await json<{ item: StoredItem }>(
        `/api/items/${encodeURIComponent(itemId)}/follow-ups`,
        jsonBody("POST", { question, answer }),
      )
    ).item,

  match: (question: string, role?: RoleId): Promise<Ranking & { sampleLeftOut?: string }> =>
    json("/api/match", jsonBody("POST", role === undefined ? { question } : { question, role })),

  coverage: (): Promise<CoverageMatrix & { sampleLeftOut?: string }> => json("/api/coverage"),

  tailor: (text: string, names: { company?: string; title?: string } = {}): Promise<TailorResult> =>
    json("/api/tailor", jsonBody("POST", { text, ...names })),

  tailorings: (): Promise<{ tailorings: TailoringSummary[] }> => json("/api/tailorings"),

  tailoring: (id: string): Promise<TailorResult> => json(`/api/tailorings/${encodeURIComponent(id)}`),

  deleteTailoring: async (id: string): Promise<void> => {
    await send(`/api/tailorings/${encodeURIComponent(id)}`, { method: "DELETE" });
  },

  trailer: (seconds: 60 | 90 | 120 | 150): Promise<BankTrailer> => json(`/api/trailer?seconds=${seconds}`),

  exportUrl: (documentId: string, format: ExportFormat): string =>
    `/api/export?documentId=${encodeURIComponent(documentId)}&format=${format}`,

  /** Fetches an export as a blob, with the file name the server proposes. */
  exportFile: async (documentId: string, format: ExportFormat): Promise<{ blob: Blob; filename: string }> => {
    const response = await send(api.exportUrl(documentId, format));
    return downloaded(response, `derisk-export.${format === "md" ? "md" : "json"}`);
  },
};

export type ExportFormat = "md" | "json";

/** The progress figures (src/core/progress/figures.ts), dates as ISO strings. */
export type { ProgressFigures } from "../../src/core/progress/index.ts";

export const progressApi = {
  /** Days and streaks are counted in the browser's time zone. */
  get: (): Promise<import("../../src/core/progress/index.ts").ProgressFigures> =>
    json(`/api/progress?tz=${new Date().getTimezoneOffset()}`),
};

/** A journal entry as the server sends it (src/store/repos/journal.ts). */
export interface JournalEntry {
  id: string;
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
  storyId?: string;
  sourceItemId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface JournalReframe {
  kind: "solved" | "learned" | "shows";
  text: string;
  quote: string;
  from: "entry" | "story";
  shows?: string;
}

export interface JournalDetail {
  entry: JournalEntry;
  story?: { id: string; title: string };
  reframes: JournalReframe[];
}

/** One text a journal entry has had (src/app/journal.ts JournalVersion). */
export interface JournalVersion {
  id: string;
  entryId: string;
  version: number;
  source: "imported" | "typed" | "restored" | "earlier";
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
  storyId?: string;
  createdAt: string;
  current: boolean;
  /** When a bank restore brought this text in without applying it; null otherwise. */
  fromBackupAt: string | null;
}

export const journalApi = {
  list: async (): Promise<JournalEntry[]> =>
    (await json<{ entries: JournalEntry[] }>("/api/journal")).entries,
  get: (id: string): Promise<JournalDetail> => json(`/api/journal/${encodeURIComponent(id)}`),
  add: async (input: {
    title?: string;
    happened?: string;
    felt?: string;
    storyId?: string;
  }): Promise<JournalEntry> =>
    (await json<{ entry: JournalEntry }>("/api/journal", jsonBody("POST", input))).entry,
  update: async (
    id: string,
    patch: { title?: string; takeaway?: string; storyId?: string | null; expectedVersion?: number },
  ): Promise<JournalEntry> =>
    (await json<{ entry: JournalEntry }>(`/api/journal/${encodeURIComponent(id)}`, jsonBody("PATCH", patch)))
      .entry,
  remove: async (id: string): Promise<void> => {
    await send(`/api/journal/${encodeURIComponent(id)}`, { method: "DELETE" });
  },
  /** Every text the entry has had, newest first; a deleted entry's too. */
  history: async (id: string): Promise<JournalVersion[]> =>
    (await json<{ versions: JournalVersion[] }>(`/api/journal/${encodeURIComponent(id)}/history`)).versions,
  /** Makes an earlier text the entry's text again (a deleted entry comes back). */
  restore: async (id: string, versionId: string, expectedVersion?: number): Promise<JournalEntry> =>
    (
      await json<{ entry: JournalEntry }>(
        `/api/journal/${encodeURIComponent(id)}/history/${encodeURIComponent(versionId)}/restore`,
        jsonBody("POST", expectedVersion === undefined ? {} : { expectedVersion }),
      )
    ).entry,
};

/** The prep sheet's formats (src/app/prep-sheet.ts SHEET_FORMATS). */
export type SheetFormat = "sheet-md" | "html" | "pdf" | "anki";

/** What a prep sheet covers and how it is laid out: the whole bank unless narrowed. */
export interface SheetRequest {
  documentId?: string;
  competency?: string;
  /** A saved tailoring: only the answers that evidence its job posting. */
  tailoringId?: string;
  layout?: "sheet" | "cards";
}

function sheetQuery(format: SheetFormat, request: SheetRequest): string {
  const query = new URLSearchParams({ format });
  if (request.documentId !== undefined) query.set("documentId", request.documentId);
  if (request.competency !== undefined) query.set("competency", request.competency);
  if (request.tailoringId !== undefined) query.set("tailoringId", request.tailoringId);
  if (request.layout === "cards") query.set("layout", "cards");
  return query.toString();
}

async function downloaded(response: Response, fallback: string): Promise<{ blob: Blob; filename: string }> {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const filename = match?.[1] ? decodeURIComponent(match[1]) : fallback;
  return { blob: await response.blob(), filename };
}

export const sheetApi = {
  /** The sheet formats this server can produce (PDF only where the bundled Chromium is installed). */
  formats: async (): Promise<SheetFormat[]> =>
    (await json<{ formats: SheetFormat[] }>("/api/export/formats")).formats,

  /** Fetches a prep sheet as a blob, with the file name the server proposes. */
  download: async (format: SheetFormat, request: SheetRequest): Promise<{ blob: Blob; filename: string }> =>
    downloaded(await send(`/api/export?${sheetQuery(format, request)}`), `prep-sheet.${format}`),

  /** The address of the HTML sheet shown in a tab for printing. */
  printUrl: (request: SheetRequest): string => `/api/export?${sheetQuery("html", request)}&print=1`,
};
