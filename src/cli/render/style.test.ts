import { describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { colourOn, createStyle } from "./style.ts";

const ESC = "\u001b[";
const pipe = { isTTY: false };
const tty = { isTTY: true };

describe("colour: NO_COLOR, FORCE_COLOR, pipes", () => {
  it("has no escapes in a pipe, and colour on a terminal", () => {
    expect(createStyle(pipe, {}).red("x")).toBe("x");
    expect(createStyle(tty, {}).red("x")).toContain(ESC);
    expect(createStyle(tty, { TERM: "dumb" }).red("x")).toBe("x");
  });

  it("FORCE_COLOR colours a pipe; FORCE_COLOR=0 or false turns a terminal's colour off", () => {
    expect(createStyle(pipe, { FORCE_COLOR: "1" }).red("x")).toContain(ESC);
    expect(createStyle(pipe, { FORCE_COLOR: "" }).red("x")).toContain(ESC);
    expect(createStyle(tty, { FORCE_COLOR: "0" }).red("x")).toBe("x");
    expect(createStyle(tty, { FORCE_COLOR: "false" }).red("x")).toBe("x");
  });

  it("NO_COLOR always wins, over FORCE_COLOR and a terminal; an empty NO_COLOR is unset (no-color.org)", () => {
    expect(colourOn(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colourOn(pipe, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
    expect(colourOn(tty, { NO_COLOR: "1", FORCE_COLOR: "3" })).toBe(false);
    expect(colourOn(tty, { NO_COLOR: "" })).toBe(true);
  });

  it("standard error is styled for itself: a terminal's stdout does not colour a redirected stderr", () => {
    const ctx = createContext({}, { stdout: tty, stderr: pipe });
    expect(ctx.style.red("x")).toContain(ESC);
    expect(ctx.errStyle.red("error:")).toBe("error:");
  });
});
