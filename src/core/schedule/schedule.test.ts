import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type MemoryState, newMemoryState, parseRating, rateCard, ratingCode, selectDue } from "./index.ts";

const T0 = new Date("2026-01-05T09:00:00Z");
const at = (iso: string) => new Date(iso);

// Known-good intervals of ts-fsrs 5 with its default parameters (retention 0.9, learning
// steps 1m/10m, no fuzz). A change here changes when users see their cards: review it.
describe("rateCard", () => {
  it("schedules a new card by its first rating", () => {
    expect(rateCard(undefined, "again", T0).due).toEqual(at("2026-01-05T09:01:00Z"));
    expect(rateCard(undefined, "hard", T0).due).toEqual(at("2026-01-05T09:06:00Z"));
    expect(rateCard(undefined, "good", T0).due).toEqual(at("2026-01-05T09:10:00Z"));
    const easy = rateCard(undefined, "easy", T0);
    expect(easy.due).toEqual(at("2026-01-13T09:00:00Z"));
    expect(easy.intervalDays).toBe(8);
    expect(easy.state).toMatchObject({ state: 2, reps: 1, lapses: 0 });
    expect(easy.state.stability).toBeCloseTo(8.2956, 3);
  });

  it("grows the interval on repeated good ratings and shrinks it on a lapse", () => {
    const first = rateCard(undefined, "good", T0);
    expect(first.state.state).toBe(1);
    const second = rateCard(first.state, "good", first.due);
    expect(second.intervalDays).toBe(2);
    expect(second.state.state).toBe(2);
    const third = rateCard(second.state, "good", second.due);
    expect(third.intervalDays).toBe(11);
    expect(third.due).toEqual(at("2026-01-18T09:10:00Z"));
    const lapse = rateCard(third.state, "again", third.due);
    expect(lapse.state).toMatchObject({ state: 3, lapses: 1 });
    expect(lapse.due).toEqual(at("2026-01-18T09:20:00Z"));
  });

  it("gives easy twice a two-month interval", () => {
    const easy = rateCard(undefined, "easy", T0);
    expect(rateCard(easy.state, "easy", easy.due).intervalDays).toBe(66);
  });

  it("is deterministic without fuzz and stays near the interval with fuzz", () => {
    const second = rateCard(rateCard(undefined, "easy", T0).state, "easy", at("2026-01-13T09:00:00Z"));
    expect(rateCard(undefined, "easy", T0)).toEqual(rateCard(undefined, "easy", T0));
    const fuzzed = rateCard(second.state, "good", second.due, { enableFuzz: true });
    const plain = rateCard(second.state, "good", second.due);
    expect(Math.abs(fuzzed.intervalDays - plain.intervalDays)).toBeLessThanOrEqual(plain.intervalDays * 0.15);
  });

  it("refuses an invalid clock", () => {
    expect(() => rateCard(undefined, "good", new Date(Number.NaN))).toThrow(/not a valid date/);
  });
});

describe("ratings", () => {
  it("reads names and 1–4 codes, and refuses anything else with the choices", () => {
    expect(parseRating(1)).toBe("again");
    expect(parseRating("Easy")).toBe("easy");
    expect(ratingCode("hard")).toBe(2);
    expect(() => parseRating(5)).toThrow(/again, hard, good or easy/);
    expect(() => parseRating("meh")).toThrow(/again, hard, good or easy/);
  });
});

describe("selectDue", () => {
  const memory = (due: string): MemoryState => ({ ...newMemoryState(at(due)), state: 2, reps: 1 });
  const now = at("2026-02-01T12:00:00Z");

  it("lists overdue cards most overdue first, then never-rated items, and leaves future cards out", () => {
    const due = selectDue(
      [
        { ref: "later", memory: memory("2026-02-03T00:00:00Z") },
        { ref: "new-answer" },
        { ref: "yesterday", memory: memory("2026-01-31T12:00:00Z") },
        { ref: "last-week", memory: memory("2026-01-25T12:00:00Z") },
        { ref: "exactly-now", memory: memory("2026-02-01T12:00:00Z") },
      ],
      now,
    );
    expect(due.map((d) => [d.ref, d.status])).toEqual([
      ["last-week", "overdue"],
      ["yesterday", "overdue"],
      ["exactly-now", "overdue"],
      ["new-answer", "new"],
    ]);
  });

  it("honours a limit and can leave new items out", () => {
    const candidates = [{ ref: 1 }, { ref: 2, memory: memory("2026-01-01T00:00:00Z") }, { ref: 3 }];
    expect(selectDue(candidates, now, { limit: 2 }).map((d) => d.ref)).toEqual([2, 1]);
    expect(selectDue(candidates, now, { includeNew: false }).map((d) => d.ref)).toEqual([2]);
  });
});

it("schedule glue is pure: no Node built-ins, clock or randomness", () => {
  for (const file of ["schedule.ts", "index.ts"]) {
    const code = readFileSync(new URL(file, import.meta.url), "utf8");
    expect(code).not.toMatch(/from ["']node:|\bDate\.now\b|\bnew Date\(|\bMath\.random\b|\bconsole\./);
  }
});
