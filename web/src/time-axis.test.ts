import { describe, expect, test } from "vitest";
import { timeAxis } from "./time-axis.ts";

describe("timeAxis", () => {
  test("the top tick is at or above the budget, and it is a tick", () => {
    // The tour's chart: answers of 40–90 s against a 2:30 budget had its dot above the top tick.
    for (const max of [150, 90, 61, 120, 125, 200, 299, 600, 1000, 7300]) {
      const { top, ticks } = timeAxis(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-1)).toBe(top);
      expect(ticks[0]).toBe(0);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
    expect(timeAxis(150)).toEqual({ top: 150, ticks: [0, 30, 60, 90, 120, 150] });
  });

  test("a short chart still spans a minute", () => {
    expect(timeAxis(12).top).toBe(60);
    expect(timeAxis(Number.NaN).top).toBe(60);
  });
});
