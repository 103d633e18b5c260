import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importPrepDocument, parsePrepDocument } from "../markdown/index.ts";
import type { AnswerItem, FollowUpItem, PrepDoc } from "../model.ts";
import { predictFollowUps } from "./index.ts";

// Recall of the document's own "They'll likely ask" questions among the predictions for its
// "tell me about yourself" script: a prepared follow-up counts as predicted when a prediction
// links to it. The seed is read from ../shared at run time (mandatory under CI=true).
const seedDir = fileURLToPath(new URL("../../../../shared/seed/", import.meta.url));
const seedFile = existsSync(seedDir) ? readdirSync(seedDir).find((f) => f.endsWith(".txt")) : undefined;

function recall(doc: PrepDoc, answerKey: string, expected: RegExp[]) {
  const answer = doc.items.find((i): i is AnswerItem => i.kind === "answer" && i.key === answerKey);
  if (!answer) throw new Error(`${answerKey} is missing`);
  const prepared = doc.items.filter(
    (i): i is FollowUpItem => i.kind === "follow-up" && i.answerKey === answerKey,
  );
  const predictions = predictFollowUps(answer.text, {
    question: answer.question,
    role: "ml-engineer",
    prepared,
  });
  const linked = new Set(predictions.map((p) => p.prepared).filter((k) => k !== undefined));
  const wanted = prepared.filter((f) => expected.some((re) => re.test(f.question)));
  return { wanted: wanted.length, found: wanted.filter((f) => linked.has(f.key)).length, predictions };
}

describe("follow-up prediction recall", () => {
  it.runIf(seedFile !== undefined || process.env.CI === "true")(
    "finds the seed's own likely follow-ups for Q1 (PhD related to ML, ML in practice, why now)",
    () => {
      expect(seedFile, "the seed document must be in ../shared/seed under CI").toBeDefined();
      const doc = importPrepDocument(readFileSync(`${seedDir}${seedFile}`));
      const { wanted, found } = recall(doc, "q1/core", [/phd/i, /in practice/i, /why now/i]);
      expect(wanted).toBe(3);
      expect(found / wanted).toBe(1);
    },
  );

  it("finds the sample document's prepared follow-ups for Q1", () => {
    const doc = parsePrepDocument(
      readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"),
    );
    const prepared = doc.items.filter(
      (i): i is FollowUpItem => i.kind === "follow-up" && i.answerKey === "q1/core",
    );
    const { found, predictions } = recall(doc, "q1/core", [/./]);
    expect(prepared.length).toBeGreaterThanOrEqual(3);
    expect(found).toBeGreaterThanOrEqual(2);
    expect(predictions.every((p) => p.gap === (p.prepared === undefined))).toBe(true);
  });
});
