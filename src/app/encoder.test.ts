import { describe, expect, it } from "vitest";
import { semanticMatch, textsToEmbed } from "../core/semantic/matcher.js";
import { embeddingSimilarity, type SentenceEmbeddings } from "../core/semantic/sentence-embeddings.js";
import {
  createSentenceEncoder,
  type SentenceEncoder,
  sentenceEncoderEnabled,
  warmSentenceEncoder,
  withSentenceEmbeddings,
} from "./encoder.js";

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

  it("warms the model in the background only when it is on", async () => {
    expect(await warmSentenceEncoder(false)).toBe(false);
    expect(await warmSentenceEncoder(true)).toBe(true);
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

describe("the matcher with sentence embeddings", () => {
  it("accepts a paraphrase the lexical scorer misses and still rejects a same-word hard negative", async () => {
    const encoder = createSentenceEncoder();
    // A dev pair of eval/matching/pairs.jsonl (g342e2): neither engine is named, and no concept the
    // lexicons know carries it (g342e1, "a commercial 3D engine", is read lexically since round 46).
    const ask = "Game development experience with Unity or Unreal";
    const paraphrase =
      "I built the shaders and character controller for our studio's third-person adventure game.";
    // Read as software since the lexicon's sense check ("client libraries" are not clients).
    const clients = "Experience building client libraries";
    const packages =
      "I published the Python and Java packages developers use to call our API, with retries built in.";
    const conflicts = "Skilled at resolving conflicts between team members";
    const merge = "I resolved the merge conflicts in the release branch.";
    await encoder.prepare(textsToEmbed([ask, paraphrase, clients, packages, conflicts, merge]));
    expect(semanticMatch(ask, paraphrase).matched).toBe(false);
    expect(semanticMatch(ask, paraphrase, { embeddings: encoder }).matched).toBe(true);
    expect(semanticMatch(clients, packages).matched).toBe(true);
    expect(semanticMatch(clients, packages, { embeddings: encoder }).matched).toBe(true);
    expect(semanticMatch(conflicts, merge).matched).toBe(false);
    expect(semanticMatch(conflicts, merge, { embeddings: encoder }).matched).toBe(false);
  }, 60_000);

  it("is off unless DERISK_SENTENCE_ENCODER=on", () => {
    const before = process.env.DERISK_SENTENCE_ENCODER;
    try {
      delete process.env.DERISK_SENTENCE_ENCODER;
      expect(sentenceEncoderEnabled()).toBe(false);
      process.env.DERISK_SENTENCE_ENCODER = "off";
      expect(sentenceEncoderEnabled()).toBe(false);
      process.env.DERISK_SENTENCE_ENCODER = "on";
      expect(sentenceEncoderEnabled()).toBe(true);
    } finally {
      if (before === undefined) delete process.env.DERISK_SENTENCE_ENCODER;
      else process.env.DERISK_SENTENCE_ENCODER = before;
    }
  });

  it("runs a use case once when the cache knows its texts, twice when it must encode, and without embeddings when the model fails or they are off", async () => {
    const encoder = createSentenceEncoder();
    const ask = "Game development experience with Unity or Unreal";
    const evidence =
      "I built the shaders and character controller for our studio's third-person adventure game.";
    let runs = 0;
    const run = (embeddings: SentenceEmbeddings | undefined) => {
      runs++;
      return semanticMatch(ask, evidence, embeddings ? { embeddings } : {}).matched;
    };
    expect(await withSentenceEmbeddings(run, { encoder, enabled: true })).toBe(true);
    expect(runs).toBe(2);
    runs = 0;
    expect(await withSentenceEmbeddings(run, { encoder, enabled: true })).toBe(true);
    expect(runs).toBe(1);
    const broken: SentenceEncoder = {
      get: () => undefined,
      size: 0,
      prepare: () => Promise.reject(new Error("no model")),
    };
    runs = 0;
    expect(await withSentenceEmbeddings(run, { encoder: broken, enabled: true })).toBe(false);
    expect(runs).toBe(2);
    // Off (the default; DERISK_SENTENCE_ENCODER=on turns it on): one run, no embeddings.
    runs = 0;
    expect(await withSentenceEmbeddings(run, { encoder, enabled: false })).toBe(false);
    expect(runs).toBe(1);
  }, 60_000);
});
