/**
 * The first five minutes, in a real browser against the real server: import the seed through the
 * file chooser, read the report, open Q1 with its follow-ups and concern, edit an answer and find
 * the edit still there after a reload.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, openSpec, screenshot, seedPath, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("import the seed and edit an answer", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  /** Analyses the server computed; the app should run them in its worker instead. */
  let serverAnalyses = 0;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    page.on("request", (request) => {
      if (request.url().includes("/api/analyze")) serverAnalyses += 1;
    });
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("the start page offers import, the sample and an empty start", async () => {
    await page.goto("/");
    expect(await page.getByRole("heading", { level: 1, name: "Import your prep document" }).isVisible()).toBe(
      true,
    );
    for (const name of ["Choose a file", "Start from the sample document", "Start empty"]) {
      expect(await page.getByRole("button", { name }).isVisible()).toBe(true);
    }
    // The role the sample itself targets ("## Answers tuned for Data/ML Engineer Roles:"), not
    // a hard-coded one (before: "an ML Engineer role").
    const sampleCard = page.getByRole("button", { name: "Start from the sample document" });
    await sampleCard.getByText("Data/ML Engineer role").waitFor();
    expect(await sampleCard.textContent()).toContain("answers for a Data/ML Engineer role");
    await screenshot(page, "start-empty-library");
  });

  test("importing the seed through the file chooser shows the report", async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    await chooser.setFiles(seedPath());
    const summary = page.getByTestId("report-summary");
    await summary.waitFor();
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("7 answers");
    expect(text).toContain("4 follow-ups");
    expect(text).toContain("1 concern");
    expect(text).toContain("10 technical questions");
    expect(text).toContain("encoding repaired (Mac Roman)");
    // Whatever the importer could not place is counted, never dropped (the Notes view lists it).
    expect(text).toMatch(/\b\d+ lines? unrecognised/);
    expect(await page.getByRole("heading", { name: /^Imported:/ }).isVisible()).toBe(true);
    await screenshot(page, "import-report");
  });

  test("Q1 shows its four follow-ups and the concern with its reframes", async () => {
    await page.getByRole("link", { name: "Open the library" }).click();
    const questions = page.getByRole("navigation", { name: "Questions" });
    await questions.getByRole("link", { name: /Q1/ }).click();
    const answer = page.locator(".answer-panel");
    await answer.getByRole("heading", { name: /Tell me about yourself/ }).waitFor();
    // Q1 has a core script and the "movie trailer" alternative as variant tabs.
    expect(await answer.getByRole("tab").count()).toBeGreaterThanOrEqual(2);
    expect(await answer.locator(".followup").count()).toBe(4);
    const followUps = await answer.locator(".followup-question").allInnerTexts();
    expect(followUps.join("\n")).toContain("Was your PhD related to AI/ML?");
    // "Use the Core Story above (2–3 mins)" is a pointer, shown as such.
    expect(await answer.locator(".followup-pointer").count()).toBeGreaterThanOrEqual(1);
    const concern = answer.locator(".concern");
    expect(await concern.count()).toBe(1);
    expect((await concern.textContent()) ?? "").toContain("too academic");
    expect(await concern.locator(".reframe").count()).toBe(2);
    // Mojibake was repaired on the way in.
    expect((await answer.textContent()) ?? "").not.toMatch(/‚Äô|‚Äî|üëâ/);
    // The risk lens reads the answer: a 1–5 score and the five risks, each with a level.
    await answer.locator(".lens .score-value").waitFor();
    expect(await answer.locator(".lens .signal:not(.rubric-check)").count()).toBe(5);
    // "Tell me about yourself" is not a story: it is judged on the non-story rubric, not STAR.
    expect(await answer.locator(".lens .rubric-check").count()).toBe(6);
    expect(serverAnalyses).toBe(0);
    await screenshot(page, "library-q1");

    await answer.getByRole("tab").nth(1).click();
    await answer.locator(".beats").waitFor();
    expect(await answer.locator(".beat").count()).toBe(4);
    await screenshot(page, "library-q1-trailer");
  });

  test("a STAR answer shows its labelled parts", async () => {
    await page.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /Q6/ }).click();
    const star = page.locator(".answer-panel .star");
    await star.waitFor();
    const labels = await star.locator("dt").allInnerTexts();
    expect(
      labels.map((label) =>
        label
          .replace(/^\w\s*/, "")
          .trim()
          .toLowerCase(),
      ),
    ).toEqual(expect.arrayContaining(["situation", "task", "action", "result"]));
    await screenshot(page, "library-q6-star");
  });

  test("an edited answer is saved and survives a reload", async () => {
    await page.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /Q2/ }).click();
    await page
      .locator(".answer-panel")
      .getByRole("heading", { name: /transitioning/ })
      .waitFor();
    await page.keyboard.press("e");
    const editor = page.getByRole("textbox", { name: "Answer text" });
    await editor.waitFor();
    const addition = " I measured the impact: 3 pipelines shipped in 6 months.";
    await editor.press("End");
    await editor.press("Control+End");
    const lensTiming = page.locator(".lens .lens-caption").first();
    await lensTiming.waitFor();
    const before = await lensTiming.textContent();
    await editor.pressSequentially(addition);
    // The lens follows the typing without a save.
    await page.waitForFunction(
      (previous) => document.querySelector(".lens .lens-caption")?.textContent !== previous,
      before,
    );
    await page.keyboard.press("Control+s");
    await page.getByText(/^Saved at/).waitFor();
    await screenshot(page, "edit-saved");

    // A fix's "Go to sentence" selects that sentence in the editor.
    const go = page.getByRole("button", { name: /^Go to sentence \d+$/ }).first();
    await go.waitFor();
    const quote = (await page.locator(".fix-quote").first().textContent()) ?? "";
    await go.click();
    const selected = await editor.evaluate((area: HTMLTextAreaElement) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );
    expect(selected.length).toBeGreaterThan(0);
    expect(quote.startsWith(selected.slice(0, 30))).toBe(true);
    expect(await editor.evaluate((area) => document.activeElement === area)).toBe(true);

    await page.reload();
    await page.getByRole("textbox", { name: "Answer text" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Answer text" }).inputValue()).toContain(addition.trim());
    // The reloaded editor shows the saved text, not a leftover draft.
    expect(await page.getByText(/Restored your unsaved draft/).count()).toBe(0);

    await page.getByRole("link", { name: "Back to the library" }).click();
    await page.locator(".answer-panel").getByText("3 pipelines shipped in 6 months").waitFor();
  });

  test("the Markdown export carries the edit", async () => {
    await page.getByRole("link", { name: "Export" }).first().click();
    await page.locator(".preview-text").waitFor();
    expect((await page.locator(".preview-text").textContent()) ?? "").toContain(
      "3 pipelines shipped in 6 months",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download Markdown" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const path = await download.path();
    expect(readFileSync(path, "utf8")).toContain("3 pipelines shipped in 6 months");
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const bank = readFileSync(await json.path(), "utf8");
    expect(() => JSON.parse(bank)).not.toThrow();
    expect(bank).toContain("3 pipelines shipped in 6 months");
    await screenshot(page, "export");
    await page.goBack();
  });

  test("keyboard: / filters, j and k move between questions, ? lists the shortcuts", async () => {
    await page.locator(".question-link").first().waitFor();
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.getAttribute("type") === "search");
    await page.keyboard.type("mistake");
    const visible = await page.locator(".question-link").allInnerTexts();
    expect(visible.length).toBeGreaterThanOrEqual(1);
    expect(visible.every((text) => /mistake/i.test(text))).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.locator(".question-link").count()).toBeGreaterThanOrEqual(4);

    await page.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /Q1/ }).click();
    await page
      .locator(".answer-panel")
      .getByRole("heading", { name: /Tell me about yourself/ })
      .waitFor();
    await page.locator("body").press("j");
    await page
      .locator(".answer-panel")
      .getByRole("heading", { name: /transitioning/ })
      .waitFor();
    await page.locator("body").press("k");
    await page
      .locator(".answer-panel")
      .getByRole("heading", { name: /Tell me about yourself/ })
      .waitFor();

    await page.locator("body").press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });
});
