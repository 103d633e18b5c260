/**
 * The packaging pages as a candidate uses them, on the seed imported and made into stories:
 * what they type is never lost without a word (the posting pasted into Tailor, the working copy
 * of a composed draft, each left by an in-app link, a reload or a second compose), and no action
 * is offered that can only fail.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, makeStories, openSpec, settle, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

// Our own posting, written for this test.
const POSTING = `Machine Learning Engineer — Northwind Health

Northwind Health builds clinical decision support tools used by 400 hospitals.

Requirements
- 3+ years of experience building production ML systems
- Strong Python and PyTorch
- Communicating results clearly to non-technical stakeholders
`;

describe.runIf(launched.browser !== null && SEED_RUNS)("packaging pages, as a candidate uses them", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  let documentId = "";

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    documentId = await importSeed(server.url);
    await makeStories(server.url, documentId);
    // Every confirm is declined: the candidate chooses to stay with their text.
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("a pasted posting survives leaving Tailor before matching, and a reload", async () => {
    await page.goto("/#/tailor");
    const posting = page.getByLabel("Job description");
    await posting.fill(POSTING);
    await page.getByRole("link", { name: "Library", exact: true }).click();
    await page.waitForURL(/#\/library/);
    await page.getByRole("link", { name: "Tailor", exact: true }).click();
    await posting.waitFor();
    expect(await posting.inputValue()).toBe(POSTING);
    await page.reload();
    await posting.waitFor();
    expect(await posting.inputValue()).toBe(POSTING);
  });

  test("an edited working copy is not replaced by a second compose, nor left by a link, without asking", async () => {
    await page.goto("/#/compose");
    // The page says what compose does: the story in the order it happened (never reordered).
    const lede = await page.locator(".page-compose .lede").textContent();
    expect(lede).toMatch(/in the order it happened/);
    expect(lede).not.toMatch(/ordered for the role/);
    await page.getByRole("button", { name: "Compose the draft" }).click();
    const working = page.getByRole("textbox", { name: "Your working copy" });
    await working.waitFor();
    const mine = "I broke the TLS listener myself, rolled it back within the hour and added a check to CI.";
    await working.fill(mine);

    // A shorter budget gives another draft: composing again asks first, and declining keeps mine.
    await page.getByLabel("Time budget").selectOption({ label: "45 s" });
    dialogs.length = 0;
    await page.getByRole("button", { name: "Compose the draft" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/working copy/);
    expect(await working.inputValue()).toBe(mine);

    // Leaving by a link asks too; declining stays on the page with the text.
    dialogs.length = 0;
    await page.getByRole("link", { name: "Library", exact: true }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(page.url()).toMatch(/#\/compose/);
    expect(await working.inputValue()).toBe(mine);

    // Once saved as a variant, nothing is at stake: leaving asks nothing.
    await page.getByRole("button", { name: "Save variant" }).click();
    await page.getByText(/^Saved as/).waitFor();
    dialogs.length = 0;
    await page.getByRole("link", { name: "Library", exact: true }).click();
    await page.waitForURL(/#\/library/);
    expect(dialogs).toEqual([]);
  });
  test("the lens beside a composed draft reads the draft's result and lesson where the draft tints them", async () => {
    const { stories } = (await (await fetch(`${server.url}/api/stories`)).json()) as {
      stories: Array<{ id: string }>;
    };
    // The seed's RAG chatbot story (Q3), drafted for a mistake question: the lens showed
    // "Result 0%" and "Lesson missing" beside the sentences tinted as result and lesson.
    const rag = stories.find((s) => /twofold/.test(JSON.stringify(s)));
    expect(rag).toBeDefined();
    await page.goto(`/#/compose/${rag?.id}`);
    await page.getByLabel("Question", { exact: true }).fill("Tell me about a time you made a mistake");
    await page.getByLabel("Role", { exact: true }).selectOption("ml-engineer");
    await page.getByLabel("Time budget").selectOption("90");
    await page.getByRole("button", { name: "Compose the draft" }).click();
    await page.locator(".tint-result").first().waitFor();
    await page.locator(".tint-lesson").first().waitFor();
    const legend = page.locator(".star-legend li");
    await legend.first().waitFor();
    // The lens reads the draft again (debounced, in a worker) as the page settles: read its last word.
    await settle(page);
    const result = (await legend.filter({ hasText: "Result" }).textContent()) ?? "";
    const lesson = (await legend.filter({ hasText: "Lesson" }).textContent()) ?? "";
    expect(result).not.toMatch(/missing|\b0%/);
    expect(lesson).not.toMatch(/missing|\b0%/);
  });
  test("'Make a story' is offered on the mistake story, not on 'tell me about yourself' (always refused)", async () => {
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: Array<{ id: string; kind: string; questionNumber?: string; variant?: string }>;
    };
    const answer = (number: string) =>
      detail.items.find((i) => i.kind === "answer" && i.questionNumber === number && i.variant === "core")
        ?.id;
    const tools = page.getByRole("navigation", { name: "Work on this answer" });
    await page.goto(`/#/library/${documentId}/answers/${answer("Q6")}`);
    await tools.getByRole("button", { name: "Make a story" }).waitFor();
    await page.goto(`/#/library/${documentId}/answers/${answer("Q1")}`);
    // The lens has read the question once its score shows.
    await page.locator(".lens-score").first().waitFor();
    await tools.getByRole("link", { name: "Re-angle for another role" }).waitFor();
    expect(await tools.getByRole("button", { name: "Make a story" }).count()).toBe(0);
  });
  test("a draft composed from a story written from scratch (no question to save a variant under) can be saved as a new answer", async () => {
    const created = await fetch(`${server.url}/api/stories`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "The expired certificate",
        situation: "Our staging cluster went dark on a Friday because a certificate had expired.",
        actions: ["I renewed it by hand.", "I added an alert thirty days before expiry."],
        result: "Nothing has expired since.",
        competencies: ["ownership-initiative"],
      }),
    });
    const { story } = (await created.json()) as { story: { id: string } };
    await page.goto(`/#/compose/${story.id}`);
    await page
      .getByLabel("Question", { exact: true })
      .fill("Tell me about a time you took ownership of a problem.");
    await page.getByRole("button", { name: "Compose the draft" }).click();
    const working = page.getByRole("textbox", { name: "Your working copy" });
    await working.waitFor();
    const mine = `${await working.inputValue()} I own the renewal calendar now.`;
    await working.fill(mine);
    dialogs.length = 0;
    await page.getByRole("button", { name: "Save as a new answer" }).click();
    await page.waitForURL(/#\/new-answer\//);
    const answer = page.getByRole("textbox", { name: "Answer" });
    await answer.waitFor();
    expect(await answer.inputValue()).toBe(mine);
    expect(await page.getByLabel("Question").inputValue()).toBe(
      "Tell me about a time you took ownership of a problem.",
    );
    // Carried over, not left behind: leaving compose asked nothing.
    expect(dialogs).toEqual([]);
  });
});
