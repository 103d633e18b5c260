import { describe, expect, it } from "vitest";
import { canRetry } from "./ErrorMessage.tsx";

describe("ErrorMessage's Try again", () => {
  it("is offered where asking again can succeed, not on a missing document or refused input", () => {
    for (const code of ["NETWORK", "INTERNAL", "IN_USE", "RATE_LIMITED", "HTTP_502", "CLIENT"])
      expect(canRetry(code)).toBe(true);
    for (const code of [
      "NOT_FOUND",
      "BAD_INPUT",
      "TOO_LARGE",
      "UNSUPPORTED_MEDIA_TYPE",
      "USAGE",
      "FORBIDDEN",
    ])
      expect(canRetry(code)).toBe(false);
  });
});
