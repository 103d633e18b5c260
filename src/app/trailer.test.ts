import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { createApp } from "../server/app.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { trailerFromBank } from "./packaging.ts";
import { createStoriesFromDocument } from "./stories.ts";

const sample = new Uint8Array(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)));

describeStores("trailer from the bank", (getStore) => {
  it("builds four beats from the user's own about-me answer and stories, blanks where nothing fits", async () => {
    const store = getStore();
    const empty = await trailerFromBank(store, "a", 60);
    expect(empty.beats.map((b) => b.beat)).toEqual(["foundation", "projects", "production", "now"]);
    expect(empty.blanks.length).toBeGreaterThan(0);

    const { documentId } = await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    await createStoriesFromDocument(store, "a", documentId ?? "");
    const short = await trailerFromBank(store, "a", 60);
    const long = await trailerFromBank(store, "a", 150);
    const sampleText = new TextDecoder().decode(sample);
    // Every line is the user's own sentence or a template with a visible blank.
    for (const trailer of [short, long]) {
      for (const line of trailer.beats.flatMap((b) => b.lines)) {
        const own = sampleText.includes(line.text.slice(0, 40));
        expect({ line: line.text, ok: own || /\[[^\]]+\]/.test(line.text) }).toEqual({
          line: line.text,
          ok: true,
        });
      }
    }
    expect(short.blanks.length).toBeLessThan(empty.blanks.length);
    expect(long.words).toBeGreaterThanOrEqual(short.words);
    const app = createApp({ store, userId: "a", version: "test", storage: "pglite" });
    const res = await app.request("/api/trailer?seconds=150");
    expect(((await res.json()) as { words: number }).words).toBe(long.words);
    expect((await app.request("/api/trailer?seconds=90")).status).toBe(400);
    // B sees none of A's material.
    expect((await trailerFromBank(store, "b", 60)).blanks).toEqual(empty.blanks);
  });
});
