import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { DocumentDetail, ImportResult, ItemVersion, StoredItem } from "../core/api-types.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store: history, restore and the re-import preview over HTTP.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const send = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describeStores("HTTP history and re-import preview", (getStore) => {
  const app = (userId = "a") =>
    createApp({
      store: getStore(),
      userId,
      version: "test",
      storage: "pglite",
      maxBodyBytes: 11 * 1024 * 1024,
    });

  it("previews a re-import with a conflict, keeps the user's text, lists both in the history and restores", async () => {
    const imported = (await (
      await app().request("/api/import", send("POST", { text: sample, filename: "prep.md" }))
    ).json()) as ImportResult;
    const detail = (await (
      await app().request(`/api/documents/${imported.documentId}`)
    ).json()) as DocumentDetail;
    const q2 = detail.items.find((i) => i.key === "q2/core") as StoredItem;
    const edited = await app().request(
      `/api/items/${q2.id}`,
      send("PUT", { text: "Mine, typed in derisk." }),
    );
    expect(edited.status).toBe(200);

    const changedFile = sample.replace("I still love it.", "I still love it, most days.");
    const preview = (await (
      await app().request(
        "/api/import",
        send("POST", { text: changedFile, filename: "prep.md", dryRun: true }),
      )
    ).json()) as ImportResult;
    expect(preview).toMatchObject({ status: "dry-run", wouldBe: "updated" });
    expect(preview.changes?.conflicts.map((c) => c.itemId)).toEqual([q2.id]);
    expect(
      ((await (await app().request(`/api/items/${q2.id}/history`)).json()) as { versions: unknown[] })
        .versions,
    ).toHaveLength(2);

    const done = (await (
      await app().request("/api/import", send("POST", { text: changedFile, filename: "prep.md" }))
    ).json()) as ImportResult;
    expect(done.changes?.conflicts.map((c) => c.key)).toEqual(["q2/core"]);
    const { item: current } = (await (await app().request(`/api/items/${q2.id}`)).json()) as {
      item: StoredItem;
    };
    expect(current.kind === "answer" && current.text).toBe("Mine, typed in derisk.");

    const { versions } = (await (await app().request(`/api/items/${q2.id}/history`)).json()) as {
      versions: ItemVersion[];
    };
    expect(versions.map((v) => [v.source, v.version, v.current])).toEqual([
      ["imported", null, false],
      ["typed", 2, true],
      ["imported", 1, false],
    ]);
    const fromFile = versions[0] as ItemVersion;
    expect(fromFile.text).toMatch(/I still love it, most days\./);

    const stale = await app().request(
      `/api/items/${q2.id}/history/${fromFile.id}/restore`,
      send("POST", { expectedVersion: 1 }),
    );
    expect(stale.status).toBe(409);
    const restored = await app().request(
      `/api/items/${q2.id}/history/${fromFile.id}/restore`,
      send("POST", {}),
    );
    expect(restored.status).toBe(200);
    const { item } = (await restored.json()) as { item: StoredItem };
    expect(item).toMatchObject({ version: 3 });
    expect(item.kind === "answer" && item.text).toMatch(/I still love it, most days\./);

    // The version number the history lists (`version`) restores as the entry's id does.
    const byNumber = await app().request(`/api/items/${q2.id}/history/2/restore`, send("POST", {}));
    expect(byNumber.status).toBe(200);
    const { item: again } = (await byNumber.json()) as { item: StoredItem };
    expect(again.kind === "answer" && [again.version, again.text]).toEqual([4, "Mine, typed in derisk."]);
    const noSuch = await app().request(`/api/items/${q2.id}/history/9/restore`, send("POST", {}));
    expect(noSuch.status).toBe(400);
    expect(((await noSuch.json()) as { error: { message: string } }).error.message).toBe(
      "No version 9 in the history of answer q2/core: its earlier versions are 1–3. Restore one from the answer's History.",
    );

    // Another user sees no such item; a bad body is a 400, not a stack trace.
    expect((await app("b").request(`/api/items/${q2.id}/history`)).status).toBe(404);
    const bad = await app().request(
      `/api/items/${q2.id}/history/${fromFile.id}/restore`,
      send("POST", { expectedVersion: "two" }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/expectedVersion/);
  });

  it("ticks a to-do entry over HTTP, and refuses what cannot be ticked with a 4xx that says why", async () => {
    const text = `${sample}\n- [ ] Rehearse Q1 out loud\n- [x] Update the CV\n`;
    const imported = (await (
      await app().request("/api/import", send("POST", { text, filename: "prep.md" }))
    ).json()) as ImportResult;
    const detail = (await (
      await app().request(`/api/documents/${imported.documentId}`)
    ).json()) as DocumentDetail;
    const todo = detail.items.find((i) => i.kind === "to-do") as StoredItem;
    const answer = detail.items.find((i) => i.kind === "answer") as StoredItem;
    const ticked = await app().request(
      `/api/items/${todo.id}/todo`,
      send("PUT", { entry: 0, done: true, expectedVersion: todo.version }),
    );
    expect(ticked.status).toBe(200);
    const { item } = (await ticked.json()) as { item: StoredItem };
    expect(item).toMatchObject({
      version: todo.version + 1,
      raw: "- [x] Rehearse Q1 out loud\n- [x] Update the CV",
    });

    const refusals: Array<[string, unknown, number, RegExp]> = [
      [todo.id, { entry: 0, done: false, expectedVersion: todo.version }, 409, /version/],
      [todo.id, { entry: 2, done: true }, 400, /has 2 entries/],
      [todo.id, { entry: -1, done: true }, 400, /entry/],
      [todo.id, { entry: 0 }, 400, /done/],
      [answer.id, { entry: 0, done: true }, 400, /not a to-do list/],
      ["no-such-item", { entry: 0, done: true }, 404, /item/],
    ];
    for (const [id, body, status, message] of refusals) {
      const response = await app().request(`/api/items/${id}/todo`, send("PUT", body));
      expect([id, response.status]).toEqual([id, status]);
      expect(JSON.stringify(await response.json())).toMatch(message);
    }
    // Another user cannot tick this user's list.
    expect(
      (await app("b").request(`/api/items/${todo.id}/todo`, send("PUT", { entry: 1, done: false }))).status,
    ).toBe(404);
    const history = (await (await app().request(`/api/items/${todo.id}/history`)).json()) as {
      versions: ItemVersion[];
    };
    expect(history.versions.map((v) => v.source)).toEqual(["typed", "imported"]);
  });
});
