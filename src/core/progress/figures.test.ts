import { describe, expect, it } from "vitest";
import { type ProgressAttempt, progressFigures, sparkline } from "./figures.ts";

const at = (iso: string) => new Date(iso);
const attempt = (
  id: string,
  key: string,
  iso: string,
  score: number,
  extra: Partial<ProgressAttempt> = {},
): ProgressAttempt => ({
  id,
  key,
  question: `Question ${key}`,
  finishedAt: at(iso),
  durationSeconds: 100,
  score,
  budget: { min: 54, max: 90 },
  levels: {
    ambiguity: "present",
    spinning: "absent",
    blame: "absent",
    autonomy: "strong",
    systems: "absent",
  },
  ...extra,
});

describe("progress figures", () => {
  it("counts as practised only the items it counts them of: a follow-up's attempt is not one of them", () => {
    const withFollowUp = progressFigures({
      attempts: [
        attempt("1", "q1", "2026-12-02T09:00:00Z", 2),
        attempt("2", "follow-up:What was your own part in it?", "2026-12-02T09:02:00Z", 4),
      ],
      items: [
        { key: "q1", competency: "about-me" },
        { key: "q2", competency: "conflict" },
      ],
      cardsDue: [],
      now: at("2026-12-02T20:00:00Z"),
    });
    // Before: practised 2 of 2, as if "q2" had been practised.
    expect(withFollowUp.totals).toMatchObject({ attempts: 2, practised: 1, items: 2 });
  });

  const now = at("2026-12-02T20:00:00Z");
  const figures = progressFigures({
    attempts: [
      attempt("3", "q1", "2026-12-02T09:00:00Z", 4),
      attempt("1", "q1", "2026-11-30T09:00:00Z", 2),
      attempt("2", "q2", "2026-12-01T09:00:00Z", 3, {
        levels: { spinning: "strong", systems: "risk", blame: "risk" },
      }),
    ],
    items: [
      { key: "q1", competency: "about-me" },
      { key: "q2", competency: "conflict" },
      { key: "q3", competency: "conflict" },
    ],
    cardsDue: [
      at("2026-11-20T00:00:00Z"),
      at("2026-12-02T23:00:00Z"),
      at("2026-12-05T10:00:00Z"),
      at("2027-03-01T00:00:00Z"),
    ],
    now,
  });

  it("orders attempts in time, with per-answer series and the overall mean of latest scores", () => {
    expect(figures.attempts.map((a) => a.id)).toEqual(["1", "2", "3"]);
    expect(figures.answers.find((a) => a.key === "q1")?.scores.map((s) => s.score)).toEqual([2, 4]);
    // 2 → mean(2, 3) → mean(4, 3)
    expect(figures.overall.map((o) => o.score)).toEqual([2, 2.5, 3.5]);
    expect(figures.totals).toEqual({
      attempts: 3,
      practised: 2,
      items: 3,
      answers: { practised: 2, items: 3 },
      questions: { practised: 0, items: 0 },
      meanScore: 3.5,
    });
  });

  it("counts the risks each answer left open and names the one that keeps coming back", () => {
    const systems = figures.risks.find((r) => r.risk === "systems");
    expect(systems).toMatchObject({ open: 3, of: 3, share: [1, 1, 1] });
    expect(figures.risks.find((r) => r.risk === "blame")).toMatchObject({ open: 1, share: [0, 0.5, 0.33] });
    expect(figures.keepsComingBack).toBe("systems");
    // Each point is dated, so the chart's axis reads as dates like the other charts.
    expect(figures.riskAt).toEqual([
      "2026-11-30T09:00:00.000Z",
      "2026-12-01T09:00:00.000Z",
      "2026-12-02T09:00:00.000Z",
    ]);
  });

  it("gives coverage by competency, cards due for 30 days (overdue today) and the streak", () => {
    expect(figures.coverage).toEqual([
      { competency: "about-me", items: 1, practised: 1, meanScore: 4 },
      { competency: "conflict", items: 2, practised: 1, meanScore: 3 },
    ]);
    expect(figures.due).toHaveLength(30);
    expect(figures.due[0]).toEqual({ date: "2026-12-02", count: 2 });
    expect(figures.due[3]).toEqual({ date: "2026-12-05", count: 1 });
    expect(figures.due.reduce((n, d) => n + d.count, 0)).toBe(3);
    expect(figures.streak).toEqual({ current: 3, longest: 3, today: true });
  });

  it("keeps a streak until the day ends, and counts days where the user lives", () => {
    const yesterday = progressFigures({
      attempts: [attempt("1", "q1", "2026-12-01T22:30:00Z", 3)],
      items: [],
      cardsDue: [],
      now,
    });
    expect(yesterday.streak).toEqual({ current: 1, longest: 1, today: false });
    // At 10:00 UTC on the 2nd, an attempt at 22:30 UTC on the 1st was yesterday in UTC but
    // this morning in Tokyo (07:30 on the 2nd, offset -540).
    const morning = at("2026-12-02T10:00:00Z");
    const input = {
      attempts: [attempt("1", "q1", "2026-12-01T22:30:00Z", 3)],
      items: [],
      cardsDue: [],
      now: morning,
    };
    expect(progressFigures(input).streak.today).toBe(false);
    expect(progressFigures({ ...input, timezoneOffsetMinutes: -540 }).streak.today).toBe(true);
  });

  it("is empty, not broken, for a new user", () => {
    const empty = progressFigures({ attempts: [], items: [], cardsDue: [], now });
    expect(empty.totals).toEqual({
      attempts: 0,
      practised: 0,
      items: 0,
      answers: { practised: 0, items: 0 },
      questions: { practised: 0, items: 0 },
    });
    expect(empty.streak).toEqual({ current: 0, longest: 0, today: false });
    expect(empty.keepsComingBack).toBeUndefined();
    expect(empty.due.every((d) => d.count === 0)).toBe(true);
  });

  it("draws sparklines on a fixed range", () => {
    expect(sparkline([1, 3, 5], { min: 1, max: 5 })).toBe("▁▅█");
    expect(sparkline([])).toBe("");
  });
});
