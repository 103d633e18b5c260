import { describe, expect, it } from "vitest";
import { excessLoss, groupRobust, logLoss, writerBalance, writerCounts, writerOf } from "./writer-weights.ts";

// Three writers of unequal size; copies (`+`, `~`) keep their original's writer.
const ids = [
  ...Array.from({ length: 6 }, (_, i) => `ta-${i}`),
  "ta-0+",
  "ta-1~",
  ...Array.from({ length: 3 }, (_, i) => `tb-${i}`),
  "tl-0",
];
const mean = (weights: ReadonlyMap<string, number>): number =>
  ids.reduce((s, id) => s + (weights.get(writerOf(id)) ?? 0), 0) / ids.length;

describe("writer weights", () => {
  it("counts a copy for its original's writer", () => {
    expect(Object.fromEntries(writerCounts(ids))).toEqual({ ta: 8, tb: 3, tl: 1 });
  });

  it("gives each writer the same total, with a mean weight of 1", () => {
    const w = writerBalance(ids);
    const totals = [...writerCounts(ids)].map(([writer, n]) => (w.get(writer) ?? 0) * n);
    for (const t of totals) expect(t).toBeCloseTo(ids.length / 3, 10);
    expect(mean(w)).toBeCloseTo(1, 10);
    expect(w.get("tl") ?? 0).toBeGreaterThan(w.get("ta") ?? 0);
  });

  it("weighs every answer 1 with power 0, and in between with power ½", () => {
    for (const v of writerBalance(ids, 0).values()) expect(v).toBe(1);
    const half = writerBalance(ids, 0.5);
    expect(mean(half)).toBeCloseTo(1, 10);
    expect((half.get("tl") ?? 0) / (half.get("ta") ?? 1)).toBeCloseTo(Math.sqrt(8), 10);
  });

  it("raises the writers with the larger loss, and keeps the mean at 1", () => {
    const counts = writerCounts(ids);
    const even = new Map([...counts.keys()].map((w) => [w, 1] as const));
    const same = groupRobust(
      even,
      new Map([
        ["ta", 0.2],
        ["tb", 0.2],
        ["tl", 0.2],
      ]),
      5,
      counts,
    );
    for (const v of same.values()) expect(v).toBeCloseTo(1, 10);
    const w = groupRobust(
      even,
      new Map([
        ["ta", 0.1],
        ["tb", 0.3],
        ["tl", 0.2],
      ]),
      5,
      counts,
    );
    expect(mean(w)).toBeCloseTo(1, 10);
    expect((w.get("tb") ?? 0) / (w.get("ta") ?? 1)).toBeCloseTo(Math.exp(5 * 0.2), 10);
    expect((w.get("tl") ?? 0) / (w.get("ta") ?? 1)).toBeCloseTo(Math.exp(5 * 0.1), 10);
  });

  it("multiplies the base weights", () => {
    const counts = writerCounts(ids);
    const base = writerBalance(ids);
    const w = groupRobust(
      base,
      new Map([
        ["ta", 0.1],
        ["tb", 0.1],
        ["tl", 0.1],
      ]),
      3,
      counts,
    );
    for (const [writer, v] of base) expect(w.get(writer)).toBeCloseTo(v, 10);
  });

  it("measures a mean log-loss", () => {
    expect(logLoss([])).toBe(0);
    expect(
      logLoss([
        [0.5, 1],
        [0.5, 0],
      ]),
    ).toBeCloseTo(Math.log(2), 10);
    expect(Number.isFinite(logLoss([[0, 1]]))).toBe(true);
  });

  it("measures the loss beyond a writer's own tag rates", () => {
    // A column read at its own rate costs nothing beyond it; a sharper right reading costs less.
    const rate: Array<readonly [number, number]> = [
      [0.25, 1],
      [0.25, 0],
      [0.25, 0],
      [0.25, 0],
    ];
    expect(excessLoss([rate])).toBeCloseTo(0, 10);
    const sharp: Array<readonly [number, number]> = [
      [0.9, 1],
      [0.1, 0],
      [0.1, 0],
      [0.1, 0],
    ];
    expect(excessLoss([sharp, rate])).toBeLessThan(0);
    expect(excessLoss([sharp, rate])).toBeCloseTo(logLoss(sharp) / 2 - logLoss(rate) / 2, 10);
    expect(excessLoss([])).toBe(0);
  });
});
