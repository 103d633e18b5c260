import { describe, expect, it } from "vitest";
import { dayTicks } from "./day-ticks.ts";

const utc = {
  day: (when: Date) =>
    new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" }).format(when),
  time: (when: Date) =>
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(when),
};

describe("the Progress charts' date axis", () => {
  const at = ["2026-12-06T09:05:00Z", "2026-12-06T10:30:00Z", "2026-12-06T11:45:00Z", "2026-12-07T08:00:00Z"];
  const when = (split: number) => at[split - 1];

  it("names each day once and gives the time of a later attempt on the same day", () => {
    // Before: "Dec 6", "Dec 6", "Dec 6", "Dec 7" along the axis.
    expect(dayTicks([1, 2, 3, 4], when, utc)).toEqual(["Dec 6", "10:30", "11:45", "Dec 7"]);
  });

  it("leaves splits between attempts and past the last one blank", () => {
    expect(dayTicks([1, 1.5, 2, 5], when, utc)).toEqual(["Dec 6", "", "10:30", ""]);
  });

  it("names a day again on its first tick when the axis skips attempts", () => {
    expect(dayTicks([2, 4], when, utc)).toEqual(["Dec 6", "Dec 7"]);
  });
});
