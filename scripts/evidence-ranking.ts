/**
 * Which sentence Tailor shows first for an ask, against what a careful reader would pick:
 * eval/matching/evidence-ranking.jsonl (asks, the sentences to pick and the ones never to pick),
 * over our sample document (samples/sample-prep.md, each paragraph an answer) and the mini-banks
 * of eval/matching/evidence-banks.json (each string an answer). Written by us; no split.
 *
 *   npx tsx scripts/evidence-ranking.ts          # the figures
 *   npx tsx scripts/evidence-ranking.ts --rows   # also one line per ask: verdict and the shown sentence
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type TailorAnswer, tailor } from "../src/core/packaging/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface RankingCase {
  id: string;
  bank: string;
  ask: string;
  /** Openings of the sentences a careful reader would show first (any one will do). */
  pick: string[];
  /** Openings of sentences that must not be shown first. */
  notPick: string[];
  why: string;
}

export function readCases(): RankingCase[] {
  return readFileSync(join(root, "eval", "matching", "evidence-ranking.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RankingCase);
}

/** A bank's answers: the sample document's paragraphs, or a mini-bank's strings. */
export function bankAnswers(bank: string): TailorAnswer[] {
  if (bank === "sample") {
    return readFileSync(join(root, "samples", "sample-prep.md"), "utf8")
      .split("\n")
      .map((line) => line.replace(/^\s*(?:[-*]\s+|\d+\.\s+|>\s*)/, "").trim())
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((text, i) => ({ key: `p${i + 1}`, text }));
  }
  const banks = JSON.parse(readFileSync(join(root, "eval", "matching", "evidence-banks.json"), "utf8")) as {
    banks: Record<string, string[]>;
  };
  const found = banks.banks[bank];
  if (!found) throw new Error(`no mini-bank ${bank}`);
  return found.map((text, i) => ({ key: `${bank}${i + 1}`, text }));
}

export type Verdict = "right" | "wrong" | "other" | "gap";

/** The sentence Tailor shows first for the case's ask, and how it fares. */
export function judge(c: RankingCase): { verdict: Verdict; shown: string } {
  const result = tailor(`Requirements:\n- ${c.ask}\n`, [], bankAnswers(c.bank));
  const shown = result.requirements[0]?.evidence[0]?.quote ?? "";
  const starts = (prefixes: string[]) => prefixes.some((p) => shown.startsWith(p));
  const verdict: Verdict =
    shown === "" ? "gap" : starts(c.pick) ? "right" : starts(c.notPick) ? "wrong" : "other";
  return { verdict, shown };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cases = readCases();
  const counts: Record<Verdict, number> = { right: 0, wrong: 0, other: 0, gap: 0 };
  for (const c of cases) {
    const { verdict, shown } = judge(c);
    counts[verdict]++;
    if (process.argv.includes("--rows"))
      process.stdout.write(`${c.id} ${verdict.padEnd(5)} ${c.ask}\n      ${shown.slice(0, 110)}\n`);
  }
  process.stdout.write(
    `evidence ranking: ${cases.length} asks — the reader's pick shown first ${counts.right}, a sentence never to pick ${counts.wrong}, another ${counts.other}, nothing ${counts.gap}\n`,
  );
}
