import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { createApp } from "./app.ts";
import { UPLOAD_ROUTES } from "./guard.ts";
import { type Route, routesOf } from "./test-routes.ts";

/*
 * Tenant isolation, tried on every route the app lists (`app.routes`), so a route added later
 * is covered without editing this file. Alice has a full bank (a document, an edited answer, a
 * story, a journal entry, a practice session with an attempt and a recording, a tailoring);
 * Bob, on the same database, sends every route Alice's real ids: in the path, in the query and
 * in the body wherever a route takes an id. Each request naming one of Alice's ids must be
 * refused with 404, none may answer with Alice's ids or words, Alice's rows must stay exactly
 * as they were, and none of Bob's rows may point at Alice's. The real app over a real
 * (in-memory) PGlite.
 */

const ALICE = "alice";
const BOB = "bob";
/** Words only Alice's bank holds: any answer to Bob that carries them leaks her bank. */
const MARK = "Quillfeather";
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const DELIVERY = {
  recordedMs: 60_000,
  answerMs: 58_000,
  speakingMs: 50_000,
  firstWordMs: 900,
  pauses: 1,
  longestPauseMs: 2_000,
  pauseMinMs: 1_500,
};
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0, 255]);

let pglite: PGlite;
let store: Store;
let alice: ReturnType<typeof createApp>;
let bob: ReturnType<typeof createApp>;
/** Alice's real ids, by the route parameter (or path segment before `:id`) that takes them. */
const ids: Record<string, string> = {};
/** Ids of Alice's that are not in `ids` (versions of her journal entry), for the leak check. */
const otherIds: string[] = [];

/** The path with each `:param` replaced by Alice's id of that kind. */
function fill(path: string): string {
  const parts = path.split("/");
  return parts
    .map((part, index) => {
      if (!part.startsWith(":")) return part;
      const name = part.slice(1);
      let kind = name === "id" ? (parts[index - 1] ?? "") : name;
      if (name === "versionId" && parts.includes("journal")) kind = "journalVersionId";
      const id = ids[kind];
      if (id === undefined) throw new Error(`no id of Alice's for ${name} in ${path}`);
      return encodeURIComponent(id);
    })
    .join("/");
}

/** Every row of the user's, in every table, as one comparable string. */
async function rowsOf(userId: string): Promise<string> {
  const tables = await pglite.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY table_name",
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const result = await pglite.query<{ rows: string | null }>(
      `SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS rows FROM "${name}" t WHERE user_id = $1`,
      [userId],
    );
    parts.push(`${name}:${result.rows[0]?.rows ?? ""}`);
  }
  return parts.join("\n\n");
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

async function seed<T>(app: ReturnType<typeof createApp>, path: string, init?: RequestInit): Promise<T> {
  const res = await app.request(path, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`seeding ${init?.method ?? "GET"} ${path} → ${res.status} ${text}`);
  return (text === "" ? {} : JSON.parse(text)) as T;
}

/** What Bob sends a write: every field a route may read, each id one of Alice's. */
function bodyFor(route: Route): RequestInit {
  const upload = UPLOAD_ROUTES[`${route.method} ${route.path}`];
  if (upload !== undefined && !upload.json) {
    return {
      method: route.method,
      headers: { "Content-Type": "audio/webm" },
      body: WEBM.buffer as ArrayBuffer,
    };
  }
  const key = `${route.method} ${route.path}`;
  if (key === "PUT /api/stories/:id") return json(route.method, { title: "Bob's story" });
  if (key === "PUT /api/practice/sessions/:id/delivery") {
    return json(route.method, {
      delivery: DELIVERY,
      stepId: ids.stepId,
    });
  }
  if (key === "POST /api/practice/sessions") {
    return json(route.method, { from: { kind: "items", ids: [ids.items] } });
  }
  return json(route.method, {
    text: "Bob wrote this answer about a release he shipped.",
    question: "Tell me about a conflict",
    answer: "Bob's prepared answer.",
    questionKey: ids.questionKey,
    variant: "Bob's variant",
    title: "Bob's title",
    happened: "Bob rushed.",
    entry: 0,
    done: true,
    toRole: "ml-engineer",
    storyId: ids.stories,
    itemId: ids.items,
    stepId: ids.stepId,
    rating: "good",
    competency: "conflict",
    newCardsPerDay: 5,
  });
}

beforeAll(async () => {
  pglite = await PGlite.create();
  store = await openStore({ pglite });
  await store.users.ensureUser(ALICE, { name: "Alice" });
  await store.users.ensureUser(BOB, { name: "Bob" });
  alice = createApp({ store, userId: ALICE, version: "test", storage: "pglite" });
  bob = createApp({ store, userId: BOB, version: "test", storage: "pglite" });

  const imported = await seed<{ documentId: string }>(
    alice,
    "/api/import",
    json("POST", { text: sample, filename: "alice-prep.md" }),
  );
  ids.documents = imported.documentId;
  const document = await seed<{ items: Array<{ id: string; kind: string; key: string }> }>(
    alice,
    `/api/documents/${imported.documentId}`,
  );
  const answer = document.items.find((item) => item.kind === "answer");
  if (answer === undefined) throw new Error("the sample has no answer");
  ids.items = answer.id;
  ids.history = answer.id;
  ids.questionKey = answer.key;
  await seed(
    alice,
    `/api/items/${answer.id}`,
    json("PUT", { text: `I traced the ${MARK} export race and fixed it; failures fell from eight to zero.` }),
  );
  const versions = await seed<{ versions: Array<{ id: string }> }>(alice, `/api/items/${answer.id}/history`);
  ids.versionId = versions.versions.at(0)?.id ?? "";
  ids.stories = (
    await seed<{ story: { id: string } }>(
      alice,
      "/api/stories",
      json("POST", {
        title: `The ${MARK} race`,
        result: "Failures fell to zero.",
        lesson: "Test the data path.",
      }),
    )
  ).story.id;
  ids.journal = (
    await seed<{ entry: { id: string } }>(
      alice,
      "/api/journal",
      json("POST", { title: `${MARK} mock`, happened: `I rushed the ${MARK} answer.` }),
    )
  ).entry.id;
  await seed(alice, `/api/journal/${ids.journal}`, json("PATCH", { felt: `Flat after ${MARK}.` }));
  const journalVersions = await seed<{ versions: Array<{ id: string }> }>(
    alice,
    `/api/journal/${ids.journal}/history`,
  );
  ids.journalVersionId = journalVersions.versions.at(0)?.id ?? "";
  otherIds.push(...journalVersions.versions.map((version) => version.id));
  const session = await seed<{ session: { id: string; current?: { id: string } } }>(
    alice,
    "/api/practice/sessions",
    json("POST", { from: { kind: "items", ids: [answer.id] } }),
  );
  ids.sessions = session.session.id;
  ids.stepId = session.session.current?.id ?? "";
  await seed(
    alice,
    `/api/practice/sessions/${ids.sessions}/delivery`,
    json("PUT", {
      delivery: DELIVERY,
    }),
  );
  const submitted = await seed<{ session: { steps: Array<{ attempt?: { id: string } }> } }>(
    alice,
    `/api/practice/sessions/${ids.sessions}/submit`,
    json("POST", { text: `I fixed the ${MARK} race and failures fell to zero.` }),
  );
  ids.attemptId = submitted.session.steps.find((step) => step.attempt)?.attempt?.id ?? "";
  await seed(alice, `/api/practice/attempts/${ids.attemptId}/recording`, {
    method: "PUT",
    headers: { "Content-Type": "audio/webm" },
    body: WEBM.buffer as ArrayBuffer,
  });
  ids.tailorings = (
    await seed<{ id: string }>(
      alice,
      "/api/tailor",
      json("POST", {
        text: `# ML Engineer\n${MARK} Labs\n\n## Requirements\n- Experience with Spark and data pipelines\n`,
        company: `${MARK} Labs`,
        save: true,
      }),
    )
  ).id;
  for (const [kind, id] of Object.entries(ids)) {
    if (id === "" || id === undefined) throw new Error(`seeding found no id for ${kind}`);
  }

  // Bob's own bank, so his lists are not empty by chance.
  await seed(bob, "/api/journal", json("POST", { title: "Bob's note", happened: "Bob's mock went well." }));
}, 120_000);

afterAll(async () => {
  await store?.close();
});

/**
 * Alice's ids and words that an answer to Bob, or a row of Bob's, must never hold; an id Bob
 * sent himself (in `sent`: the path and body) may be echoed in the message that refuses it.
 */
function leaksIn(text: string, sent = ""): string[] {
  const found = [...Object.entries(ids), ...otherIds.map((id) => ["journal version", id] as const)]
    .filter(([kind, id]) => kind !== "questionKey" && text.includes(id) && !sent.includes(id))
    .map(([kind]) => `Alice's ${kind} id`);
  if (text.includes(MARK)) found.push("Alice's words");
  return found;
}

describe("another user's bank, through every route", () => {
  it("answers 404 to every route given one of Alice's ids, and never shows or changes her bank", async () => {
    const before = await rowsOf(ALICE);
    const failed: string[] = [];
    for (const route of routesOf(bob)) {
      const path = fill(route.path);
      const takesId = path !== route.path;
      const init =
        route.method === "GET" || route.method === "DELETE" ? { method: route.method } : bodyFor(route);
      const res = await bob.request(path, init);
      const text = await res.text();
      const label = `${route.method} ${route.path}`;
      const sent = `${decodeURIComponent(path)} ${typeof init.body === "string" ? init.body : ""}`;
      if (takesId && res.status !== 404) failed.push(`${label} → ${res.status} ${text.slice(0, 160)}`);
      if (!takesId && res.status >= 500) failed.push(`${label} → ${res.status} ${text.slice(0, 160)}`);
      const leaks = leaksIn(text, sent);
      if (leaks.length > 0) failed.push(`${label} answered with ${leaks.join(", ")}`);
      if ((await rowsOf(ALICE)) !== before) failed.push(`${label} changed Alice's bank`);
    }
    const bobRows = await rowsOf(BOB);
    const pointers = leaksIn(bobRows);
    if (pointers.length > 0) failed.push(`Bob's rows hold ${pointers.join(", ")}`);
    expect(failed).toEqual([]);
  });

  it("answers 404 to Alice's ids in a query or a body, on routes whose path takes none", async () => {
    const before = await rowsOf(ALICE);
    const bobsSession = await seed<{ session: { id: string; current?: { id: string } } }>(
      bob,
      "/api/practice/sessions",
      json("POST", { from: { kind: "question", text: "Tell me about a conflict" } }),
    );
    const bobsEntry = (await seed<{ entries: Array<{ id: string }> }>(bob, "/api/journal")).entries.at(0)?.id;
    const tries: Array<[string, RequestInit | undefined]> = [
      [`/api/export?documentId=${ids.documents}&format=md`, undefined],
      [`/api/export?documentId=${ids.documents}&format=json`, undefined],
      [`/api/export?documentId=${ids.documents}&format=anki`, undefined],
      [`/api/export?documentId=${ids.documents}&format=sheet-md`, undefined],
      [`/api/export?documentId=${ids.documents}&format=html&print=1`, undefined],
      [`/api/export?tailoringId=${ids.tailorings}&format=html`, undefined],
      ["/api/compose", json("POST", { storyId: ids.stories, question: "Tell me about a hard bug" })],
      ["/api/reangle", json("POST", { itemId: ids.items, toRole: "ml-engineer" })],
      ["/api/followups", json("POST", { itemId: ids.items })],
      ["/api/practice/sessions", json("POST", { from: { kind: "items", ids: [ids.items] } })],
      ["/api/journal", json("POST", { happened: "Bob rushed.", storyId: ids.stories })],
      [`/api/journal/${bobsEntry}`, json("PATCH", { storyId: ids.stories })],
      [
        `/api/practice/sessions/${bobsSession.session.id}/steps/${ids.stepId}/rating`,
        json("POST", { rating: "good" }),
      ],
      [
        `/api/practice/sessions/${bobsSession.session.id}/submit`,
        json("POST", { text: "x", stepId: ids.stepId }),
      ],
      [
        `/api/practice/sessions/${bobsSession.session.id}/draft`,
        json("PUT", { text: "x", stepId: ids.stepId }),
      ],
      [`/api/practice/sessions/${bobsSession.session.id}/peek`, json("POST", { stepId: ids.stepId })],
      [`/api/practice/sessions/${bobsSession.session.id}/begin`, json("POST", { stepId: ids.stepId })],
    ];
    const failed: string[] = [];
    for (const [path, init] of tries) {
      const res = await bob.request(path, init);
      const text = await res.text();
      const label = `${init?.method ?? "GET"} ${path.replaceAll(/[0-9a-f-]{36}/g, "ID")}`;
      if (res.status !== 404) failed.push(`${label} → ${res.status} ${text.slice(0, 160)}`);
      const leaks = leaksIn(text, `${path} ${typeof init?.body === "string" ? init.body : ""}`);
      if (leaks.length > 0) failed.push(`${label} answered with ${leaks.join(", ")}`);
    }
    expect(await rowsOf(ALICE)).toBe(before);
    const pointers = leaksIn(await rowsOf(BOB));
    if (pointers.length > 0) failed.push(`Bob's rows hold ${pointers.join(", ")}`);
    expect(failed).toEqual([]);
  });
});
