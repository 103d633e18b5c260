import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../../test/seed.ts";
import { answerText } from "../../core/answer-text.ts";
import { openStore, type Store } from "../../store/index.ts";
import { runCommand } from "../test-cli.ts";
import { registerImportCommand } from "./import.ts";
import { registerStoriesCommand } from "./stories.ts";
import { registerTrailerCommand } from "./trailer.ts";

// `derisk trailer` on the seed (read from ../shared at run time, mandatory under CI) and on our
// sample, over a real store: four beats, each the user's own sentence, each saying where it
// came from, and "now" from the why-now material.
const commands = [registerImportCommand, registerTrailerCommand];

describe("derisk trailer", () => {
  let pglite: PGlite;
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    dir = mkdtempSync(join(tmpdir(), "derisk-trailer-"));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function trailerOf(userId: string, file: string, bytes: Uint8Array): Promise<string> {
    await store.users.ensureUser(userId);
    const path = join(dir, file);
    writeFileSync(path, bytes);
    expect((await runCommand(commands, ["import", path], { store, userId })).code).toBe(0);
    const run = await runCommand(commands, ["trailer"], { store, userId });
    expect(run.code).toBe(0);
    return run.out;
  }

  it.runIf(SEED_RUNS)("on the seed: each beat names its source, and now is the why-now answer", async () => {
    const out = await trailerOf("seed", "seed.md", seedUpload().bytes);
    const beats = ["foundation", "projects", "production", "now"];
    const lines = out.split("\n");
    for (const beat of beats) {
      const at = lines.findIndex((l) => l.startsWith(beat));
      expect(at, beat).toBeGreaterThanOrEqual(0);
      expect(lines[at + 1], beat).toMatch(/^\s+— from your /);
    }
    const now = lines.findIndex((l) => l.startsWith("now"));
    expect(lines[now]).toMatch(/now I want to apply those skills/);
    expect(lines[now + 1]).toMatch(/“why now\?” answer/);
    expect(out).not.toMatch(/certified/);
    expect(out).not.toMatch(/\*\*|__/);
  });

  it.runIf(SEED_RUNS)(
    "on the seed, one minute: short for being one sentence a beat, not for running out",
    async () => {
      const userId = "seed-minute";
      await store.users.ensureUser(userId);
      const path = join(dir, "seed-minute.md");
      writeFileSync(path, seedUpload().bytes);
      expect((await runCommand(commands, ["import", path], { store, userId })).code).toBe(0);
      const run = await runCommand(commands, ["trailer", "--seconds", "60"], { store, userId });
      expect(run.code).toBe(0);
      const said = run.out.replace(/\s+/g, " ");
      // Before: "your material runs out first", of a seed whose answers go on for minutes.
      expect(said).not.toMatch(/material runs out/);
      expect(said).toMatch(/A one-minute trailer says one sentence of yours per beat/);
      expect(said).toMatch(/a longer trailer \(90 seconds or more\) says more of each beat/);
      const json = await runCommand(commands, ["trailer", "--seconds", "60", "--json"], { store, userId });
      const trailer = JSON.parse(json.out) as { short?: { reason: string } };
      expect(trailer.short?.reason ?? "").not.toMatch(/material runs out/);
    },
  );

  it("names the story each beat comes from, by its title, in the report and in the JSON", async () => {
    const userId = "titled";
    // Our sample without its about-me answer: the beats it told now come from the stories.
    const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");
    const noAboutMe = sample.slice(0, sample.indexOf("### Q1-")) + sample.slice(sample.indexOf("### Q2-"));
    await trailerOf(userId, "no-about-me.md", new TextEncoder().encode(noAboutMe));
    const withStories = [...commands, registerStoriesCommand];
    expect((await runCommand(withStories, ["stories", "from-document"], { store, userId })).code).toBe(0);
    const json = await runCommand(commands, ["trailer", "--json"], { store, userId });
    const trailer = JSON.parse(json.out) as {
      beats: Array<{ lines: Array<{ origin: { from: string; title?: string; storyId?: string } }> }>;
    };
    const fromStories = trailer.beats.flatMap((b) => b.lines).filter((l) => l.origin.from === "story");
    expect(fromStories.length).toBeGreaterThan(0);
    for (const line of fromStories) expect(line.origin.title?.length ?? 0).toBeGreaterThan(0);
    const out = (await runCommand(commands, ["trailer"], { store, userId })).out;
    for (const line of fromStories) expect(out).toContain(`from your story “${line.origin.title}”`);
    expect(out).not.toContain("from one of your stories");
    // One story tells the projects and production, and the report says why and what to write,
    // as prose: no line hangs under the quotation it holds.
    expect(new Set(fromStories.map((l) => l.origin.storyId)).size).toBe(1);
    const note = out.slice(out.indexOf("You have no “tell me about yourself” answer"));
    expect(note).toMatch(
      /^You have no “tell me about yourself” answer, so this trailer cannot follow your\s+own arc/,
    );
    expect(note).toMatch(/\n {2}Write a “tell me about yourself” answer/);
    for (const l of note.split("\n")) expect(l).toMatch(/^(?: {2})?\S/);
  });

  it("on our sample: the foundation beat comes from the about-me answer", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)));
    const out = await trailerOf("sample", "sample-prep.md", bytes);
    const lines = out.split("\n");
    const foundation = lines.findIndex((l) => l.startsWith("foundation"));
    expect(lines[foundation + 1]).toMatch(/from your “tell me about yourself” answer/);
  });
  it("--save keeps the trailer as a new variant of the about-me question, and refuses without one", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)));
    await trailerOf("saver", "sample-prep.md", bytes);
    const said = await runCommand(commands, ["trailer", "--json"], { store, userId: "saver" });
    const trailer = JSON.parse(said.out) as {
      text: string;
      aboutMe?: { itemId: string; questionKey: string };
    };
    expect(trailer.aboutMe).toBeDefined();
    const saved = await runCommand(commands, ["trailer", "--save", "trailer for Acme"], {
      store,
      userId: "saver",
    });
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(/^saved the trailer as \S+ \(trailer for Acme\) under “/);
    const items = await store.items.listItems("saver");
    const variant = items.find((i) => i.kind === "answer" && i.variant === "trailer for Acme");
    expect(variant?.kind === "answer" ? variant.questionKey : undefined).toBe(trailer.aboutMe?.questionKey);
    expect(variant?.kind === "answer" ? answerText(variant) : undefined).toBe(trailer.text);
    // The trailer still follows the core about-me answer, not the variant just saved.
    const again = await runCommand(commands, ["trailer", "--json"], { store, userId: "saver" });
    expect((JSON.parse(again.out) as { aboutMe?: { itemId: string } }).aboutMe?.itemId).toBe(
      trailer.aboutMe?.itemId,
    );

    // The same trailer again is no new variant: refused, and named.
    const twice = await runCommand(commands, ["trailer", "--save", "trailer for Acme, again"], {
      store,
      userId: "saver",
    });
    expect(twice.code).toBe(2);
    expect(twice.error).toMatch(/already saved as variant “trailer for Acme” of Q1, word for word/);
    expect((await store.items.listItems("saver")).length).toBe(items.length);

    // Unnamed, it is named for its length (a bank of its own: this one holds that trailer).
    await trailerOf("unnamed", "sample-prep.md", bytes);
    const unnamed = await runCommand(commands, ["trailer", "--save", " "], { store, userId: "unnamed" });
    expect(unnamed.out).toMatch(/\(trailer 1 min\)/);

    await store.users.ensureUser("empty");
    const refused = await runCommand(commands, ["trailer", "--save"], { store, userId: "empty" });
    expect(refused.code).not.toBe(0);
    expect(refused.error).toMatch(/^There is no “tell me about yourself” answer to save/);
    expect(refused.error).not.toMatch(/\bat \S+:\d+/);
  });
});
