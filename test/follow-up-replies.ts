import { readFileSync } from "node:fs";
import type { LabelledReply } from "../src/core/analysis/follow-up-measure.ts";

/** eval/follow-ups/{dev,test}.jsonl: labelled replies to follow-up questions. */
export function readFollowUpReplies(split: "dev" | "test"): LabelledReply[] {
  const text = readFileSync(new URL(`../eval/follow-ups/${split}.jsonl`, import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const row = JSON.parse(line) as LabelledReply;
      if (
        typeof row.reply !== "string" ||
        typeof row.followUp !== "string" ||
        !(row.overall >= 1 && row.overall <= 5)
      )
        throw new Error(
          `eval/follow-ups/${split}.jsonl line ${i + 1}: missing reply, followUp or overall 1–5`,
        );
      return row;
    });
}
