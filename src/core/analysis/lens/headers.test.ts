import { describe, expect, it } from "vitest";
import type { LensModel } from "./model.ts";
import { readAnswer } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Issue 10 (branch `task27`, docs/risk-lens.md "task27"): a model trained with `--header-task`
// reads a note header or a subject-less ask as a kind of its own (`hd:` features), so that the
// `task` column gives it a weight of its own instead of the told obligation forms' weights.
const headers: LensModel = { ...LENS_MODEL, headerTask: true };
const hd = (text: string, model: LensModel = headers): string[][] =>
  readAnswer(text, { story: true }, model).features.map((f) => f.filter((x) => x.startsWith("hd:")).sort());

describe("the header features (--header-task)", () => {
  it("reads a header by its charge noun and whose charge it names", () => {
    const found = hd(
      "- Context: the clinic's queue ran to 40 minutes\n- My job: cut it under 15 before winter\n- Team goal set by the director: more members\n- Brief: a rota nobody fights over",
    );
    expect(found[0]).toEqual(["hd:any+first", "hd:plain"]);
    expect(found[1]).toEqual(["hd:any+first", "hd:charge", "hd:charge+first", "hd:charge+own:mine"]);
    expect(found[2]).toContain("hd:charge+own:other");
    expect(found[3]).toContain("hd:charge+own:bare");
  });

  it("tells a subject-less ask from the speaker asking someone else", () => {
    const found = hd(
      "- Bike docks kept filling up\n- Asked to cut the wasted trips\n- Asked the drivers to log every trip",
    );
    expect(found[1]).toContain("hd:ask");
    expect(found[2]).toContain("hd:ask+obj");
    expect(found[2]).not.toContain("hd:ask");
  });

  it("reads a charge that lands on the speaker and a spoken ask inside a piece", () => {
    expect(hd("Fell to me to sort out the stock count. I counted it twice.")[0]).toContain("hd:landed");
    const spoken = hd("so the website only updated overnight got asked to make it live before the summer")
      .flat()
      .sort();
    expect(spoken).toContain("hd:ask+mid");
    expect(hd("- Landed on the manager's desk as complaints").flat()).toEqual([]);
  });

  it("leaves a sentence with a colon, a participle opening and the told forms alone", () => {
    expect(
      hd("I fixed it: the cache was stale. Given the backlog, I started with the oldest.").flat(),
    ).toEqual([]);
    expect(hd("My manager asked me to look at it. I was asked to cut the queue.").flat()).toEqual([]);
  });

  it("is not read by a model trained without it", () => {
    expect(hd("- My job: cut it under 15 before winter", LENS_MODEL).flat()).toEqual([]);
  });
});
