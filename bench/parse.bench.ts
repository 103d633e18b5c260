/**
 * parse-*: the prep-document parser on inputs whose cost once grew faster than their size.
 * Moved here from timed checks in src/core/markdown/parse.test.ts (a ratio bound and a 2 s
 * budget), which a loaded machine could tip over; the unit tests still read each input whole.
 *
 * - parse-repeated-<unit>-6k: one short construct (a question heading, a quote, a rule, a
 *   follow-up list, a Question/Answer pair) repeated 6,000 times, parsed and checked lossless,
 *   against four reads of the same construct repeated 1,500 times. A ratio near 1 is linear,
 *   quadratic look-ahead or key search would be near 4 (the unit test's old bound was 3).
 * - parse-mixed-script-100kb: a 100 KB document mixing Chinese and English STAR answers, against
 *   the parse of the English sample prep document cut to the same length. A ratio near 1 means
 *   the mixed script costs no more than ordinary prep text.
 *
 * Run through `npm run bench` (bench/run.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkPrepDocInvariants, parsePrepDocument } from "../src/core/markdown/index.ts";
import type { Benchmark } from "./run.ts";

const units: Record<string, string> = {
  "question-heading": "### Q1- Tell me?\n",
  "said-quote": "Ana said: hello there\n",
  "rule-then-text": "---\nsome text\n\n",
  "follow-up-list": "Interviewers ask:\n- Will they?\n",
  "question-answer-pair": "Question: Tell me about yourself (v).\nAnswer: ok\n\n",
};

/** Parsed and checked lossless, as the unit test reads it. */
const readWhole = (text: string): void => {
  const problems = checkPrepDocInvariants(text, parsePrepDocument(text));
  if (problems.length > 0) throw new Error(`not lossless: ${problems[0]}`);
};

export const benchmarks: Benchmark[] = Object.entries(units).map(([name, unit]) => {
  const small = unit.repeat(1_500);
  const large = unit.repeat(6_000);
  return {
    name: `parse-repeated-${name}-6k`,
    baselineName: `${name}-1.5k-x4`,
    run: () => readWhole(large),
    baseline: () => {
      for (let i = 0; i < 4; i++) readWhole(small);
    },
  };
});

/** The unit test's 100 KB document: numbered parts, each a STAR answer in Chinese and English. */
function mixedScript(): string {
  const parts: string[] = ["# 面试准备 Interview prep", ""];
  for (let n = 1; parts.join("\n").length < 100_000; n++) {
    parts.push(
      `## 第${n}部分 Part ${n}`,
      "",
      `### Q${n}- 请介绍一个你解决过的难题 Tell me about a hard problem you solved (${n}).`,
      "",
      "**Situation**: 我们的数据管道每天晚上失败，the nightly pipeline failed and nobody owned it.",
      "",
      "**Task**: 我负责找到根本原因 and make it reliable again.",
      "",
      "**Action**: 我添加了监控和重试，added alerts, retries and a runbook; 然后和团队一起复盘。",
      "",
      "**Result**: 失败率从每周三次降到零 — failures went from three a week to zero.",
      "",
      "",
      "一些额外的笔记：记得提到团队合作。Extra note: mention the team.",
      "",
      "",
    );
  }
  return parts.join("\n");
}

const mixed = mixedScript();
const sample = readFileSync(fileURLToPath(new URL("../samples/sample-prep.md", import.meta.url)), "utf8");
const ordinary = sample.repeat(Math.ceil(mixed.length / sample.length)).slice(0, mixed.length);

benchmarks.push({
  name: "parse-mixed-script-100kb",
  baselineName: "parse-sample-prep-100kb",
  run: () => {
    parsePrepDocument(mixed);
  },
  baseline: () => {
    parsePrepDocument(ordinary);
  },
});
