import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { rateAnswer, startPractice, submitAnswer } from "./practice.ts";
import { whatNext } from "./what-next.ts";

// The "what next" list over a real store, fed by the real importer and the real analyzer.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));
const T0 = new Date("2026-03-02T09:00:00Z");
const DAY = 86_400_000;

describeStores("what next", (getStore) => {
  it("is empty with no bank, and says so", async () => {
    const next = await whatNext(getStore(), "a");
    expect(next).toMatchObject({ hasBank: false, entries: [] });
  });

  it("lists low-scoring answers worst first with why and the first fix, each opening its editor", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const next = await whatNext(store, "a", { now: T0 });
    expect(next.hasBank).toBe(true);
    const low = next.entries.filter((e) => e.kind === "low-score");
    expect(low.length).toBeGreaterThan(0);
    expect(low.map((e) => e.score)).toEqual([...low.map((e) => e.score)].sort());
    for (const entry of low) {
      expect(entry.score).toBeLessThanOrEqual(2);
      expect(entry.target).toEqual({ page: "edit", itemId: entry.itemId });
      expect(entry.reason).toMatch(/First fix: \S/);
      // The fix's own label is not read out after "First fix:" ("First fix: Specifics: back…").
      expect(entry.reason).not.toMatch(/First fix: [A-Z][\w /-]*: /);
    }
    // Nothing rated yet: no card is due, so the list does not nag about the schedule.
    expect(next.entries.some((e) => e.kind === "due")).toBe(false);
    // Follow-ups the answers invite with nothing prepared open the answer's follow-up page.
    const gap = next.entries.find((e) => e.kind === "follow-up-gap");
    expect(gap?.target).toEqual({ page: "followups", itemId: gap?.itemId });
    expect(gap?.reason).toMatch(/nothing is prepared/);
  });

  it.runIf(SEED_RUNS)("quotes the question a follow-up comes after without its own full stop", async () => {
    const store = getStore();
    const seed = seedUpload();
    await importDocument(store, "a", { bytes: seed.bytes, filename: seed.filename });
    const gaps = (await whatNext(store, "a", { now: T0, perKind: 10 })).entries.filter(
      (e) => e.kind === "follow-up-gap",
    );
    // The seed's Q3 ends in a full stop: “…complex technical problem.”
    expect(
      gaps.some((e) => e.reason.includes("“Tell me about a time you solved a complex technical problem”,")),
    ).toBe(true);
    for (const gap of gaps) expect(gap.reason).not.toMatch(/\.”/);
  });

  it("points an off-role answer to the variant that fits the target role, else to re-angling it", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const items = await store.items.listItems("a", { kind: "answer" });
    const variant = (key: string, name: string) =>
      items.find((i) => i.kind === "answer" && i.questionKey === key && i.variant === name)?.id;

    const mlops = await whatNext(store, "a", { role: "mlops-engineer", perKind: 10 });
    const q1 = mlops.entries.find((e) => e.kind === "role-fit" && e.itemId === variant("q1", "core"));
    expect(q1?.target).toMatchObject({ page: "library", itemId: variant("q1", "alternative") });
    expect(q1?.action).toBe("Open the “alternative” variant");

    const research = await whatNext(store, "a", { role: "research-scientist", perKind: 10 });
    const q2 = research.entries.find((e) => e.kind === "role-fit" && e.itemId === variant("q2", "core"));
    expect(q2?.target).toEqual({
      page: "reangle",
      itemId: variant("q2", "core"),
      role: "research-scientist",
    });
    // An answer that fits the role is not on the list.
    expect(
      mlops.entries.some(
        (e) => e.kind === "role-fit" && e.itemId === variant("q5", "Serving / latency focus"),
      ),
    ).toBe(false);
  });

  it("leads with the cards due once a rated answer comes due, one click from practising them", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 1, now: T0 });
    const step = session.current;
    if (!step) throw new Error("no current step");
    await submitAnswer(store, "a", session.id, {
      text: "I rebuilt the export, added a check, and failures fell from eight a month to zero.",
      now: new Date(T0.getTime() + 60_000),
    });
    await rateAnswer(store, "a", session.id, step.id, "good", { now: new Date(T0.getTime() + 70_000) });
    expect((await whatNext(store, "a", { now: new Date(T0.getTime() + 80_000) })).counts.due).toBe(0);
    const later = await whatNext(store, "a", { now: new Date(T0.getTime() + 2 * DAY) });
    expect(later.entries[0]).toMatchObject({
      kind: "due",
      title: "1 card is due",
      target: { page: "practice", from: "due" },
    });
    expect(later.entries[0]?.reason).toContain(step.questionText.slice(0, 30));
    // Another user's bank leads nowhere for this one.
    expect((await whatNext(store, "b")).entries).toEqual([]);
  });
});
