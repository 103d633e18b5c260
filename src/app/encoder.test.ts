import { describe, expect, it } from "vitest";
import { embeddingSimilarity } from "../core/semantic/sentence-embeddings.js";
import { createSentenceEncoder } from "./encoder.js";

describe("sentence encoder", () => {
  it("encodes offline, caches by text and ranks a paraphrase above an unrelated sentence", async () => {
    const encoder = createSentenceEncoder();
    const ask = "Reduce the latency of the serving path";
    const near = "We cut p99 response time from 800 ms to 120 ms";
    const far = "I organised the team's volunteering day at a food bank";
    await encoder.prepare([ask, near, far, ask, ""]);
    expect(encoder.size).toBe(3);
    const v = encoder.get(ask);
    expect(v?.length).toBe(512);
    let norm = 0;
    for (const x of v ?? []) norm += x * x;
    expect(norm).toBeCloseTo(1, 4);
    const close = embeddingSimilarity(encoder, ask, near) ?? 0;
    const apart = embeddingSimilarity(encoder, ask, far) ?? 0;
    expect(close).toBeGreaterThan(apart + 0.1);
    expect(embeddingSimilarity(encoder, ask, "never prepared")).toBeUndefined();
  }, 60_000);

  it("keeps at most its capacity, dropping the least recently used", async () => {
    const encoder = createSentenceEncoder(2);
    await encoder.prepare(["first sentence", "second sentence"]);
    encoder.get("first sentence");
    await encoder.prepare(["third sentence"]);
    expect(encoder.size).toBe(2);
    expect(encoder.get("second sentence")).toBeUndefined();
    expect(encoder.get("first sentence")).toBeDefined();
  }, 60_000);
});
