/**
 * Whether the sentence the risk lens quotes for a signal is one a labeller tagged with it. For
 * every answer where a signal is both predicted and in the gold labels, the first quoted
 * sentence is a hit when it overlaps (by half of its words) a written sentence whose gold tags
 * include the signal. Reads the training writers' validation split and the held-out writers
 * (never the test split): the figure behind "every finding quotes its evidence".
 *
 *   npx tsx scripts/evidence-quotes.ts                # validation + eval/corpus/heldout/* but X, Y, Z
 *   npx tsx scripts/evidence-quotes.ts --misses       # also each miss: the quote and the tagged sentences
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../src/core/analysis/index.ts";
import { answerText } from "./lens-corpus.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SIGNALS = ["ambiguity", "decisive", "autonomy", "systems", "blame", "lesson", "result"] as const;
type Row = {
  id: string;
  split: string;
  question: string;
  s: Array<[string, string]>;
  labels: Record<string, unknown>;
};
const read = (file: string): Row[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);
const answers = join(root, "eval", "corpus", "answers");
const heldout = join(root, "eval", "corpus", "heldout");
// Writers X, Y and Z are a fresh instrument: they measure an adopted design once and are read by
// no diagnostic (docs/lab/risk-lens-lab.md, "Writers X, Y, Z: a fresh instrument (fresh26)").
const FRESH = new Set(["writer-x.jsonl", "writer-y.jsonl", "writer-z.jsonl"]);
const sets: Array<[string, Row[]]> = [
  [
    "validation",
    readdirSync(answers)
      .filter((f) => f.startsWith("train-"))
      .flatMap((f) => read(join(answers, f)))
      .filter((r) => r.split === "validation"),
  ],
  ...readdirSync(heldout)
    .filter((f) => f.endsWith(".jsonl") && !FRESH.has(f))
    .sort()
    .map((f): [string, Row[]] => [f.replace(".jsonl", ""), read(join(heldout, f))]),
];
if (sets.some(([, rows]) => rows.some((r) => r.split === "test"))) {
  process.stderr.write(
    "evidence-quotes: a file holds test-split rows; the test split is read by npm run eval only.\n",
  );
  process.exit(2);
}

const words = (t: string): string[] => t.toLowerCase().match(/[a-z0-9']+/g) ?? [];
/** Whether two sentences are the same stretch of text: half the shorter one's words shared. */
function overlaps(a: string, b: string): boolean {
  const wa = words(a);
  const wb = new Set(words(b));
  if (wa.length === 0 || wb.size === 0) return false;
  const shared = wa.filter((w) => wb.has(w)).length;
  return shared >= Math.min(wa.length, wb.size) / 2;
}

const misses = process.argv.includes("--misses");
const total: Record<string, { hit: number; n: number }> = {};
for (const [name, rows] of sets) {
  const counts: Record<string, { hit: number; n: number }> = {};
  for (const row of rows) {
    let a: ReturnType<typeof analyze>;
    try {
      a = analyze(answerText(row.s).text, { question: row.question });
    } catch {
      continue;
    }
    for (const signal of SIGNALS) {
      if (row.labels[signal] !== true || a.labels[signal] !== true) continue;
      const first = a.evidence[signal].indexes[0];
      const quote = first === undefined ? "" : (a.sentences[first]?.text ?? "");
      const tagged = row.s.filter(([, tags]) => tags.split(/\s+/).includes(signal)).map(([t]) => t);
      const hit = tagged.some((t) => overlaps(quote, t));
      const c = counts[signal] ?? { hit: 0, n: 0 };
      const all = total[signal] ?? { hit: 0, n: 0 };
      counts[signal] = c;
      total[signal] = all;
      c.n += 1;
      all.n += 1;
      if (hit) {
        c.hit += 1;
        all.hit += 1;
      } else if (misses) {
        process.stdout.write(
          `${row.id} ${signal}: quoted “${quote}”\n    tagged: ${tagged.map((t) => `“${t}”`).join(" ")}\n`,
        );
      }
    }
  }
  const line = SIGNALS.map((s) => {
    const c = counts[s];
    return `${s} ${c === undefined ? "—" : `${((100 * c.hit) / c.n).toFixed(0)}% of ${c.n}`}`;
  }).join(" · ");
  process.stdout.write(`${name.padEnd(11)} ${line}\n`);
}
const line = SIGNALS.map((s) => {
  const c = total[s];
  return `${s} ${c === undefined ? "—" : `${((100 * c.hit) / c.n).toFixed(1)}% of ${c.n}`}`;
}).join(" · ");
process.stdout.write(`${"all".padEnd(11)} ${line}\n`);
