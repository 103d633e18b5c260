import { expect, it } from "vitest";
import { PLAN_BLANK, PLAN_NOTE, WHY_NOW_BLANK } from "../core/packaging/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { tailorJobDescription } from "./packaging.ts";

// A prep document of our own whose about-me ends on a wish, and a posting of our own: the
// why-company scaffold never offers the wish as evidence nor as the reason for "why now".
const DOCUMENT = `# Interview prep

## Tell me about yourself

I trained as a chemist and spent four years writing lab automation in Python. Over the last two years I built demand forecasts for a bakery chain and ran them every morning. Now → looking for a product team that ships ML every week.
`;

const POSTING = `# ML Engineer — Fernleaf Health

Fernleaf Health builds scheduling software for community clinics.

## Requirements
- Ship ML to a product team every week
- Experience with Python
`;

describeStores("tailor's scaffold and the user's wishes", (getStore) => {
  it("asks why now when the about-me only looks ahead, and never says the wish for an ask", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new TextEncoder().encode(DOCUMENT), filename: "prep.md" });
    const { whyCompany, tailoring } = await tailorJobDescription(store, "a", POSTING, { save: false });
    const now = whyCompany.lines.find((line) => line.beat === "why-now");
    expect(now?.text).toBe(
      `As for why now: looking for a product team that ships ML every week. [${WHY_NOW_BLANK}]`,
    );
    const fits = whyCompany.lines.filter((line) => line.beat === "fit").map((line) => line.text);
    expect(fits.filter((line) => /looking for/.test(line))).toEqual([]);
    // The ask whose only evidence is the wish is said as a gap to write, the wish marked as such.
    const ship = tailoring.requirements.find((r) => r.text === "Ship ML to a product team every week");
    expect(ship?.evidence.map((e) => [e.strength, e.note])).toEqual([["partial", PLAN_NOTE]]);
    expect(fits).toContain(`You need someone to ship ML to a product team every week. [${PLAN_BLANK}]`);
  });
});
