import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The reflection journal over HTTP: the real Hono app over a real store (PGlite and PostgreSQL).
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

interface Entry {
  id: string;
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
  storyId?: string;
  version: number;
}

describeStores("journal API", (getStore) => {
  const appFor = (userId: string) =>
    createApp({ store: getStore(), userId, version: "test", storage: "pglite" });

  async function importSample(userId: string): Promise<void> {
    const res = await appFor(userId).request("/api/import?filename=sample-prep.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: sample,
    });
    expect(res.status).toBe(200);
  }

  it("starts the journal with the sample's reflection, once, and offers reframes from it and its story", async () => {
    const app = appFor("a");
    expect(((await (await app.request("/api/journal")).json()) as { entries: Entry[] }).entries).toEqual([]);
    await importSample("a");
    await importSample("a"); // a re-import adds nothing twice
    const { entries } = (await (await app.request("/api/journal")).json()) as { entries: Entry[] };
    expect(entries).toHaveLength(1);
    const first = entries[0] as Entry;
    expect(first).toMatchObject({
      title: "Note to self, read before the onsite.",
      takeaway: "I already did the hard version of this job; now I get to do it with a team.",
    });
    expect(first.felt).toMatch(/wasted years/);

    const detail = (await (await app.request(`/api/journal/${first.id}`)).json()) as {
      reframes: { kind: string; quote: string; from: string }[];
    };
    expect(detail.reframes.map((r) => r.kind)).toEqual(
      expect.arrayContaining(["solved", "learned", "shows"]),
    );
    for (const r of detail.reframes) expect(`${first.happened}\n${first.felt}`).toContain(r.quote);

    // Link a story: its result and lesson join the reframes, marked as the story's.
    const story = await app.request(
      "/api/stories",
      send("POST", {
        title: "The TLS outage",
        result: "Secure access came back the same afternoon.",
        lesson: "Now I always check TLS settings in the release checklist.",
      }),
    );
    const storyId = ((await story.json()) as { story: { id: string } }).story.id;
    const linked = await app.request(
      `/api/journal/${first.id}`,
      send("PATCH", { storyId, takeaway: "I arrive with receipts.", expectedVersion: first.version }),
    );
    expect(linked.status).toBe(200);
    const withStory = (await (await app.request(`/api/journal/${first.id}`)).json()) as {
      entry: Entry;
      story: { title: string };
      reframes: { quote: string; from: string }[];
    };
    expect(withStory.entry.takeaway).toBe("I arrive with receipts.");
    expect(withStory.story.title).toBe("The TLS outage");
    expect(withStory.reframes).toContainEqual(
      expect.objectContaining({ quote: "Secure access came back the same afternoon.", from: "story" }),
    );

    const added = await app.request("/api/journal", send("POST", { felt: "Tired, but the demo ran." }));
    expect(added.status).toBe(201);
    expect(((await added.json()) as { entry: Entry }).entry.title).toBe("Tired, but the demo ran.");
    const all = (await (await app.request("/api/journal")).json()) as { entries: Entry[] };
    // Newest first: the entry just added, then the one the import drew.
    expect(all.entries.map((e) => e.title)).toEqual([
      "Tired, but the demo ran.",
      "Note to self, read before the onsite.",
    ]);
  });

  it("refuses bad journal requests with a 4xx and a message", async () => {
    const app = appFor("a");
    const created = await app.request("/api/journal", send("POST", { happened: "The deploy failed twice." }));
    const entry = ((await created.json()) as { entry: Entry }).entry;
    const cases: Array<[string, RequestInit, number, RegExp]> = [
      ["/api/journal", send("POST", {}), 400, /empty/],
      ["/api/journal", send("POST", { happened: "x".repeat(20_001) }), 413, /20,000/],
      ["/api/journal", send("POST", { happened: 42 }), 400, /happened/],
      // An oversized title alone is named (before: "The entry is empty").
      ["/api/journal", send("POST", { title: "t".repeat(201) }), 413, /title is over 200/],
      [`/api/journal/${entry.id}`, send("PATCH", { takeaway: "one\ntwo" }), 400, /one line/],
      [`/api/journal/${entry.id}`, send("PATCH", { title: "  " }), 400, /title/],
      [`/api/journal/${entry.id}`, send("PATCH", { storyId: "nope" }), 404, /story/],
      [
        `/api/journal/${entry.id}`,
        send("PATCH", { felt: "ok", expectedVersion: 9 }),
        409,
        /changed elsewhere/,
      ],
      ["/api/journal/missing", { method: "GET" }, 404, /journal entry/],
    ];
    for (const [path, init, status, message] of cases) {
      const res = await app.request(path, init);
      const body = (await res.json()) as { error?: { message: string } };
      expect({ path, status: res.status, message: body.error?.message }).toEqual({
        path,
        status,
        message: expect.stringMatching(message),
      });
    }
  });

  it("isolates users: B cannot list, read, edit, link or delete A's entries", async () => {
    const a = appFor("a");
    await importSample("a");
    const { entries } = (await (await a.request("/api/journal")).json()) as { entries: Entry[] };
    const entry = entries[0] as Entry;
    const b = appFor("b");
    const story = await b.request(
      "/api/stories",
      send("POST", { title: "B's story", result: "B shipped it." }),
    );
    const bStory = ((await story.json()) as { story: { id: string } }).story.id;
    const attempts: Array<[string, RequestInit | undefined]> = [
      [`/api/journal/${entry.id}`, undefined],
      [`/api/journal/${entry.id}`, send("PATCH", { takeaway: "mine now" })],
      [`/api/journal/${entry.id}`, send("PATCH", { storyId: bStory })],
      [`/api/journal/${entry.id}`, { method: "DELETE" }],
    ];
    for (const [path, init] of attempts) {
      const res = await b.request(path, init);
      expect({ path, method: init?.method ?? "GET", status: res.status }).toEqual({
        path,
        method: init?.method ?? "GET",
        status: 404,
      });
    }
    expect(((await (await b.request("/api/journal")).json()) as { entries: Entry[] }).entries).toEqual([]);
    // B cannot point its own entry at A's story either.
    const aStory = await a.request(
      "/api/stories",
      send("POST", { title: "A's story", result: "A fixed it." }),
    );
    const aStoryId = ((await aStory.json()) as { story: { id: string } }).story.id;
    const bEntry = await b.request("/api/journal", send("POST", { felt: "Fine.", storyId: aStoryId }));
    expect(bEntry.status).toBe(404);
    const still = (await (await a.request(`/api/journal/${entry.id}`)).json()) as { entry: Entry };
    expect(still.entry.takeaway).toBe(
      "I already did the hard version of this job; now I get to do it with a team.",
    );
  });

  it("keeps every text of an entry: history lists them, restore brings one back (a deleted entry too)", async () => {
    await getStore().users.ensureUser("h");
    const app = appFor("h");
    const created = await app.request("/api/journal", send("POST", { title: "Raw", felt: "Stung." }));
    const { entry } = (await created.json()) as { entry: Entry };
    await app.request(`/api/journal/${entry.id}`, send("PATCH", { felt: "Calmer now.", expectedVersion: 1 }));
    const history = async () =>
      (
        (await (await app.request(`/api/journal/${entry.id}/history`)).json()) as {
          versions: { id: string; version: number; felt: string; current: boolean; source: string }[];
        }
      ).versions;
    const versions = await history();
    expect(versions.map((v) => [v.version, v.felt, v.current])).toEqual([
      [2, "Calmer now.", true],
      [1, "Stung.", false],
    ]);
    const first = versions[1]?.id ?? "";
    const stale = await app.request(
      `/api/journal/${entry.id}/history/${first}/restore`,
      send("POST", { expectedVersion: 1 }),
    );
    expect(stale.status).toBe(409);
    const restored = await app.request(
      `/api/journal/${entry.id}/history/${first}/restore`,
      send("POST", { expectedVersion: 2 }),
    );
    expect(((await restored.json()) as { entry: Entry }).entry).toMatchObject({ felt: "Stung.", version: 3 });

    expect((await app.request(`/api/journal/${entry.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await history()).map((v) => [v.version, v.current])).toEqual([
      [3, false],
      [2, false],
      [1, false],
    ]);
    const back = await app.request(
      `/api/journal/${entry.id}/history/${versions[0]?.id}/restore`,
      send("POST", {}),
    );
    expect(((await back.json()) as { entry: Entry }).entry).toMatchObject({
      felt: "Calmer now.",
      version: 4,
    });
    // The version number the history lists restores too; one it does not list is a 400 that says which it does.
    const byNumber = await app.request(`/api/journal/${entry.id}/history/1/restore`, send("POST", {}));
    expect(((await byNumber.json()) as { entry: Entry }).entry).toMatchObject({ felt: "Stung.", version: 5 });
    const noSuch = await app.request(`/api/journal/${entry.id}/history/7/restore`, send("POST", {}));
    expect(noSuch.status).toBe(400);
    expect(((await noSuch.json()) as { error: { message: string } }).error.message).toBe(
      'No version 7 in the history of the journal entry "Raw": its earlier versions are 1–4. Restore one from the entry\'s History.',
    );
    expect((await appFor("other").request(`/api/journal/${entry.id}/history`)).status).toBe(404);
  });
});
