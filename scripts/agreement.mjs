#!/usr/bin/env node
// Inter-annotator agreement for the labelled corpus (eval/corpus/README.md).
// Reads every second-pass file eval/corpus/second-pass/NAME.second.jsonl, pairs each record by id with
// the first annotator's record in eval/corpus/answers/NAME.jsonl (falling back to any answers file), and
// computes Cohen's kappa and raw agreement per label: answer level (the 11 boolean tags, offTopic,
// ownership as 3 classes, overall as 5 classes with quadratic-weighted kappa and share within ±1) and
// sentence level (each sentence a unit, one binary kappa per tag). Writes eval/corpus/agreement.json and
// prints a table.
// Usage: node scripts/agreement.mjs [--show LABEL]   (--show lists the disagreeing pairs for one label)
//   node scripts/agreement.mjs --first-dir eval/corpus/heldout --second-dir eval/corpus/heldout/second-pass \
//     --out eval/corpus/heldout/agreement.json --predictions FILE
// `--first-dir` / `--second-dir` pair other files (NAME.second.jsonl with NAME.jsonl); `--out` writes the report
// elsewhere; `--predictions FILE` (the JSON of `scripts/lens-heldout.ts --json`, its `predictions`) adds, per
// answer-level label, the model's macro-F1 against each pass and against the answers both passes agree on.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { register } from "tsx/esm/api";

// The label list is defined once, in src/core/analysis/labels.ts (read through tsx).
register();
const TAGS = [...(await import("../src/core/analysis/labels.ts")).SENTENCE_TAGS];
const root = new URL("../eval/corpus/", import.meta.url).pathname;
const optionOf = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : null;
};
const secondDir = optionOf("--second-dir") ?? join(root, "second-pass");
const answersDir = optionOf("--first-dir") ?? join(root, "answers");
const outFile = optionOf("--out") ?? join(root, "agreement.json");
const predictionsFile = optionOf("--predictions");
const show = optionOf("--show");

function readJsonl(file) {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

function indexById(rows) {
  const map = new Map();
  for (const row of rows) if (!map.has(row.id)) map.set(row.id, row);
  return map;
}

// Cohen's kappa for two equal-length lists of categorical values.
function cohen(a, b, classes) {
  const n = a.length;
  if (n === 0) return { kappa: null, agreement: null };
  let same = 0;
  const countA = new Map();
  const countB = new Map();
  for (let i = 0; i < n; i += 1) {
    if (a[i] === b[i]) same += 1;
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
  }
  const po = same / n;
  let pe = 0;
  for (const c of classes) pe += ((countA.get(c) ?? 0) / n) * ((countB.get(c) ?? 0) / n);
  const kappa = pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
  return { kappa: round(kappa), agreement: round(po) };
}

// Quadratic-weighted kappa for ordinal scores 1..k.
function weightedKappa(a, b, k) {
  const n = a.length;
  const observed = Array.from({ length: k }, () => new Array(k).fill(0));
  const rowSum = new Array(k).fill(0);
  const colSum = new Array(k).fill(0);
  for (let i = 0; i < n; i += 1) {
    observed[a[i] - 1][b[i] - 1] += 1;
    rowSum[a[i] - 1] += 1;
    colSum[b[i] - 1] += 1;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * observed[i][j];
      den += (w * rowSum[i] * colSum[j]) / n;
    }
  }
  return { kappa: den === 0 ? null : round(1 - num / den), confusion: observed };
}

function round(x) {
  return x === null || Number.isNaN(x) ? null : Math.round(x * 1000) / 1000;
}

// Macro-F1 of one pass read against the other (the mean of the F1 for "present" and for "absent"),
// the figure `npm run eval` reports for the model: symmetric, so it does not matter which pass is
// taken as gold. It is what a second careful labeller scores, the ceiling a model can be expected
// to reach on labels written by someone else.
function macroF1(a, b) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] && b[i]) tp += 1;
    else if (b[i]) fp += 1;
    else if (a[i]) fn += 1;
    else tn += 1;
  }
  const f1 = (hit, x, y) => (hit + x + y === 0 ? 1 : (2 * hit) / (2 * hit + x + y));
  return round((f1(tp, fp, fn) + f1(tn, fn, fp)) / 2);
}

function binary(first, second) {
  const stats = cohen(first, second, [true, false]);
  return {
    ...stats,
    macroF1: macroF1(first, second),
    positivesFirst: first.filter(Boolean).length,
    positivesSecond: second.filter(Boolean).length,
  };
}

function tagSet(tags) {
  return new Set(tags.split(/\s+/).filter(Boolean));
}

// Pair the records.
if (!existsSync(secondDir)) {
  console.error(`no ${secondDir}`);
  process.exit(1);
}
const allFirst = indexById(
  readdirSync(answersDir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => readJsonl(join(answersDir, f))),
);
const pairs = [];
for (const file of readdirSync(secondDir).filter((f) => f.endsWith(".jsonl"))) {
  const firstFile = join(answersDir, file.replace(/\.second\.jsonl$/, ".jsonl"));
  const first = existsSync(firstFile) ? indexById(readJsonl(firstFile)) : allFirst;
  for (const second of readJsonl(join(secondDir, file))) {
    const match = first.get(second.id) ?? allFirst.get(second.id);
    if (!match) console.error(`${file}: no first-pass record for ${second.id}`);
    else pairs.push({ first: match, second });
  }
}

// Answer level.
const answerLevel = {};
for (const label of [...TAGS, "offTopic"]) {
  answerLevel[label] = binary(
    pairs.map((p) => p.first.labels[label] === true),
    pairs.map((p) => p.second.labels[label] === true),
  );
}
const ownFirst = pairs.map((p) => p.first.labels.ownership);
const ownSecond = pairs.map((p) => p.second.labels.ownership);
const countOf = (list) =>
  Object.fromEntries(["i", "we", "mixed"].map((c) => [c, list.filter((x) => x === c).length]));
answerLevel.ownership = {
  ...cohen(ownFirst, ownSecond, ["i", "we", "mixed"]),
  first: countOf(ownFirst),
  second: countOf(ownSecond),
};

// Overall score.
const ovFirst = pairs.map((p) => p.first.labels.overall);
const ovSecond = pairs.map((p) => p.second.labels.overall);
const weighted = weightedKappa(ovFirst, ovSecond, 5);
const mean = (list) => round(list.reduce((s, x) => s + x, 0) / list.length);
const overall = {
  kappa: cohen(ovFirst, ovSecond, [1, 2, 3, 4, 5]).kappa,
  weightedKappa: weighted.kappa,
  agreement: cohen(ovFirst, ovSecond, [1, 2, 3, 4, 5]).agreement,
  withinOne: round(ovFirst.filter((x, i) => Math.abs(x - ovSecond[i]) <= 1).length / pairs.length),
  meanFirst: mean(ovFirst),
  meanSecond: mean(ovSecond),
  confusion: weighted.confusion,
};

// Sentence level: only answers whose sentence texts match one to one.
const sentFirst = Object.fromEntries(TAGS.map((t) => [t, []]));
const sentSecond = Object.fromEntries(TAGS.map((t) => [t, []]));
const sentUnits = [];
for (const { first, second } of pairs) {
  const same =
    first.s.length === second.s.length && first.s.every(([text], i) => text.trim() === second.s[i][0].trim());
  if (!same) {
    console.error(`${second.id}: sentences differ from the first pass, skipped at sentence level`);
    continue;
  }
  first.s.forEach(([text, tags], i) => {
    const a = tagSet(tags);
    const b = tagSet(second.s[i][1]);
    for (const t of TAGS) {
      sentFirst[t].push(a.has(t));
      sentSecond[t].push(b.has(t));
    }
    sentUnits.push({ id: second.id, i, text, first: tags, second: second.s[i][1] });
  });
}
const sentenceLevel = {};
for (const t of TAGS) sentenceLevel[t] = binary(sentFirst[t], sentSecond[t]);

// The model against each pass, and against the answers on which both passes agree.
let model = null;
if (predictionsFile) {
  const json = JSON.parse(readFileSync(predictionsFile, "utf8"));
  const list = json.predictions ?? Object.values(json.reports ?? {}).flatMap((r) => r.predictions ?? []);
  const predicted = new Map(list.map((p) => [p.id, p]));
  const scored = pairs.filter((p) => predicted.has(p.second.id));
  if (scored.length < pairs.length)
    console.error(`${pairs.length - scored.length} answers have no prediction`);
  model = { answers: scored.length };
  for (const label of [...TAGS, "offTopic"]) {
    const first = scored.map((p) => p.first.labels[label] === true);
    const second = scored.map((p) => p.second.labels[label] === true);
    const guess = scored.map((p) => predicted.get(p.second.id)[label] === true);
    const agreed = scored.map((_, i) => i).filter((i) => first[i] === second[i]);
    model[label] = {
      vsFirst: macroF1(first, guess),
      vsSecond: macroF1(second, guess),
      vsAgreed: macroF1(
        agreed.map((i) => first[i]),
        agreed.map((i) => guess[i]),
      ),
      agreedAnswers: agreed.length,
    };
  }
}

const report = {
  answers: pairs.length,
  sentences: sentUnits.length,
  answerLevel,
  sentenceLevel,
  overall,
  ...(model ? { model } : {}),
};
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);

// Table.
const fmt = (x) => (x === null ? "  n/a" : x.toFixed(2).padStart(5));
console.log(`answers ${report.answers}, sentences ${report.sentences}\n`);
console.log(
  `${"label".padEnd(11)} | answer kappa  agree  mF1  pos1  pos2 | sentence kappa  agree  pos1  pos2`,
);
console.log("-".repeat(86));
for (const t of TAGS) {
  const a = answerLevel[t];
  const s = sentenceLevel[t];
  console.log(
    `${t.padEnd(11)} |        ${fmt(a.kappa)}  ${fmt(a.agreement)} ${fmt(a.macroF1)}  ${String(a.positivesFirst).padStart(4)}  ${String(a.positivesSecond).padStart(4)} |          ${fmt(s.kappa)}  ${fmt(s.agreement)}  ${String(s.positivesFirst).padStart(4)}  ${String(s.positivesSecond).padStart(4)}`,
  );
}
const off = answerLevel.offTopic;
console.log(
  `${"offTopic".padEnd(11)} |        ${fmt(off.kappa)}  ${fmt(off.agreement)} ${fmt(off.macroF1)}  ${String(off.positivesFirst).padStart(4)}  ${String(off.positivesSecond).padStart(4)} |`,
);
const own = answerLevel.ownership;
console.log(
  `${"ownership".padEnd(11)} |        ${fmt(own.kappa)}  ${fmt(own.agreement)}  first ${JSON.stringify(own.first)}  second ${JSON.stringify(own.second)}`,
);
console.log(
  `${"overall".padEnd(11)} |        ${fmt(overall.kappa)}  ${fmt(overall.agreement)}  quadratic-weighted ${fmt(overall.weightedKappa)}, within ±1 ${fmt(overall.withinOne)}, mean ${overall.meanFirst} vs ${overall.meanSecond}`,
);
if (model) {
  console.log(`\nthe model (${model.answers} answers), answer-level macro-F1:`);
  console.log(`${"label".padEnd(11)} | passes  model~first  model~second  model~both agree (answers)`);
  for (const t of [...TAGS, "offTopic"]) {
    const m = model[t];
    console.log(
      `${t.padEnd(11)} |  ${fmt(answerLevel[t].macroF1)}        ${fmt(m.vsFirst)}         ${fmt(m.vsSecond)}        ${fmt(m.vsAgreed)} (${m.agreedAnswers})`,
    );
  }
}
console.log("\noverall confusion (rows first annotator 1..5, columns second 1..5):");
for (const [i, row] of overall.confusion.entries()) {
  console.log(`  ${i + 1}: ${row.map((c) => String(c).padStart(3)).join(" ")}`);
}

// Optional: disagreeing pairs for one label.
if (show) {
  console.log(`\ndisagreements on ${show}:`);
  if (TAGS.includes(show)) {
    for (const { first, second } of pairs) {
      if (first.labels[show] !== second.labels[show]) {
        console.log(`  ${second.id} answer: first ${first.labels[show]}, second ${second.labels[show]}`);
      }
    }
    for (const u of sentUnits) {
      const a = tagSet(u.first).has(show);
      const b = tagSet(u.second).has(show);
      if (a !== b) console.log(`  ${u.id}[${u.i}] first ${a ? "+" : "-"} second ${b ? "+" : "-"}: ${u.text}`);
    }
  } else {
    for (const { first, second } of pairs) {
      if (first.labels[show] !== second.labels[show]) {
        console.log(
          `  ${second.id} (${second.register}): first ${first.labels[show]}, second ${second.labels[show]}`,
        );
      }
    }
  }
}
