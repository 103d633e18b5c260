/**
 * The editor never drops what the user typed: not the words typed while a save is on its way,
 * and not their own text when a second tab saved first and they load the latest version.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, settle, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

async function answerIds(baseUrl: string, documentId: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}`);
  const body = (await response.json()) as { items: { id: string; kind: string }[] };
  const answers = body.items.filter((item) => item.kind === "answer").map((item) => item.id);
  if (answers.length < 2) throw new Error("The seed has fewer than two answers");
  return answers;
}

/**
 * A slow disk or a busy server: the page's `method` requests to `url` (a glob) are held until
 * `release` is called. `sent` resolves once one is held, so a spec types "while the save is on its
 * way" for sure, not after a guessed delay.
 */
async function holdRequests(
  page: Page,
  url: string,
  method: string,
): Promise<{ sent: Promise<void>; release: () => void }> {
  let release = (): void => undefined;
  let arrived = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const sent = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  await page.route(url, async (route) => {
    if (route.request().method() === method) {
      arrived();
      await held;
    }
    await route.continue();
  });
  return { sent, release };
}

describe.runIf(launched.browser !== null)("the editor keeps every word", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let itemId: string;
  /** An answer the editor tests leave as imported, so its follow-ups still have gaps. */
  let untouchedId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const ids = await answerIds(server.url, await importSeed(server.url));
    itemId = ids[0] as string;
    untouchedId = ids[ids.length - 1] as string;
    context = await newContext(browser, server.url);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await browser.close();
  });

  async function openEditor(): Promise<Page> {
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`/#/edit/${itemId}`);
    await page.locator("textarea.editor-textarea").waitFor();
    return page;
  }

  test("words typed while a save is on its way stay unsaved, in the draft, across a reload", async () => {
    const page = await openEditor();
    // A slow disk or a busy server: the save is held until the second part is typed.
    const save = await holdRequests(page, "**/api/items/*", "PUT");
    const editor = page.locator("textarea.editor-textarea");
    await editor.fill("The first part, saved.");
    await page.getByRole("button", { name: /^Save/ }).click();
    await save.sent;
    await editor.fill("The first part, saved. The second part, typed during the save.");
    save.release();
    // The save answers ("Saving…" until then); what was typed during it is still unsaved.
    await expect.poll(() => page.locator(".editor-status").textContent()).toMatch(/^Unsaved changes/);
    await page.unroute("**/api/items/*");
    await page.reload();
    await editor.waitFor();
    expect(await editor.inputValue()).toBe("The first part, saved. The second part, typed during the save.");
    await page.getByRole("button", { name: "Discard the draft" }).click();
    await page.close();
  });

  test("a story keeps what was typed while its save was on its way", async () => {
    const created = await fetch(`${server.url}/api/stories`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "The cache that lied",
        situation: "Our feature store served stale rows.",
        task: "I owned the fix.",
        actions: ["I traced the stale rows to a cache key."],
        result: "",
        lesson: "",
        metrics: [],
        tags: [],
        competencies: [],
      }),
    });
    const { story } = (await created.json()) as { story: { id: string } };
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    const save = await holdRequests(page, "**/api/stories/*", "PUT");
    await page.goto(`/#/stories/${story.id}`);
    const result = page.getByRole("textbox", { name: "Result" });
    await result.fill("Stale reads fell to zero.");
    await page.getByRole("button", { name: "Save story" }).click();
    await save.sent;
    const lesson = page.getByRole("textbox", { name: "Lesson" });
    await lesson.fill("I version cache keys with the schema.");
    save.release();
    await page.getByRole("button", { name: "Save story" }).waitFor({ state: "visible" });
    await expect.poll(() => page.getByRole("button", { name: "Save story" }).isEnabled()).toBe(true);
    expect(await lesson.inputValue()).toBe("I version cache keys with the schema.");
    expect(await result.inputValue()).toBe("Stale reads fell to zero.");
    await page.getByRole("button", { name: "Save story" }).click();
    await page.getByText(/^Saved at [^;]+\.$/).waitFor();
    await page.close();
  });

  test("leaving a journal entry being written asks first; saving it does not", async () => {
    const page = await context.newPage();
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto("/#/journal/new");
    const happened = page.getByRole("textbox", { name: "What happened" });
    await happened.fill("The launch slipped a week because of my migration; I told the team late.");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("not saved");
    expect(page.url()).toContain("#/journal/new");
    expect(await happened.inputValue()).toContain("The launch slipped a week");
    await page.getByRole("button", { name: "Save the entry" }).click();
    await page.getByRole("heading", { name: "Reframes from your own words" }).waitFor();
    expect(asked).toHaveLength(1);
    // The one-line takeaway, typed and not saved, is guarded the same way.
    await page.getByRole("textbox", { name: "Your takeaway, in one line" }).fill("I tell the team early.");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    await expect.poll(() => asked.length).toBe(2);
    expect(page.url()).toContain("#/journal/");
    await page.close();
  });

  test("leaving a follow-up answer being prepared asks first", async () => {
    const page = await context.newPage();
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/#/followups/${untouchedId}`);
    // A first visit: the predictions may be drawn once before the document's target role is
    // known, then again for it (which would close a form opened on the first).
    await settle(page);
    await page
      .getByRole("button", { name: /^Prepare this/ })
      .first()
      .click();
    const answer = page.locator(".prepare-form textarea");
    await answer.fill("I would measure the cold starts before choosing a fix.");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stories" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(page.url()).toContain("#/followups/");
    expect(await answer.inputValue()).toBe("I would measure the cold starts before choosing a fix.");
    await page.close();
  });

  test("two tabs keep a draft each: saving in one leaves the other's for when it is reopened", async () => {
    const first = await openEditor();
    const second = await openEditor();
    await first.locator("textarea.editor-textarea").fill("Draft typed in the first tab.");
    await second.locator("textarea.editor-textarea").fill("Draft typed in the second tab.");
    // Both drafts are written (every second: each tab then says so), then the second tab is closed unsaved.
    for (const tab of [first, second])
      await expect
        .poll(() => tab.locator(".editor-status").textContent())
        .toMatch(/^Unsaved changes · draft kept in this browser/);
    await second.close();
    await first.getByRole("button", { name: /^Save/ }).click();
    await first.getByText(/^Saved at /).waitFor();
    await first.close();
    const reopened = await openEditor();
    await reopened.getByText(/^Restored your unsaved draft/).waitFor({ timeout: 5000 });
    expect(await reopened.locator("textarea.editor-textarea").inputValue()).toBe(
      "Draft typed in the second tab.",
    );
    await reopened.getByRole("button", { name: "Discard the draft" }).click();
    await reopened.close();
    const again = await openEditor();
    expect(await again.locator("textarea.editor-textarea").inputValue()).toBe(
      "Draft typed in the first tab.",
    );
    expect(await again.getByText(/^Restored your unsaved draft/).count()).toBe(0);
    await again.close();
  });

  test("a story saved in another tab first can still take this tab's text", async () => {
    const created = await fetch(`${server.url}/api/stories`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "The flaky nightly job",
        situation: "The nightly retrain failed one night in three.",
        task: "I owned the pipeline.",
        actions: ["I added retries with backoff."],
        result: "",
        lesson: "",
        metrics: [],
        tags: [],
        competencies: [],
      }),
    });
    const { story } = (await created.json()) as { story: { id: string } };
    const open = async (): Promise<Page> => {
      const page = await context.newPage();
      page.on("dialog", (dialog) => void dialog.accept());
      await page.goto(`/#/stories/${story.id}`);
      await page.getByRole("textbox", { name: "Lesson" }).waitFor();
      return page;
    };
    const theirs = await open();
    const mine = await open();
    await theirs.getByRole("textbox", { name: "Result" }).fill("Failures fell to one a month.");
    await theirs.getByRole("button", { name: "Save story" }).click();
    await theirs.getByText(/^Saved at /).waitFor();
    await mine
      .getByRole("textbox", { name: "Lesson" })
      .fill("I make a job safe to rerun before I schedule it.");
    await mine.getByRole("button", { name: "Save story" }).click();
    await mine.getByText("This story changed since you opened it").waitFor({ timeout: 5000 });
    await mine.getByRole("button", { name: "Save mine over it" }).click({ timeout: 5000 });
    await mine.getByText(/^Saved at /).waitFor();
    const stored = (await (await fetch(`${server.url}/api/stories/${story.id}`)).json()) as {
      story: { lesson: string };
    };
    expect(stored.story.lesson).toBe("I make a job safe to rerun before I schedule it.");
    await mine.close();
    await theirs.close();
  });

  test("Ctrl+S with nothing changed adds no version to the answer's history", async () => {
    const history = async (): Promise<number> => {
      const response = await fetch(`${server.url}/api/items/${untouchedId}/history`);
      return ((await response.json()) as { versions: unknown[] }).versions.length;
    };
    const before = await history();
    const page = await context.newPage();
    await page.goto(`/#/edit/${untouchedId}`);
    await page.locator("textarea.editor-textarea").waitFor();
    await page.keyboard.press("Control+s");
    await page.keyboard.press("Control+s");
    // Whatever the keys started has answered (it was a fixed second).
    await settle(page);
    expect(await history()).toBe(before);
    expect(await page.locator(".editor-status").textContent()).toBe("No changes");
    await page.close();
  });

  test("Ctrl+S saves a story, as it saves an answer", async () => {
    const created = await fetch(`${server.url}/api/stories`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "The slow dashboard",
        situation: "The team dashboard took a minute to load.",
        task: "I owned its backend.",
        actions: ["I added a materialised view."],
        result: "",
        lesson: "",
        metrics: [],
        tags: [],
        competencies: [],
      }),
    });
    const { story } = (await created.json()) as { story: { id: string } };
    const page = await context.newPage();
    await page.goto(`/#/stories/${story.id}`);
    const result = page.getByRole("textbox", { name: "Result" });
    await result.fill("It loads in two seconds.");
    await result.press("Control+s");
    await page.getByText(/^Saved at /).waitFor({ timeout: 5000 });
    const stored = (await (await fetch(`${server.url}/api/stories/${story.id}`)).json()) as {
      story: { result: string };
    };
    expect(stored.story.result).toBe("It loads in two seconds.");
    await page.close();
  });

  test("a new answer keeps what was typed while its save was on its way", async () => {
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    const save = await holdRequests(page, "**/api/documents/*/questions", "POST");
    await page.goto(`/#/new-answer/${encodeURIComponent("How do you handle a missed deadline?")}`);
    const answer = page.getByLabel("Answer", { exact: true });
    await answer.fill("I say it early.");
    await page.getByRole("button", { name: "Save answer" }).click();
    await save.sent;
    await answer.fill("I say it early. Then I cut scope with the team, not alone.");
    save.release();
    const editor = page.locator("textarea.editor-textarea");
    await page.waitForURL(/#\/(edit|library)\//, { timeout: 10000 });
    await editor.waitFor({ timeout: 5000 });
    expect(await editor.inputValue()).toBe("I say it early. Then I cut scope with the team, not alone.");
    expect(await page.locator(".editor-status").textContent()).toMatch(/^Unsaved changes/);
    await page.close();
  });

  test("loading the latest version after a conflict sets the user's text aside, and it can be put back", async () => {
    const mine = await openEditor();
    const theirs = await openEditor();
    await theirs.locator("textarea.editor-textarea").fill("Saved first, in another tab.");
    await mine.locator("textarea.editor-textarea").fill("My own answer, typed here.");
    await theirs.getByRole("button", { name: /^Save/ }).click();
    await theirs.getByText(/^Saved at /).waitFor();
    await mine.getByRole("button", { name: /^Save/ }).click();
    await mine.getByText("This answer changed since you opened it").waitFor();
    // Before, the notice began with the server's "…start again from the latest text." and then
    // offered to keep the user's text: two opposite instructions.
    const notice = (await mine.getByRole("alert").textContent()) ?? "";
    expect(notice).toContain("your text is still here");
    expect(notice).not.toContain("start again");
    await mine.getByRole("button", { name: "Load the latest version" }).click();
    const editor = mine.locator("textarea.editor-textarea");
    await expect.poll(() => editor.inputValue()).toBe("Saved first, in another tab.");
    const aside = mine.getByTestId("set-aside");
    expect(await aside.getByRole("textbox").inputValue({ timeout: 5000 })).toBe("My own answer, typed here.");
    await aside.getByRole("button", { name: "Put my text back" }).click();
    expect(await editor.inputValue()).toBe("My own answer, typed here.");
    await mine.getByRole("button", { name: /^Save/ }).click();
    await mine.getByText(/^Saved at /).waitFor();
    await mine.close();
    await theirs.close();
  });

  test("opening an answer to edit puts the caret after its text: words typed go on from the end", async () => {
    const page = await openEditor();
    const editor = page.locator("textarea.editor-textarea");
    const before = await editor.inputValue();
    expect(before.length).toBeGreaterThan(0);
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    // Without touching the mouse, as after opening it from the library.
    await page.keyboard.type(" And one more line.");
    expect(await editor.inputValue()).toBe(`${before} And one more line.`);
    await editor.fill(before);
    await page.close();
  });
});
