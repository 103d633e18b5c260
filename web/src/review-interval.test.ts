import { describe, expect, it } from "vitest";
import { reviewIn } from "./review-interval.ts";

describe("when a rated card comes back, in words", () => {
  it("says one minute, hour or day in the singular, and keeps to the unit that fits", () => {
    // Before: "Rated again. It comes back in 1 minutes." after rating a drill answer "again",
    // a half-day step read "in 720 minutes" and a one-day one "in 1 days".
    expect(reviewIn(1 / 1440)).toBe("in 1 minute");
    expect(reviewIn(10 / 1440)).toBe("in 10 minutes");
    expect(reviewIn(0)).toBe("in 1 minute");
    expect(reviewIn(0.5)).toBe("in 12 hours");
    expect(reviewIn(1 / 24)).toBe("in 1 hour");
    expect(reviewIn(1)).toBe("in 1 day");
    expect(reviewIn(3.4)).toBe("in 3 days");
  });
});
