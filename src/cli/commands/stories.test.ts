import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../../test/seed.ts";
import { importDocument } from "../../app/bank.ts";
import type { Store } from "../../store/index.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand as runWith } from "../test-cli.ts";
import { registerComposeCommand } from "./compose.ts";
import { registerCoverageCommand } from "./coverage.ts";
import { registerAddVariantCommand } from "./edit.ts";
import { registerFollowUpsCommand } from "./followups.ts";
import { registerMatchCommand } from "./match.ts";
import { registerReangleCommand } from "./reangle.ts";
import { registerStoriesCommand } from "./stories.ts";
import { registerTailorCommand } from "./tailor.ts";

// `derisk stories` and the packaging commands on the bank: in-process, over a real store.
const ALL = [
  registerStoriesCommand,
  registerComposeCommand,
  registerReangleCommand,
  registerFollowUpsCommand,
  registerMatchCommand,
  registerCoverageCommand,
  registerTailorCommand,
  registerAddVariantCommand,
];
const runCommand = (store: Store, argv: string[], stdin = "") => runWith(ALL, argv, { store, stdin });

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));

let dir: string;
let postingPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "derisk-stories-"));
  postingPath = join(dir, "posting.md");
  writeFileSync(
    postingPath,
    "# ML Engineer\nAcme\n\n## Requirements\n- Experience with Spark and data pipelines\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStores("derisk stories and packaging on the bank", (getStore) => {
  async function importSample() {
    const store = getStore();
    const result = await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const items = await store.items.listItems("a", { documentId: result.documentId ?? "" });
    return (key: string) => items.find((i) => i.key === key)?.id ?? "";
  }

  it("names the document it drew from, and says what to do when the latest one has no answers", async () => {
    const store = getStore();
    await importSample();
    await importDocument(store, "a", {
      bytes: new TextEncoder().encode("ask about on-call\n"),
      filename: "notes.txt",
    });
    const drawn = await runCommand(store, ["stories", "from-document"]);
    expect(drawn.code).toBe(0);
    expect(drawn.out).toMatch(
      /^From “Notes” \([0-9a-f]{8}\), your most recently updated document:\n0 new stories/,
    );
    expect(drawn.out).toContain(
      "It has no answers to draw stories from. Name another document: derisk stories from-document ID (derisk list shows both).",
    );
  });

  it("draws from the user's own latest document, not the sample imported after it", async () => {
    const store = getStore();
    // A line above the sample's heading: the user's own document, not the sample.
    const own = new TextEncoder().encode(`My notes.\n\n${new TextDecoder().decode(sample)}\n`);
    const mine = await importDocument(store, "a", { bytes: own, filename: "my-prep.md" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await importSample();
    const drawn = await runCommand(store, ["stories", "from-document", "--json"]);
    // Before: the sample (the latest) was drawn from, giving stories match and tailor then leave out.
    expect(JSON.parse(drawn.out)).toMatchObject({ documentId: mine.documentId });
    expect(JSON.parse(drawn.out).created).toHaveLength(4);
    const text = await runCommand(store, ["stories", "from-document"]);
    expect(text.out).toMatch(
      /^From “My prep” \([0-9a-f]{8}\), your most recently updated document \(the sample left aside\):\n0 new stories, 4 already converted/,
    );
  });

  it("match says the stories there were drawn from the sample, never that there are none", async () => {
    const store = getStore();
    await importSample();
    expect((await runCommand(store, ["stories", "from-document"])).out).toMatch(/4 new stories/);
    await importDocument(store, "a", {
      bytes: new TextEncoder().encode("ask about on-call\n"),
      filename: "notes.txt",
    });
    const matched = await runCommand(store, ["match", "Tell me about a time you made a mistake"]);
    expect(matched.code).toBe(0);
    // Before: "No stories in your bank yet", with `derisk stories list` showing four.
    expect(matched.out).not.toMatch(/No stories in your bank yet/);
    expect(matched.out).toContain(
      "All 4 stories in your bank were drawn from the sample document, which is not used as your evidence once you have your own: derisk stories from-document turns your own answers into stories.",
    );
  });

  it("draws stories from the latest document, lists, shows and deletes them", async () => {
    const store = getStore();
    const empty = await runCommand(store, ["stories"]);
    expect(empty.out).toMatch(/No stories in your bank yet/);
    await importSample();

    const drawn = await runCommand(store, ["stories", "from-document"]);
    expect(drawn.code).toBe(0);
    expect(drawn.out).toMatch(
      /^From “Interview prep — Ines Carvalho” \([0-9a-f]{8}\), your most recently updated document:\n4 new stories, 0 already converted, 3 skipped/,
    );
    expect(drawn.out).toMatch(
      /skipped Q1 · alternative “Tell me about yourself” \[[0-9a-f]{8}\]: an outline/,
    );
    // Named as the user knows them, never by derisk's internal keys.
    expect(drawn.out).not.toMatch(/\bq\d+\/\w/);
    const again = JSON.parse((await runCommand(store, ["stories", "from-document", "--json"])).out);
    expect(again).toMatchObject({ created: [], existing: expect.any(Array) });
    expect(again.existing).toHaveLength(4);

    const { stories } = JSON.parse((await runCommand(store, ["stories", "list", "--json"])).out);
    expect(stories).toHaveLength(4);
    // Each titled by what happened, the question it answers beside it (before: titled by the
    // question, the three mistake stories alike).
    expect(new Set(stories.map((s: { title: string }) => s.title)).size).toBe(4);
    const q3 = stories.find((s: { question?: string }) => /technical problem/.test(s.question ?? ""));
    expect(q3.title).toBe("Set out to detect drift automatically");
    const shown = await runCommand(store, ["stories", "show", q3.id]);
    expect(shown.out).toMatch(/^Set out to detect drift automatically\n/);
    expect(shown.out).toMatch(
      /\ndrawn from answer [0-9a-f]{8} to “Tell me about a difficult technical problem you solved\.”\n/,
    );
    expect(shown.out).toMatch(/\nActions\n1\. /);
    expect(shown.out).toMatch(/competencies: technical-challenge/);

    expect((await runCommand(store, ["stories", "delete", q3.id])).out).toBe(`deleted ${q3.id.slice(0, 8)}`);
    const gone = await runCommand(store, ["stories", "show", q3.id]);
    expect(gone).toMatchObject({ code: 2, error: expect.stringMatching(/No story with id/) });
  });

  it("names each story's document in stories list and match when the bank holds more than one", async () => {
    const store = getStore();
    // Two documents of the user's own (the sample would be left out of match).
    // A line above the sample's `# heading`: each copy is named after its file.
    const copy = (line: string) =>
      new TextEncoder().encode(`${line}\n\n${new TextDecoder().decode(sample)}\n`);
    const first = await importDocument(store, "a", { bytes: copy("A first copy."), filename: "my-prep.md" });
    expect((await runCommand(store, ["stories", "from-document"])).code).toBe(0);
    // One document: its title would say nothing.
    expect((await runCommand(store, ["stories", "list"])).out).not.toMatch(/from “/);
    expect((await runCommand(store, ["match", "Tell me about a time you made a mistake"])).out).not.toMatch(
      /from “/,
    );

    // The same answers again: two stories with each title, told apart by their document only.
    const second = await importDocument(store, "a", {
      bytes: copy("A second copy."),
      filename: "second-round-prep-for-the-platform-team-at-acme.md",
    });
    expect(second.documentId).not.toBe(first.documentId);
    expect((await runCommand(store, ["stories", "from-document", second.documentId ?? ""])).code).toBe(0);

    const listed = (await runCommand(store, ["stories", "list"])).out.split("\n");
    // The mistake stories of the core variant: titled by what happened, the question beneath.
    const mistakes = listed.flatMap((line, i) =>
      /^[0-9a-f]{8} {2}Migration of the calibration pipeline to Spark$/.test(line)
        ? [listed[i + 1], listed[i + 2]]
        : [],
    );
    expect(
      mistakes.filter((line) =>
        /^ {4}answers “Tell me about a time you made a mistake and how you handled it\.”$/.test(line ?? ""),
      ),
    ).toHaveLength(2);
    expect(mistakes).toHaveLength(4);
    expect(mistakes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {4}from “My prep” · /),
        // Cut after a whole word at 40 characters.
        expect.stringMatching(/^ {4}from “Second round prep for the platform team…” · /),
      ]),
    );
    const matched = (await runCommand(store, ["match", "Tell me about a time you made a mistake"])).out;
    expect(matched).toMatch(
      /Migration of the calibration pipeline to Spark \([0-9a-f]{8} · from “My prep”\)/,
    );
    expect(matched).toMatch(
      /Migration of the calibration pipeline to Spark \([0-9a-f]{8} · from “Second round prep for the platform team…”\)/,
    );
  });

  it("draws one story from an answer, once, and refuses a follow-up", async () => {
    const store = getStore();
    const byKey = await importSample();
    const first = await runCommand(store, ["stories", "from-answer", byKey("q5/core")]);
    // Titled by what happened, not by its question (every mistake variant would read alike).
    expect(first.out).toMatch(/^created [0-9a-f-]+ {2}Migration of the calibration pipeline to Spark$/);
    const second = JSON.parse(
      (await runCommand(store, ["stories", "from-answer", byKey("q5/core"), "--json"])).out,
    );
    expect(second.created).toBe(false);
    const followUp = await runCommand(store, ["stories", "from-answer", byKey("q1/follow-up-1")]);
    expect(followUp).toMatchObject({ code: 2, error: expect.stringMatching(/not an answer/) });
  });

  it("composes from --story ID with the profile's budget", async () => {
    const store = getStore();
    const byKey = await importSample();
    await store.profiles.upsertProfile("a", { budgets: { answer: 40 } });
    const { story } = JSON.parse(
      (await runCommand(store, ["stories", "from-answer", byKey("q3/core"), "--json"])).out,
    );
    const draft = JSON.parse(
      (
        await runCommand(store, [
          "compose",
          "--story",
          story.id,
          "-q",
          "Tell me about a hard problem",
          "--json",
        ])
      ).out,
    );
    expect(draft).toMatchObject({ storyId: story.id, budgetSeconds: 40 });
    const text = await runCommand(store, [
      "compose",
      "--story",
      story.id,
      "-q",
      "Tell me about a hard problem",
    ]);
    expect(text.out).toMatch(
      /^Draft from "Set out to detect drift automatically" — \d+ words, ≈ (?:\d+ min(?: \d+ s)?|\d+ s) of 40 s/,
    );
    const missing = await runCommand(store, ["compose", "--story", "no-such-story", "-q", "q"]);
    expect(missing).toMatchObject({
      code: 2,
      error: expect.stringMatching(/No story with id no-such-story/),
    });
  });

  it("re-angles and predicts follow-ups for --answer ID", async () => {
    const store = getStore();
    const byKey = await importSample();
    const reangled = JSON.parse(
      (await runCommand(store, ["reangle", "--answer", byKey("q3/core"), "--role", "ml-engineer", "--json"]))
        .out,
    );
    expect(reangled).toMatchObject({
      itemId: byKey("q3/core"),
      question: expect.stringMatching(/technical problem/),
    });
    const followUps = await runCommand(store, [
      "followups",
      "--answer",
      byKey("q1/core"),
      "--role",
      "ml-engineer",
    ]);
    expect(followUps.out).toMatch(/What's your experience with Python\?/);
    expect(followUps.out).toMatch(/gap: nothing prepared yet/);
    // The sample's prepared "which projects" answer is a line and a list: quoted on one line,
    // nothing starts at the margin outside the headings and the bullets.
    expect(followUps.out).toMatch(/prepared: “Pick two of these: Drift monitor/);
    for (const line of followUps.out.split("\n")) {
      if (line === "" || /^(?:Likely follow-ups|Concerns) \(\d+\)$/.test(line)) continue;
      expect(line).toMatch(/^(?:• |! | {2})/);
    }
    const json = JSON.parse(
      (await runCommand(store, ["followups", "--answer", byKey("q1/core"), "--json"])).out,
    );
    expect(json.itemId).toBe(byKey("q1/core"));
    const both = await runCommand(store, [
      "reangle",
      "x.md",
      "--answer",
      byKey("q3/core"),
      "--role",
      "ml-engineer",
    ]);
    expect(both).toMatchObject({ code: 1, error: expect.stringMatching(/not both/) });
    const neither = await runCommand(store, ["followups"]);
    expect(neither).toMatchObject({ code: 1, error: expect.stringMatching(/--answer ID/) });
  });

  it("saves a re-angle as a variant of its question, and a composed draft through --text and add-variant", async () => {
    const store = getStore();
    const byKey = await importSample();
    const answers = async () =>
      (await store.items.listItems("a", { kind: "answer" })).flatMap((i) => (i.kind === "answer" ? [i] : []));
    // Re-angled for the role it was written for, nothing is trimmed: a copy is not saved, and it says why.
    const count = (await answers()).length;
    const copy = await runCommand(store, [
      "reangle",
      "--answer",
      byKey("q3/core"),
      "--role",
      "ml-engineer",
      "--save",
      "ML engineer",
    ]);
    expect(copy).toMatchObject({
      code: 1,
      error: expect.stringMatching(
        /Nothing saved: re-angling kept every sentence, so this answer already fits ML engineer as written/,
      ),
    });
    expect(await answers()).toHaveLength(count);
    // From a data scientist's telling, one line goes: that is a variant worth saving.
    const fromScience = ["--from-role", "data-scientist", "--role", "ml-engineer"];
    const reangled = await runCommand(store, [
      "reangle",
      "--answer",
      byKey("q3/core"),
      ...fromScience,
      "--save",
      "ML engineer",
    ]);
    expect(reangled.code).toBe(0);
    expect(reangled.out).toMatch(/Saved as variant "ML engineer" of q3 \([0-9a-f]{8}\)\./);
    const text = JSON.parse(
      (await runCommand(store, ["reangle", "--answer", byKey("q3/core"), ...fromScience, "--json"])).out,
    ).text;
    const saved = (await answers()).find((a) => a.variant === "ML engineer");
    expect(saved).toMatchObject({ questionKey: "q3", text });
    // Without an answer there is no question to save under: said, with what to do instead.
    const unsaved = await runCommand(store, ["reangle", "-", "--role", "ml-engineer", "--save", "x"], text);
    expect(unsaved).toMatchObject({ code: 1, error: expect.stringMatching(/--save needs --answer ID/) });

    await runCommand(store, ["stories", "from-document"]);
    const story = (await store.stories.listStories("a"))[0];
    const draft = await runCommand(store, [
      "compose",
      "--story",
      story?.id ?? "",
      "-q",
      "Tell me about a mistake",
      "--text",
    ]);
    expect(draft.code).toBe(0);
    // The draft alone: no heading, no part names, nothing but what would be said.
    expect(draft.out).not.toMatch(/^Draft from|^(?:situation|action|result|lesson) /m);
    const composed = JSON.parse(
      (
        await runCommand(store, [
          "compose",
          "--story",
          story?.id ?? "",
          "-q",
          "Tell me about a mistake",
          "--json",
        ])
      ).out,
    );
    expect(draft.out.trim()).toBe(composed.text);
    const added = await runCommand(
      store,
      ["add-variant", "--question", "q3", "--variant", "Composed", "--source", "composed"],
      draft.out,
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringMatching(/saved q3\//) });
    expect((await answers()).find((a) => a.variant === "Composed")?.text).toBe(composed.text);
  });

  it("matches, covers and tailors with the stories in the bank when --stories is not given", async () => {
    const store = getStore();
    await importSample();
    const none = await runCommand(store, ["match", "Tell me about a time you made a mistake"]);
    expect(none.out).toMatch(/No stories in your bank yet/);
    // Before any story, the prepared answers already cover something: the grid shows them.
    const answersOnly = (await runCommand(store, ["coverage"])).out;
    expect(answersOnly).toMatch(/^ {2}A1 +answer +\S/m);
    expect(answersOnly).toMatch(/No stories yet: derisk stories from-document/);
    await runCommand(store, ["stories", "from-document"]);

    const ranking = JSON.parse(
      (
        await runCommand(store, [
          "match",
          "Tell me about a time you made a mistake",
          "--json",
          "--limit",
          "2",
        ])
      ).out,
    );
    expect(ranking.competency).toBe("mistake-failure");
    expect(ranking.results).toHaveLength(2);
    const matrix = JSON.parse((await runCommand(store, ["coverage", "--json"])).out);
    expect(matrix.stories).toHaveLength(4);
    expect(matrix.gaps).not.toContain("mistake-failure");
    const text = await runCommand(store, ["coverage"]);
    expect(text.out).toMatch(/^mistake-failure {2}/m);

    const tailored = JSON.parse((await runCommand(store, ["tailor", postingPath, "--json"])).out);
    expect(tailored.tailoring.requirements[0].covered).toBe(true);
    expect(tailored.whyCompany.company).toBe("Acme");
    const mixed = await runCommand(store, ["tailor", postingPath, "--profile", "p.json"]);
    expect(mixed).toMatchObject({ code: 1, error: expect.stringMatching(/go with --stories/) });
  });

  // The printed grid, read back: competency → the strengths in its row.
  function gridRows(out: string, competencies: readonly string[]): Map<string, number[]> {
    const rows = new Map<string, number[]>();
    for (const line of out.split("\n")) {
      const [name, ...cells] = line.trim().split(/\s+/);
      if (name !== undefined && competencies.includes(name) && cells.every((c) => /^[·0-3]$/.test(c))) {
        rows.set(
          name,
          cells.map((c) => (c === "·" ? 0 : Number(c))),
        );
      }
    }
    return rows;
  }

  async function expectGridAgreesWithCounts(store: Store) {
    const matrix = JSON.parse((await runCommand(store, ["coverage", "--json"])).out);
    const { out } = await runCommand(store, ["coverage"]);
    const rows = gridRows(out, matrix.competencies);
    expect([...rows.keys()]).toEqual(matrix.competencies);
    for (const competency of matrix.competencies as string[]) {
      const best = Math.max(0, ...(rows.get(competency) ?? []));
      // A gap is a row of dots; a thin row's best cell is 1; every other row shows a 2 or a 3.
      if (matrix.gaps.includes(competency)) expect(best, competency).toBe(0);
      else if (matrix.thin.includes(competency)) expect(best, competency).toBe(1);
      else expect(best, competency).toBeGreaterThanOrEqual(2);
    }
    const gapsLine = out.split("\n").find((l) => l.startsWith("Gaps:")) ?? "";
    expect(gapsLine).toBe(`Gaps: ${matrix.gaps.length > 0 ? matrix.gaps.join(", ") : "none"}`);
    return { matrix, out };
  }

  it("prints a coverage grid that agrees with its gaps and thin rows: prepared answers are columns, marked as answers", async () => {
    const store = getStore();
    await importSample();
    const before = await expectGridAgreesWithCounts(store);
    // The sample's about-me answer covers about-me before any story exists.
    expect(before.matrix.gaps).not.toContain("about-me");
    await runCommand(store, ["stories", "from-document"]);
    const after = await expectGridAgreesWithCounts(store);
    expect(after.out).toMatch(/^ {2}S1 +story +\S/m);
    expect(after.out).toMatch(/^ {2}A1 +answer +\S/m);
    // An answer made into a story is one column, the story, not two.
    const titles = after.out.split("\n").filter((l) => /^ {2}[SAR]\d+ /.test(l));
    const storyTitles = titles
      .filter((l) => / story /.test(l))
      .map((l) => l.replace(/^ {2}S\d+ +story +/, ""));
    for (const title of storyTitles) {
      expect(titles.filter((l) => / answer /.test(l)).some((l) => l.endsWith(title))).toBe(false);
    }
  });

  it.runIf(SEED_RUNS)("agrees on the seed too", async () => {
    const store = getStore();
    await importDocument(store, "a", seedUpload());
    const before = await expectGridAgreesWithCounts(store);
    expect(before.matrix.gaps).not.toContain("about-me");
    expect(before.matrix.gaps).not.toContain("motivation");
    // The replies prepared under Q1's "They'll likely ask" are named as follow-ups, not as answers
    // to questions of their own.
    expect(before.out).toMatch(/^ {2}A\d+ +follow-up +Was your PhD /m);
    expect(before.out).toMatch(/^ {2}A\d+ +answer +Why are you transitioning /m);
    expect(before.out).not.toMatch(/^ {2}A\d+ +answer +Was your PhD/m);
    await runCommand(store, ["stories", "from-document"]);
    await expectGridAgreesWithCounts(store);
  });
});
