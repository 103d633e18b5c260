import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type SparseWeights, unpackSparse } from "../src/core/analysis/lens/linear.ts";

const root = join(import.meta.dirname, "..");
const corpus = join(root, "eval", "corpus");
const lines = (file: string): string[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");

/** A small copy of the corpus (one training writer's first answers) that trains in a minute or two. */
function smallCorpus(dir: string): void {
  for (const d of ["answers", "questions", "additions"]) mkdirSync(join(dir, d), { recursive: true });
  // Written answers only: a transcript is split by the boundary model, which the extra answers
  // do teach, so a spoken answer's topic may differ by its sentence breaks.
  const rows = lines(join(corpus, "answers", "train-a.jsonl"))
    .map((l) => [l, JSON.parse(l) as { split: string; register?: string }] as const)
    .filter(([, r]) => r.register !== "spoken");
  const keep = [
    ...rows.filter(([, r]) => r.split === "train").slice(0, 40),
    ...rows.filter(([, r]) => r.split === "validation").slice(0, 16),
  ];
  writeFileSync(join(dir, "answers", "train-a.jsonl"), `${keep.map(([l]) => l).join("\n")}\n`);
  copyFileSync(join(corpus, "questions", "train-a.jsonl"), join(dir, "questions", "train-a.jsonl"));
  for (const f of ["train-f.jsonl", "train-g.jsonl"])
    copyFileSync(join(corpus, "additions", f), join(dir, "additions", f));
}

function train(dir: string, out: string, extra: string[]): Record<string, unknown> {
  const r = spawnSync(
    "npx",
    ["tsx", join(root, "scripts", "train.ts"), "--corpus", dir, "--out", out, ...extra],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
}

describe("npm run train -- --extra F --extra-no-topic", () => {
  it("the extra answers teach the labels but leave the topic and the off-topic head the corpus's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const extra = join(dir, "extra.jsonl");
    const written = lines(join(corpus, "heldout", "writer-l.jsonl")).filter(
      (l) => (JSON.parse(l) as { register?: string }).register !== "spoken",
    );
    writeFileSync(extra, `${written.slice(0, 16).join("\n")}\n`);
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), []);
    const noTopic = train(join(dir, "corpus"), join(dir, "no-topic.json"), [
      "--extra",
      extra,
      "--extra-no-topic",
    ]);
    expect(noTopic.topic).toEqual(plain.topic);
    expect(noTopic.offTopic).toEqual(plain.offTopic);
    expect(noTopic.labels).not.toEqual(plain.labels);
  }, 600_000);
});

describe("npm run train -- --notes-copies", () => {
  it("the bullet-notes copies teach the tagger but leave the topic and the off-topic head the corpus's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), []);
    const notes = train(join(dir, "corpus"), join(dir, "notes.json"), ["--notes-copies"]);
    expect(notes.topic).toEqual(plain.topic);
    expect(notes.offTopic).toEqual(plain.offTopic);
    expect(notes.sentence).not.toEqual(plain.sentence);
  }, 600_000);
});

describe("npm run train -- --habit-answers --habit-lesson-only", () => {
  it("the changed-habit answers teach lesson but leave the question classifier, the topic and the off-topic head the corpus's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const habit = lines(join(corpus, "additions", "train-t.jsonl")).filter(
      (l) => (JSON.parse(l) as { register?: string }).register !== "spoken",
    );
    writeFileSync(join(dir, "corpus", "additions", "train-t.jsonl"), `${habit.slice(0, 16).join("\n")}\n`);
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), ["--extra", "none"]);
    const lessonOnly = train(join(dir, "corpus"), join(dir, "lesson-only.json"), [
      "--extra",
      "none",
      "--habit-answers",
      "--habit-lesson-only",
    ]);
    expect(lessonOnly.question).toEqual(plain.question);
    expect(lessonOnly.topic).toEqual(plain.topic);
    expect(lessonOnly.offTopic).toEqual(plain.offTopic);
    expect((lessonOnly.labels as Record<string, unknown>).lesson).not.toEqual(
      (plain.labels as Record<string, unknown>).lesson,
    );
  }, 600_000);
});

describe("npm run train -- --lesson-alone (lesson22, off by default)", () => {
  it("the changed-habit answers refit only the lesson column and head: every other part, column and head as without them", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const habit = lines(join(corpus, "additions", "train-t.jsonl")).filter(
      (l) => (JSON.parse(l) as { register?: string }).register !== "spoken",
    );
    writeFileSync(join(dir, "corpus", "additions", "train-t.jsonl"), `${habit.slice(0, 16).join("\n")}\n`);
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), ["--extra", "none"]);
    const alone = train(join(dir, "corpus"), join(dir, "alone.json"), ["--extra", "none", "--lesson-alone"]);
    for (const part of Object.keys(plain).filter(
      (k) => !["sentence", "labels", "thresholds", "meta"].includes(k),
    ))
      expect(alone[part], part).toEqual(plain[part]);
    const column = (model: Record<string, unknown>, cls: string): Array<[string, number]> => {
      const tagger = unpackSparse(model.sentence as SparseWeights);
      const k = tagger.classes.indexOf(cls);
      return tagger.vocab
        .map((f, i): [string, number] => [f, tagger.weights[k]?.[i] ?? 0])
        .filter(([, w]) => w !== 0);
    };
    const plainClasses = unpackSparse(plain.sentence as SparseWeights).classes;
    expect(unpackSparse(alone.sentence as SparseWeights).classes).toEqual([
      ...plainClasses,
      "lesson:written",
    ]);
    for (const cls of plainClasses)
      expect(column(alone, cls === "lesson" ? "lesson:written" : cls), cls).toEqual(column(plain, cls));
    expect(column(alone, "lesson")).not.toEqual(column(plain, "lesson"));
    const heads = (model: Record<string, unknown>) =>
      model.labels as Record<string, { features: string[]; weights: number[][] }>;
    for (const [tag, head] of Object.entries(heads(plain))) {
      const theirs = heads(alone)[tag];
      if (tag === "lesson") continue;
      expect(theirs?.weights, tag).toEqual(head.weights);
      expect(theirs?.features.map((f) => (f === "x:lesson:written" ? "x:lesson" : f))).toEqual(head.features);
    }
    expect(heads(alone).systems?.features).toContain("x:lesson:written");
    const thresholds = (model: Record<string, unknown>) => ({
      ...(model.thresholds as Record<string, number>),
      lesson: 0,
    });
    expect(thresholds(alone)).toEqual(thresholds(plain));
  }, 600_000);
});

describe("npm run train -- --relabel T1 --written-task-heads systems (the default since task21)", () => {
  it("the tagger's second task column is the task column trained without the relabel, and only the named head reads it", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    // One T1 edit of our own on a kept training answer whose opening is not tagged task.
    const row = lines(join(dir, "corpus", "answers", "train-a.jsonl"))
      .map((l) => JSON.parse(l) as { id: string; split: string; s: Array<[string, string]> })
      .find((r) => r.split === "train" && !(r.s[0]?.[1] ?? "").split(/\s+/).includes("task"));
    expect(row).toBeDefined();
    writeFileSync(
      join(dir, "corpus", "additions", "relabel-task-autonomy.json"),
      JSON.stringify([{ id: row?.id, label: "task", s: 0, op: "add", rule: "T1" }]),
    );
    // The recipe before branch `task21`, against T1 with the systems head on the written column
    // (the other two story-signal heads keep x:task here, to show that only the named head moves).
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), [
      "--relabel",
      "none",
      "--no-clause-reading",
      "--heads-with-task",
      "--written-task-heads",
      "none",
    ]);
    const written = train(join(dir, "corpus"), join(dir, "written.json"), [
      "--relabel",
      "T1",
      "--heads-with-task",
      "--written-task-heads",
      "systems",
    ]);
    const column = (model: Record<string, unknown>, cls: string): Map<string, number> => {
      const sentence = unpackSparse(model.sentence as SparseWeights);
      const k = sentence.classes.indexOf(cls);
      expect(k).toBeGreaterThanOrEqual(0);
      const out = new Map<string, number>([["<bias>", sentence.bias[k] ?? 0]]);
      sentence.vocab.forEach((f, i) => {
        const w = sentence.weights[k]?.[i] ?? 0;
        if (w !== 0) out.set(f, w);
      });
      return out;
    };
    expect(column(written, "task:written")).toEqual(column(plain, "task"));
    expect(column(written, "task")).not.toEqual(column(plain, "task"));
    const heads = written.labels as Record<string, { features: string[] }>;
    expect(heads.systems?.features).toContain("x:task:written");
    expect(heads.systems?.features).not.toContain("x:task");
    expect(heads.ambiguity?.features).toContain("x:task");
    expect(heads.ambiguity?.features).not.toContain("x:task:written");
  }, 600_000);
});

describe("npm run train -- --subword (lens36, off by default)", () => {
  it("refuses a spec it cannot read with what it wants, before reading the corpus", () => {
    const r = spawnSync("npx", ["tsx", join(root, "scripts", "train.ts"), "--subword", "four"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^train: --subword wants distinct n-gram lengths .*"four"\.\n$/);
    const columns = spawnSync(
      "npx",
      ["tsx", join(root, "scripts", "train.ts"), "--subword", "5", "--subword-columns", "ambiguty"],
      { cwd: root, encoding: "utf8" },
    );
    expect(columns.status).toBe(2);
    expect(columns.stderr).toMatch(/--subword-columns names sentence tags .*"ambiguty"/);
  }, 120_000);

  it("stores the spec, and only the named column reads the buckets: the others are fitted as without them", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), []);
    const sub = train(join(dir, "corpus"), join(dir, "subword.json"), [
      "--subword",
      "5",
      "--subword-buckets",
      "2048",
      "--subword-columns",
      "ambiguity",
    ]);
    expect(plain.subword).toBeUndefined();
    expect(sub.subword).toEqual({ grams: [5], buckets: 2048, minLength: 5 });
    const column = (model: Record<string, unknown>, cls: string): Map<string, number> => {
      const sentence = unpackSparse(model.sentence as SparseWeights);
      const k = sentence.classes.indexOf(cls);
      const out = new Map<string, number>([["<bias>", sentence.bias[k] ?? 0]]);
      sentence.vocab.forEach((f, i) => {
        const w = sentence.weights[k]?.[i] ?? 0;
        if (w !== 0) out.set(f, w);
      });
      return out;
    };
    const classes = unpackSparse(plain.sentence as SparseWeights).classes;
    for (const cls of classes) {
      if (cls === "ambiguity") continue;
      expect(column(sub, cls), cls).toEqual(column(plain, cls));
    }
    expect([...column(sub, "ambiguity").keys()].some((f) => f.startsWith("g:"))).toBe(true);
  }, 600_000);
});

describe("npm run train -- --task-opening (task44, off by default)", () => {
  it("stores taskOpening and nothing else: the model is the recipe's own plus that field", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), []);
    const opening = train(join(dir, "corpus"), join(dir, "opening.json"), ["--task-opening"]);
    expect(plain.taskOpening).toBeUndefined();
    const { taskOpening, ...rest } = opening;
    expect(taskOpening).toBe(true);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
  }, 600_000);
});

describe("npm run train -- --head-trees (lens47, off by default)", () => {
  it("adds trees to the named heads only: the tagger, the topic and the other heads are the recipe's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-train-"));
    smallCorpus(join(dir, "corpus"));
    const plain = train(join(dir, "corpus"), join(dir, "plain.json"), []);
    const trees = train(join(dir, "corpus"), join(dir, "trees.json"), ["--head-trees", "task,ambiguity"]);
    type Head = { features: string[]; weights: number[][]; bias: number[]; trees?: number[][] };
    const plainHeads = plain.labels as Record<string, Head>;
    const treeHeads = trees.labels as Record<string, Head>;
    for (const part of ["sentence", "topic", "question", "boundary"])
      expect(JSON.stringify(trees[part])).toBe(JSON.stringify(plain[part]));
    for (const [tag, head] of Object.entries(plainHeads)) {
      expect(head.trees).toBeUndefined();
      const { trees: added, ...linear } = treeHeads[tag] as Head;
      expect(JSON.stringify(linear)).toBe(JSON.stringify(head));
      if (tag === "task" || tag === "ambiguity") {
        expect(added?.length ?? 0).toBeGreaterThan(0);
        for (const t of added ?? []) expect(t).toHaveLength(10);
      } else expect(added).toBeUndefined();
    }
  }, 600_000);

  it("refuses a name that is not an answer label, with the labels it takes, before reading the corpus", () => {
    const r = spawnSync("npx", ["tsx", join(root, "scripts", "train.ts"), "--head-trees", "tasks"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^train: --head-trees names answer labels \(situation, task, .*\), not "tasks"; .*\n$/,
    );
  }, 120_000);
});

describe("npm run train -- --head-relative (lens48, off by default)", () => {
  it("refuses a name that is not an answer label, with the labels it takes, before reading the corpus", () => {
    const r = spawnSync("npx", ["tsx", join(root, "scripts", "train.ts"), "--head-relative", "tasks"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^train: --head-relative names answer labels \(situation, task, .*\), not "tasks"; .*\n$/,
    );
  }, 120_000);
});
