import { describe, expect, it } from "vitest";
import { denseProbability } from "../src/core/analysis/lens/model.ts";
import {
  boostTrees,
  crossFeatureNames,
  fitBinaryHeads,
  fitDense,
  headDrop,
  headFeatureNames,
  headNor,
  pickSameKindThreshold,
  pickTranscriptThreshold,
  prune,
  readingThreshold,
  relativeFeatureName,
  replaceColumn,
  subwordSpec,
  transcriptThreshold,
  WRITTEN_TASK,
} from "./lens-fit.ts";

// Two samples with their own feature each; the second is a negative of the one class.
const samples = [{ features: ["a"] }, { features: ["b"] }];
const targets = [[1], [0]];
const options = { vocab: ["a", "b"], epochs: 20, l2: 1e-3, rate: 0.1, seed: 3, maxWeight: 4 };

describe("fitBinaryHeads sample weights", () => {
  it("a sample of weight 0 teaches nothing: its own feature keeps weight 0", () => {
    const fit = fitBinaryHeads(samples, targets, ["k"], { ...options, sampleWeights: [1, 0] });
    expect(fit.weights[0]?.[1]).toBe(0);
    expect(fit.weights[0]?.[0] ?? 0).toBeGreaterThan(0);
  });

  it("on a feature two samples share, the half-weight sample pulls less", () => {
    // AdaGrad divides each step by the feature's own gradient history, so a weight only rescales
    // a sample's pull against the other samples of the features it shares with them.
    const shared = [{ features: ["a", "s"] }, { features: ["b", "s"] }];
    const opts = { ...options, vocab: ["a", "b", "s"] };
    const full = fitBinaryHeads(shared, targets, ["k"], opts);
    const half = fitBinaryHeads(shared, targets, ["k"], { ...opts, sampleWeights: [1, 0.5] });
    expect(half.weights[0]?.[2] ?? 0).toBeGreaterThan((full.weights[0]?.[2] ?? 0) + 0.05);
  });

  it("weights of 1 give exactly the unweighted fit", () => {
    const plain = fitBinaryHeads(samples, targets, ["k"], options);
    const ones = fitBinaryHeads(samples, targets, ["k"], { ...options, sampleWeights: [1, 1] });
    expect(ones).toEqual(plain);
  });

  it("a class weight of 0 leaves that class untouched by the sample, the other class not", () => {
    const two = [
      [1, 1],
      [0, 0],
    ];
    const fit = fitBinaryHeads(samples, two, ["k", "j"], {
      ...options,
      classWeights: [
        [1, 1],
        [0, 1],
      ],
    });
    expect(fit.weights[0]?.[1]).toBe(0);
    expect(fit.weights[1]?.[1] ?? 0).toBeLessThan(0);
  });
});

describe("pickSameKindThreshold (the same-kind off-topic threshold)", () => {
  it("keeps never flagging (1) when a lower threshold gains less than the margin", () => {
    // The candidates of docs/lab/risk-lens-lab.md part 2 moved from 1 to 0.95 on such a small gain.
    const curve = [
      { t: 0.8, rho: 0.884 },
      { t: 0.9, rho: 0.886 },
      { t: 0.95, rho: 0.889 },
      { t: 1, rho: 0.886 },
    ];
    expect(pickSameKindThreshold(curve, 0.01)).toBe(1);
    expect(pickSameKindThreshold(curve, 0)).toBe(0.95);
  });

  it("takes a lower threshold that pays clearly, the higher one of a tie", () => {
    const curve = [
      { t: 0.85, rho: 0.91 },
      { t: 0.9, rho: 0.91 },
      { t: 0.95, rho: 0.9 },
      { t: 1, rho: 0.88 },
    ];
    expect(pickSameKindThreshold(curve, 0.01)).toBe(0.9);
  });
});

describe("pickTranscriptThreshold (the boundary threshold used on spoken text)", () => {
  const grid = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];
  // Written answers turned into transcripts: nearly flat, a little better low.
  const transcripts = [0.88, 0.89, 0.89, 0.89, 0.88, 0.88, 0.88, 0.88, 0.88, 0.88, 0.88];
  // Answers written as speech, a smaller kind: clearly better around 0.5.
  const spoken = [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.86, 0.86, 0.86, 0.8, 0.8];

  it("the spoken-register answers count as much as the transcripts, whatever their number", () => {
    expect(pickTranscriptThreshold(grid, [transcripts], 0.2, 0.6).t).toBe(0.25);
    const both = pickTranscriptThreshold(grid, [transcripts, spoken], 0.2, 0.6);
    expect(both.t).toBe(0.5);
    expect(both.score).toBeCloseTo(0.87, 9);
    expect(both.mean[0]).toBeCloseTo(0.84, 9);
  });

  it("smooths each point with its neighbours, keeps to the range and breaks ties upwards", () => {
    // A lone peak at 0.35 loses to a broad shoulder at 0.55 once smoothed.
    const spike = [0.8, 0.8, 0.8, 0.8, 0.9, 0.8, 0.8, 0.84, 0.84, 0.84, 0.8];
    expect(pickTranscriptThreshold(grid, [spike], 0.2, 0.6).t).toBe(0.55);
    const flat = grid.map(() => 0.85);
    expect(pickTranscriptThreshold(grid, [flat], 0.2, 0.6).t).toBe(0.6);
    expect(pickTranscriptThreshold(grid, [flat], 0.2, 0.4).t).toBe(0.4);
  });
});

describe("readingThreshold (npm run train -- --reading-threshold T)", () => {
  it("absent, the training answers keep the sentence-start F1 pick", () => {
    expect(readingThreshold(undefined)).toBeUndefined();
  });

  it("reads a cut strictly between 0 and 1", () => {
    expect(readingThreshold("0.25")).toBe(0.25);
    expect(readingThreshold("0.6")).toBe(0.6);
  });

  it("refuses a value that would never or always cut, or is not a number", () => {
    for (const bad of ["0", "1", "-0.2", "25", "", "x", "NaN"]) {
      expect(() => readingThreshold(bad)).toThrow(/reading-threshold/);
    }
  });
});

describe("headNor (npm run train -- --head-nor KIND[:tag,tag])", () => {
  const tags = ["task", "action", "ambiguity"];

  it("absent, the committed choice: the task head reads per run of text", () => {
    expect([...headNor(undefined, tags)]).toEqual([["task", "unit"]]);
  });

  it("names the heads that read the aggregate, every head without a list", () => {
    expect([...headNor("norw:task", tags)]).toEqual([["task", "norw"]]);
    expect([...headNor("nor2:task,ambiguity", tags)]).toEqual([
      ["task", "nor2"],
      ["ambiguity", "nor2"],
    ]);
    expect([...headNor("norw", tags).keys()]).toEqual(tags);
    expect([...headNor("nor", tags).values()]).toEqual(["nor", "nor", "nor"]);
  });

  it("refuses an unknown aggregate or head", () => {
    for (const bad of ["nor3", "max:task", "norw:tasks", "norw:", ""]) {
      expect(() => headNor(bad, tags)).toThrow(/head-nor/);
    }
  });

  it("puts the aggregates in place of the ones that grow with pieces, nothing else", () => {
    const base = ["max", "second", "nor", "words"];
    expect(headFeatureNames(base, undefined)).toEqual(base);
    expect(headFeatureNames(base, "nor")).toEqual(base);
    expect(headFeatureNames(base, "nor2")).toEqual(["max", "second", "nor2", "words"]);
    expect(headFeatureNames(base, "norw")).toEqual(["max", "second", "norw", "words"]);
    expect(headFeatureNames(base, "unit")).toEqual(["maxw", "second", "norw", "words"]);
  });
});

describe("headDrop (npm run train -- --head-drop TAG:f1,f2)", () => {
  const tags = ["task", "autonomy"];

  it("absent, the committed choice: the autonomy head reads no answer-shape feature", () => {
    expect([...headDrop(undefined, tags)]).toEqual([["autonomy", new Set(["words", "iShare", "weShare"])]]);
  });

  it("none: no head drops a feature (the recipe before gen22)", () => {
    expect(headDrop("none", tags).size).toBe(0);
  });

  it("names each head's dropped features", () => {
    const drops = headDrop("autonomy:words,iShare,weShare;task:words", tags);
    expect([...(drops.get("autonomy") ?? [])]).toEqual(["words", "iShare", "weShare"]);
    expect([...(drops.get("task") ?? [])]).toEqual(["words"]);
  });

  it("refuses an unknown head or an empty list", () => {
    for (const bad of ["autonomyy:words", "autonomy:", "autonomy"]) {
      expect(() => headDrop(bad, tags)).toThrow(/head-drop/);
    }
  });
});

describe("crossFeatureNames (npm run train -- --heads-without-task)", () => {
  const tags = ["situation", "task", "action", "ambiguity", "autonomy", "systems"];
  const signals = ["ambiguity", "autonomy", "systems"];

  it("off by default: the story signals read every other tag's strongest sentence, task included", () => {
    expect(crossFeatureNames("systems", tags, signals)).toEqual([
      "x:situation",
      "x:task",
      "x:action",
      "x:ambiguity",
      "x:autonomy",
    ]);
  });

  it("with the option, the story signals leave out x:task and nothing else; other heads read none", () => {
    for (const tag of signals) {
      const off = crossFeatureNames(tag, tags, signals, true);
      expect(off).not.toContain("x:task");
      expect(off).toEqual(crossFeatureNames(tag, tags, signals).filter((f) => f !== "x:task"));
    }
    expect(crossFeatureNames("task", tags, signals, true)).toEqual([]);
    expect(crossFeatureNames("action", tags, signals)).toEqual([]);
  });

  it("--written-task-heads: a named head reads the written task column in x:task's place, the others as before", () => {
    const written = crossFeatureNames("systems", tags, signals, true, ["systems"]);
    expect(written).toEqual(
      crossFeatureNames("systems", tags, signals).map((f) => (f === "x:task" ? `x:${WRITTEN_TASK}` : f)),
    );
    expect(crossFeatureNames("systems", tags, signals, false, ["systems"])).toEqual(written);
    expect(crossFeatureNames("ambiguity", tags, signals, true, ["systems"])).not.toContain("x:task");
    expect(crossFeatureNames("ambiguity", tags, signals, true, ["systems"])).not.toContain(
      `x:${WRITTEN_TASK}`,
    );
    expect(crossFeatureNames("ambiguity", tags, signals, false, ["systems"])).toContain("x:task");
    expect(crossFeatureNames("task", tags, signals, true, ["task"])).toEqual([]);
  });
});

describe("fitBinaryHeads features kept per class (--probing)", () => {
  it("a class that may not read a feature keeps it at 0 and fits its other weights as without it", () => {
    const withExtra = [{ features: ["a", "x"] }, { features: ["b"] }];
    const two = [
      [1, 1],
      [0, 0],
    ];
    const opts = { ...options, vocab: ["a", "b", "x"] };
    const masked = fitBinaryHeads(withExtra, two, ["k", "m"], {
      ...opts,
      keepFeature: (cls, f) => cls === "m" || f !== "x",
    });
    const without = fitBinaryHeads(samples, two, ["k", "m"], options);
    // Class k never reads x: weight 0, and its a and b weights are those of the fit without x.
    expect(masked.weights[0]?.[2]).toBe(0);
    expect([masked.weights[0]?.[0], masked.weights[0]?.[1]]).toEqual(without.weights[0]);
    expect(masked.bias[0]).toBe(without.bias[0]);
    // Class m reads it.
    expect(masked.weights[1]?.[2] ?? 0).toBeGreaterThan(0);
  });
});

describe("a tagger column fitted alone (npm run train -- --lesson-alone)", () => {
  // Six sentences over four features, three columns; the middle one is refitted alone.
  const rows = [["a", "s"], ["b"], ["a", "c"], ["c", "s"], ["b", "s"], ["a"]].map((features) => ({
    features,
  }));
  const three = [
    [1, 0, 1],
    [0, 1, 0],
    [1, 1, 0],
    [0, 0, 1],
    [0, 1, 1],
    [1, 0, 0],
  ];
  const opts = { vocab: ["a", "b", "c", "s"], epochs: 15, l2: 1e-3, rate: 0.1, seed: 7, maxWeight: 4 };
  const keepFeature = (cls: string, f: string) => cls !== "y" || f !== "c";

  it("on the same sentences, a one-class fit is the joint fit's column to the byte", () => {
    const joint = fitBinaryHeads(rows, three, ["x", "y", "z"], { ...opts, keepFeature });
    const alone = fitBinaryHeads(
      rows,
      three.map((t) => [t[1] ?? 0]),
      ["y"],
      { ...opts, keepFeature, classWeights: rows.map(() => [1]) },
    );
    expect(alone.weights[0]).toEqual(joint.weights[1]);
    expect(alone.bias[0]).toBe(joint.bias[1]);
  });

  it("replaceColumn puts the new column in the class's place and keeps the old one last, other rows untouched", () => {
    const joint = prune(fitBinaryHeads(rows, three, ["x", "y", "z"], opts), 0.01);
    const more = [...rows, { features: ["d", "b"] }, { features: ["d"] }];
    const alone = prune(
      fitBinaryHeads(more, [...three.map((t) => [t[1] ?? 0]), [1], [0]], ["y"], {
        ...opts,
        vocab: ["a", "b", "c", "d", "s"],
      }),
      0.01,
    );
    const merged = replaceColumn(joint, "y", alone, "y:written");
    expect(merged.classes).toEqual(["x", "y", "z", "y:written"]);
    expect(merged.vocab).toEqual(["a", "b", "c", "d", "s"]);
    const at = (m: typeof merged, k: number) =>
      Object.fromEntries(m.vocab.map((f, i) => [f, m.weights[k]?.[i]]));
    for (const f of joint.vocab) {
      expect(at(merged, 0)[f]).toBe(at(joint, 0)[f]);
      expect(at(merged, 2)[f]).toBe(at(joint, 2)[f]);
      expect(at(merged, 3)[f]).toBe(at(joint, 1)[f]);
    }
    expect(at(merged, 0).d).toBe(0);
    expect(at(merged, 1)).toEqual(at(alone, 0));
    expect(merged.bias).toEqual([joint.bias[0], alone.bias[0], joint.bias[2], joint.bias[1]]);
  });
});

describe("transcriptThreshold (npm run train -- --transcript-threshold T)", () => {
  it("absent, the threshold in use is the criterion's pick", () => {
    expect(transcriptThreshold(undefined)).toBeUndefined();
  });

  it("holds a cut strictly between 0 and 1 and names its own option when refusing", () => {
    expect(transcriptThreshold("0.35")).toBe(0.35);
    for (const bad of ["0", "1", "", "x"]) {
      expect(() => transcriptThreshold(bad)).toThrow(/--transcript-threshold/);
    }
  });
});

describe("subwordSpec (--subword, --subword-buckets, --subword-min)", () => {
  it("is undefined without --subword: the committed recipe", () => {
    expect(subwordSpec(undefined, undefined, undefined)).toBeUndefined();
  });

  it("reads the lengths, the budget and the shortest lemma, with defaults", () => {
    expect(subwordSpec("5,4", undefined, undefined)).toEqual({ grams: [4, 5], buckets: 4096, minLength: 5 });
    expect(subwordSpec("5", "2048", "6")).toEqual({ grams: [5], buckets: 2048, minLength: 6 });
  });

  it("refuses what it cannot read, naming the option and what it wants", () => {
    expect(() => subwordSpec("four", undefined, undefined)).toThrow(/--subword wants .*"four"/);
    expect(() => subwordSpec("1,4", undefined, undefined)).toThrow(/from 2 to 8/);
    expect(() => subwordSpec("4,4", undefined, undefined)).toThrow(/distinct/);
    expect(() => subwordSpec("4", "10", undefined)).toThrow(/--subword-buckets .*"10"/);
    expect(() => subwordSpec("4", undefined, "0")).toThrow(/--subword-min .*"0"/);
    expect(() => subwordSpec(undefined, "4096", undefined)).toThrow(/need --subword/);
  });
});

describe("boostTrees (lens47, --head-trees)", () => {
  // Two halves that count only together: the label is there when both a and b are high. A
  // logistic head over a and b adds their evidence, so one high half alone is read as half way.
  const rows: Array<Record<string, number>> = [];
  const targets: number[] = [];
  for (let i = 0; i < 400; i += 1) {
    const a = (i % 20) / 19;
    const b = (Math.floor(i / 20) % 20) / 19;
    rows.push({ a, b });
    targets.push(a > 0.5 && b > 0.5 ? 1 : 0);
  }
  const linear = fitDense(rows, targets, ["a", "b"], {
    kind: "logistic",
    l2: 1e-3,
    iterations: 1500,
    rate: 0.5,
  });
  const logit = (r: Record<string, number>): number =>
    (linear.bias[0] ?? 0) +
    (linear.weights[0] ?? []).reduce((s, w, j) => s + w * (r[["a", "b"][j] ?? ""] ?? 0), 0);
  const trees = boostTrees(rows, targets, ["a", "b"], rows.map(logit));
  const head = { ...linear, trees };

  it("learns what two features say together, which the logistic head alone cannot", () => {
    const lone = { a: 1, b: 0 };
    const both = { a: 1, b: 1 };
    expect(denseProbability(head, lone)).toBeLessThan(denseProbability(linear, lone));
    expect(denseProbability(head, lone)).toBeLessThan(0.2);
    expect(denseProbability(head, both)).toBeGreaterThan(0.8);
    const errors = (w: typeof linear): number =>
      rows.filter((r, i) => (denseProbability(w, r) >= 0.5 ? 1 : 0) !== targets[i]).length;
    expect(errors(head)).toBeLessThan(errors(linear));
  });

  it("is deterministic, stores ten numbers a tree, and a head without trees reads as before", () => {
    expect(boostTrees(rows, targets, ["a", "b"], rows.map(logit))).toEqual(trees);
    expect(trees).toHaveLength(40);
    for (const t of trees) expect(t).toHaveLength(10);
    expect(denseProbability({ ...linear, trees: [] }, { a: 0.3, b: 0.7 })).toBe(
      denseProbability(linear, { a: 0.3, b: 0.7 }),
    );
  });

  it("keeps a split only with enough weight on each side: too few rows give no tree", () => {
    expect(
      boostTrees(rows.slice(0, 40), targets.slice(0, 40), ["a", "b"], new Array(40).fill(0), {
        minWeight: 30,
      }),
    ).toEqual([]);
  });
});

describe("relativeFeatureName (lens48, --head-relative)", () => {
  it("names the logit readings less the answer's tag level and leaves every other reading", () => {
    expect(["max", "maxw", "second", "nonstoryMax", "action", "result"].map(relativeFeatureName)).toEqual([
      "c:max",
      "c:maxw",
      "c:second",
      "c:nonstoryMax",
      "c:action",
      "c:result",
    ]);
    expect(relativeFeatureName("x:action")).toBe("c:x:action");
    expect(relativeFeatureName("x:task:written")).toBe("c:x:task:written");
    for (const f of ["nor", "nor2", "norw", "words", "nonstory", "iShare", "weShare", "u:unknown"])
      expect(relativeFeatureName(f)).toBe(f);
  });
});
