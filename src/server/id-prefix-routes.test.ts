import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { ImportResult, StoredItem } from "../core/api-types.ts";
import { BOARD_POSTING } from "../core/packaging/fixtures/postings.ts";
import { storiesWithIds } from "../store/test-bank.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store (PGlite and PostgreSQL), called in-process: every route
// that takes an id in its path takes the 8 characters the CLI and the web app show.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");

const send = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const short = (id: string) => id.slice(0, 8);

describeStores("ids by their first 8 characters in the API", (getStore) => {
  const appFor = (userId: string) =>
    createApp({ store: getStore(), userId, version: "test", storage: "pglite" });
  async function call<T>(path: string, init?: RequestInit, userId = "a") {
    const res = await appFor(userId).request(path, init);
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  }

  it("every route that takes an id in its path finds the row by its first 8 characters", {
    timeout: 180_000,
  }, async () => {
    const imported = await call<ImportResult>(
      "/api/import",
      send("POST", { text: sample, filename: "prep.md" }),
    );
    const documentId = imported.body.documentId ?? "";
    const doc = await call<{ items: StoredItem[] }>(`/api/documents/${short(documentId)}`);
    expect(doc.status).toBe(200);
    const answer = doc.body.items.find((i) => i.kind === "answer" && i.key === "q3/core");
    if (answer === undefined) throw new Error("the sample has an answer q3");

    // Documents: read, rename, and the writes under a document.
    expect(
      (
        await call<{ document: { title: string } }>(
          `/api/documents/${short(documentId)}`,
          send("PATCH", { title: "Renamed" }),
        )
      ).body.document.title,
    ).toBe("Renamed");
    expect((await call(`/api/documents/${short(documentId)}/stories`, send("POST"))).status).toBe(200);

    // Items (answers): read, edit, history, restore, analyse, a story, a prepared follow-up.
    const item = await call<{ item: StoredItem }>(`/api/items/${short(answer.id)}`);
    expect(item.body.item.id).toBe(answer.id);
    const edited = await call<{ item: StoredItem }>(
      `/api/items/${short(answer.id)}`,
      send("PUT", { text: "I led the migration and cut p95 latency by 40%." }),
    );
    expect(edited.status).toBe(200);
    const history = await call<{ versions: Array<{ id: string }> }>(`/api/items/${short(answer.id)}/history`);
    expect(history.status).toBe(200);
    const version = history.body.versions.at(-1)?.id ?? "";
    expect(
      (await call(`/api/items/${short(answer.id)}/history/${short(version)}/restore`, send("POST"))).status,
    ).toBe(200);
    expect((await call(`/api/items/${short(answer.id)}/analyze`, send("POST", {}))).status).toBe(200);
    const story = await call<{ story: { id: string } }>(`/api/items/${short(answer.id)}/story`, send("POST"));
    expect([200, 201]).toContain(story.status);
    expect((await call(`/api/practice/history/${short(answer.id)}`)).status).toBe(200);

    // Stories: read, edit, delete.
    const storyId = story.body.story.id;
    expect((await call<{ story: { id: string } }>(`/api/stories/${short(storyId)}`)).body.story.id).toBe(
      storyId,
    );
    expect(
      (await call(`/api/stories/${short(storyId)}`, send("PUT", { title: "Fixed the migration" }))).status,
    ).toBe(200);

    // Journal: read, edit, history, restore, delete.
    const entry = await call<{ entry: { id: string } }>(
      "/api/journal",
      send("POST", { title: "Mock with a friend", happened: "I froze on the system design question." }),
    );
    const entryId = entry.body.entry.id;
    expect((await call(`/api/journal/${short(entryId)}`)).status).toBe(200);
    expect((await call(`/api/journal/${short(entryId)}`, send("PATCH", { felt: "Rushed." }))).status).toBe(
      200,
    );
    const versions = await call<{ versions: Array<{ id: string }> }>(
      `/api/journal/${short(entryId)}/history`,
    );
    const entryVersion = versions.body.versions.at(-1)?.id ?? "";
    expect(
      (await call(`/api/journal/${short(entryId)}/history/${short(entryVersion)}/restore`, send("POST")))
        .status,
    ).toBe(200);

    // Tailorings: read, delete.
    const tailored = await call<{ id: string }>("/api/tailor", send("POST", { text: BOARD_POSTING }));
    expect((await call<{ id: string }>(`/api/tailorings/${short(tailored.body.id)}`)).body.id).toBe(
      tailored.body.id,
    );

    // Practice sessions: read, report.
    const started = await call<{ session: { id: string } }>(
      "/api/practice/sessions",
      send("POST", { from: { kind: "items", ids: [answer.id] } }),
    );
    const sessionId = started.body.session.id;
    expect(
      (await call<{ session: { id: string } }>(`/api/practice/sessions/${short(sessionId)}`)).body.session.id,
    ).toBe(sessionId);
    expect((await call(`/api/practice/sessions/${short(sessionId)}/end`, send("POST", {}))).status).toBe(200);

    // Deletes last, by the short id too.
    expect((await call(`/api/tailorings/${short(tailored.body.id)}`, send("DELETE"))).status).toBe(204);
    expect((await call(`/api/stories/${short(storyId)}`, send("DELETE"))).status).toBe(204);
    expect((await call(`/api/journal/${short(entryId)}`, send("DELETE"))).status).toBe(204);
    expect((await call(`/api/documents/${short(documentId)}`, send("DELETE"))).status).toBe(204);
    expect((await call(`/api/documents/${short(documentId)}`)).status).toBe(404);
  });

  it("an ambiguous start is a 400 that says how many rows share it and to type more; an unknown or too short one stays 404", async () => {
    const store = getStore();
    await storiesWithIds(store, "a", [
      { id: "abcd0000-0000-4000-8000-000000000001", title: "Led the migration" },
      { id: "abcd0000-1111-4000-8000-000000000002", title: "Fixed the outage" },
    ]);
    await storiesWithIds(store, "b", [
      { id: "abcd0a0a-0000-4000-8000-000000000004", title: "B's own story" },
    ]);

    const ambiguous = await call<{ error: { code: string; message: string } }>("/api/stories/abcd0000");
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.code).toBe("BAD_INPUT");
    expect(ambiguous.body.error.message).toMatch(/^"abcd0000" starts the ids of 2 stories:/);
    expect(ambiguous.body.error.message).toMatch(/Type more of the id to pick one/);
    expect(ambiguous.body.error.message).not.toMatch(/at Error|\.ts:\d/);
    // One more character picks one.
    expect((await call<{ story: { title: string } }>("/api/stories/abcd0000-1")).body.story.title).toBe(
      "Fixed the outage",
    );
    // Unknown: 404 as before; shorter than 8 characters: not read as a start; another user's: not seen.
    expect((await call("/api/stories/ffff0000")).status).toBe(404);
    expect((await call("/api/stories/abcd000")).status).toBe(404);
    expect((await call("/api/stories/abcd0a0a")).status).toBe(404);
    expect(
      (await call<{ story: { title: string } }>("/api/stories/abcd0a0a", undefined, "b")).body.story.title,
    ).toBe("B's own story");
    // The id of another kind is no story: 404, not a hint that says what it is.
    expect((await call("/api/documents/abcd0000-0000")).status).toBe(404);
  });
});
