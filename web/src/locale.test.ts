import { describe, expect, test } from "vitest";
import { usableLanguage } from "./locale.ts";

describe("usableLanguage", () => {
  test("keeps a tag Intl accepts", () => {
    expect(usableLanguage("de-CH")).toBe("de-CH");
    expect(usableLanguage("fr")).toBe("fr");
  });

  test("drops the POSIX suffix Chromium adds under LANG=C", () => {
    expect(usableLanguage("en-US@posix")).toBe("en-US");
    expect(() => new Intl.NumberFormat(usableLanguage("en-US@posix"))).not.toThrow();
  });

  test("falls back to en-US for what is no language tag at all", () => {
    expect(usableLanguage("C")).toBe("en-US");
    expect(usableLanguage("")).toBe("en-US");
    expect(usableLanguage(undefined)).toBe("en-US");
  });
});
