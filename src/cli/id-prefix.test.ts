import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importDocument } from "../app/bank.ts";
import { startPractice } from "../app/practice.ts";
import { addQuestion } from "../app/questions.ts";
import { BOARD_POSTING } from "../core/packaging/fixtures/postings.ts";
import { storiesWithIds } from "../store/test-bank.ts";
import { describeStores } from "../store/test-stores.ts";
import { registerAnalyzeCommand } from "./commands/analyze.ts";
import { registerComposeCommand } from "./commands/compose.ts";
import { registerDocumentCommands } from "./commands/documents.ts";
import { registerAddAnswerCommand, registerEditCommand, registerTickCommand } from "./commands/edit.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerFollowUpsCommand } from "./commands/followups.ts";
import { registerHistoryCommand } from "./commands/history.ts";
import { registerJournalCommand } from "./commands/journal.ts";
import { registerAttemptsCommand, registerPracticeCommand } from "./commands/practice.ts";
import { registerReangleCommand } from "./commands/reangle.ts";
import { registerStoriesCommand } from "./commands/stories.ts";
import { registerTailorCommand } from "./commands/tailor.ts";
import { type RegisterCommand, runCommand } from "./test-cli.ts";

// Every command that takes an id takes its first characters too, among the user's own rows only.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const withTodo = `${sample}\n## Checklist\n\n- [ ] Rehearse Q1\n  - [x] Record it\n`;

const ALL: RegisterCommand[] = [
  registerAnalyzeCommand,
  registerComposeCommand,
  registerDocumentCommands,
  registerAddAnswerCommand,
  registerEditCommand,
  registerTickCommand,
  registerExportCommand,
  registerFollowUpsCommand,
  registerHistoryCommand,
  registerJournalCommand,
  registerAttemptsCommand,
  registerPracticeCommand,
  registerReangleCommand,
  registerStoriesCommand,
  registerTailorCommand,
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "derisk-ids-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const short = (id: string) => id.slice(0, 8);

describeStores("ids by a unique prefix in the CLI", (getStore) => {
  it("every kind of id is found by its first characters, as listings show them", async () => {
    const store = getStore();
    const run = (argv: string[], stdin?: string) =>
      runCommand(ALL, argv, { store, ...(stdin === undefined ? {} : { stdin }) });
    const imported = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(withTodo),
      filename: "prep.md",
    });
    const docId = imported.documentId ?? "";
    const items = await store.items.listItems("a", { documentId: docId });
    const answer = items.find((i) => i.kind === "answer" && i.key === "q3/core");
    const todo = items.find((i) => i.kind === "to-do");
    if (!answer || !todo) throw new Error("the document has an answer q3 and a to-do list");

    // documents
    const shown = await run(["show", docId.slice(0, 4), "--kind", "answer"]);
    expect(shown).toMatchObject({ code: 0 });
    expect(shown.out).toContain(`[${short(answer.id)}]`);
    expect(shown.out).not.toContain(answer.id);
    expect(await run(["rename", docId.slice(0, 4), "Ines prep"])).toMatchObject({
      code: 0,
      out: `Renamed ${short(docId)} to Ines prep`,
    });
    const markdown = join(dir, "prep.md");
    expect(await run(["export", "-d", docId.slice(0, 4), "-o", markdown])).toMatchObject({ code: 0 });
    expect(readFileSync(markdown, "utf8")).toBe(withTodo);
    const sheet = join(dir, "sheet.md");
    expect(await run(["export", "--format", "sheet-md", "-d", short(docId), "-o", sheet])).toMatchObject({
      code: 0,
    });
    expect(
      await run(["add-answer", "-q", "Why this team?", "--text", "Because it ships.", "-d", short(docId)]),
    ).toMatchObject({ code: 0 });

    // items: set, tick, history (and restore by a history entry's prefix), attempts, --answer
    expect(await run(["set", short(answer.id), "--text", "I traced the drift and fixed it."])).toMatchObject({
      code: 0,
      out: "saved answer q3/core (version 2)",
    });
    expect((await run(["tick", short(todo.id), "1"])).out).toMatch(/^ticked “Rehearse Q1”/);
    const history = await run(["history", short(answer.id)]);
    expect(history.code).toBe(0);
    const [, imported1] = await store.itemVersions.listVersions("a", answer.id);
    expect(history.out).toContain(`id ${short(imported1?.id ?? "")}`);
    expect(await run(["history", short(answer.id), "--restore", short(imported1?.id ?? "")])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^restored answer q3\/core \(now version 3/),
    });
    expect((await run(["attempts", short(answer.id)])).code).toBe(0);
    const question = await addQuestion(store, "a", {
      text: "What does dropout do?",
      competency: "ml-concept",
    });
    expect((await run(["history", short(question.id), "--json"])).out).toContain(question.id);
    expect(JSON.parse((await run(["analyze", "--answer", short(answer.id), "--json"])).out)).toHaveProperty(
      "labels",
    );
    expect(JSON.parse((await run(["followups", "--answer", short(answer.id), "--json"])).out)).toMatchObject({
      itemId: answer.id,
    });
    expect(
      (await run(["reangle", "--answer", short(answer.id), "--role", "ml-engineer", "--json"])).code,
    ).toBe(0);

    // stories: from-answer, from-document, show, compose --story, delete
    const drawn = await run(["stories", "from-answer", short(answer.id), "--json"]);
    const story = (JSON.parse(drawn.out) as { story: { id: string; title: string } }).story;
    expect((await run(["stories", "from-document", docId.slice(0, 4)])).code).toBe(0);
    expect((await run(["stories", "show", short(story.id)])).out).toContain(
      `id ${short(story.id)} · version`,
    );
    expect(
      (await run(["compose", "--story", short(story.id), "-q", "Tell me about a hard bug", "--json"])).code,
    ).toBe(0);

    // journal: show, edit with --story, add with --story
    const [entry] = await store.journal.listEntries("a");
    if (!entry) throw new Error("the sample's reflection starts the journal");
    expect((await run(["journal", "show", entry.id.slice(0, 4)])).out).toContain(entry.title);
    const edited = await run(["journal", "edit", entry.id.slice(0, 4), "--story", short(story.id), "--json"]);
    expect(JSON.parse(edited.out)).toMatchObject({ entry: { id: entry.id, storyId: story.id } });
    const added = await run(["journal", "add", "--felt", "Calm.", "--story", short(story.id), "--json"]);
    expect(JSON.parse(added.out)).toMatchObject({ entry: { storyId: story.id } });

    expect(await run(["stories", "delete", short(story.id)])).toMatchObject({
      code: 0,
      out: `deleted ${short(story.id)}`,
    });

    // practice --resume, tailor --open
    const session = await startPractice(store, "a", { from: { kind: "question", text: "Why this team?" } });
    const resumed = await run(["practice", "--resume", short(session.id)], "");
    expect(resumed.out).toContain(`Resuming session ${short(session.id)} (`);
    const tailored = await run(["tailor", "-", "--json"], BOARD_POSTING);
    const { id: tailoringId } = JSON.parse(tailored.out) as { id: string };
    const opened = await run(["tailor", "--open", short(tailoringId), "--json"]);
    expect(JSON.parse(opened.out)).toMatchObject({ id: tailoringId });
  });

  it("refuses a prefix several of the user's rows share, listing them; counts no other user's rows", async () => {
    const store = getStore();
    const first = "abcd0000-0000-4000-8000-000000000001";
    const second = "abcd0000-1111-4000-8000-000000000002";
    const third = "abcd00ff-0000-4000-8000-000000000003";
    const theirs = "abcd0a0a-0000-4000-8000-000000000004";
    await storiesWithIds(store, "a", [
      { id: first, title: "Led the migration" },
      { id: second, title: "Fixed the outage" },
      { id: third, title: "Mentored a junior" },
    ]);
    await storiesWithIds(store, "b", [{ id: theirs, title: "B's own story" }]);
    const as = (userId: string, argv: string[]) =>
      runCommand([registerStoriesCommand], argv, { store, userId });

    const ambiguous = await as("a", ["stories", "show", "abcd"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.error).toBe(
      [
        '"abcd" starts the ids of 3 stories:',
        "  abcd0000-0  Led the migration",
        "  abcd0000-1  Fixed the outage",
        "  abcd00ff  Mentored a junior",
        "Type more of the id to pick one (e.g. abcd0000-0).",
      ].join("\n"),
    );
    // b's abcd0a0a… starts with "abcd0" too, and is neither listed nor counted.
    expect((await as("a", ["stories", "show", "abcd0"])).error).toMatch(
      /^"abcd0" starts the ids of 3 stories:/,
    );
    expect((await as("a", ["stories", "show", "ABCD00F"])).out).toMatch(/^Mentored a junior\n/);

    // The listing shows 8 characters, more where two stories share them; JSON keeps whole ids.
    const listed = (await as("a", ["stories"])).out;
    expect(listed).toContain("abcd0000-0  Led the migration");
    expect(listed).toContain("abcd00ff  Mentored a junior");
    expect(
      JSON.parse((await as("a", ["stories", "--json"])).out).stories.map((s: { id: string }) => s.id),
    ).toEqual(expect.arrayContaining([first, second, third]));

    // User b: "abcd" is b's one story; a's ids, whole or in part, are not found.
    expect((await as("b", ["stories", "show", "abcd"])).out).toMatch(/^B's own story\n/);
    for (const text of ["abcd0000", first]) {
      expect(await as("b", ["stories", "show", text])).toMatchObject({
        code: 2,
        // The same words as for an id nobody has: b is never told a's story exists.
        error: `No story with id ${text} in your bank: check the id (derisk stories list lists them); it may have been deleted.`,
      });
    }
    expect(await as("b", ["stories", "delete", "abcd00f"])).toMatchObject({ code: 2 });
    expect(await store.stories.getStory("a", third)).toMatchObject({ title: "Mentored a junior" });
  });

  it("refuses fewer than 4 characters, and keeps the message for an unknown id", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new TextEncoder().encode(sample), filename: "prep.md" });
    const run = (argv: string[]) => runCommand(ALL, argv, { store });
    const [entry] = await store.journal.listEntries("a");
    const tooShort = await run(["journal", "show", entry?.id.slice(0, 3) ?? ""]);
    expect(tooShort).toMatchObject({ code: 2 });
    expect(tooShort.error).toBe(
      `"${entry?.id.slice(0, 3)}" is too short to pick a journal entry by: type at least 4 characters of its id (derisk journal list shows them).`,
    );
    expect((await run(["show", "ab"])).error).toMatch(/^"ab" is too short to pick a document by/);
    // Before: "to pick a item by", "to pick a answer or question by … (derisk show, derisk due shows them)".
    expect((await run(["set", "ab", "--text", "x"])).error).toMatch(/^"ab" is too short to pick an item by/);
    expect((await run(["attempts", "ab"])).error).toBe(
      '"ab" is too short to pick an answer or question by: type at least 4 characters of its id (derisk show, derisk due show them).',
    );
    expect(await run(["journal", "show", "deadbeef"])).toMatchObject({
      code: 2,
      error: expect.stringMatching(/^No journal entry with id deadbeef/),
    });
    // A document's id where an item's is asked for. Before: "No item with id … in your bank".
    const [doc] = await store.documents.listDocuments("a");
    expect(await run(["history", doc?.id.slice(0, 8) ?? ""])).toMatchObject({
      code: 2,
      error: `"${doc?.id.slice(0, 8)}" is the id of a document, “${doc?.title}”, not of an answer or question: the ids of your answers and questions are in derisk show and derisk due.`,
    });
    expect(await run(["set", "deadbeef", "--text", "x"])).toMatchObject({
      code: 2,
      error:
        "No item with id deadbeef in your bank: check the id (derisk show lists them); it may have been deleted.",
    });
  });
});
