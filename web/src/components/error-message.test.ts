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

describe("ErrorMessage's code", () => {
  it("keeps the message in sight and folds the code away under Technical details", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { ErrorMessage } = await import("./ErrorMessage.tsx");
    const html = renderToStaticMarkup(
      createElement(ErrorMessage, {
        title: "That didn't import",
        error: { code: "BAD_INPUT", message: "The file is empty: choose a file with your prep notes in it." },
      }),
    );
    expect(html).toContain("<p>The file is empty: choose a file with your prep notes in it.</p>");
    // Before: "Error code BAD_INPUT" in small print in a <p>, always shown.
    expect(html).toMatch(
      /<details class="callout-code"><summary>Technical details<\/summary>Error code <code>BAD_INPUT<\/code><\/details>/,
    );
  });
});
