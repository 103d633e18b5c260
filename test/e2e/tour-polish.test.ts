/**
 * Five things a tour of the web app found, each checked in a real browser on a real server: a
 * typed answer's Markdown markers shown back raw, the sample's stories mixed with the candidate's,
 * "Import" doing nothing after an import, coverage heads that all read alike, and an error code
 * in small print under a clear message. Screenshots go to .artifacts/screenshots (tour-*.png).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser, newContext } from "./browser.ts";
import {
  callApi,
  closeSpec,
  importSeed,
  makeStories,
  openSpec,
  screenshot,
  settle,
  type TestServer,
} from "./harness.ts";

const launched = await launchBrowser();
const shot = (page: Page, name: string) =>
  screenshot(page, `tour-${name}${process.env.TOUR_SHOT_SUFFIX ?? ""}`);

describe.runIf(launched.browser !== null && SEED_RUNS)("the tour's five findings", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser, { width: 1280, height: 800 }));
    // The sample first, so its stories come first by creation, then the candidate's own.
    const sample = (await callApi(server.url, "/api/sample", {})) as { documentId: string };
    await makeStories(server.url, sample.documentId);
    await makeStories(server.url, await importSeed(server.url));
  }, 120_000);

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("the stories list puts the candidate's own first and marks the sample's", async () => {
    await page.goto("/#/stories");
    await page.locator(".story-card").first().waitFor();
    // Which stories are the sample's is known only once the document list and the sample's answers
    // have come (then the list is marked and reordered): wait for them, not for a first chip or 10 s.
    await settle(page);
    await shot(page, "stories");
    const cards = page.locator(".story-card");
    const marked = await cards.evaluateAll((nodes) =>
      nodes.map((node) => node.querySelector(".chip-sample") !== null),
    );
    expect(marked.some(Boolean)).toBe(true);
    expect(marked.some((m) => !m)).toBe(true);
    // Own first: once a sample story appears, every one after it is the sample's too.
    expect(marked.slice(marked.indexOf(true)).every(Boolean)).toBe(true);
  });

  test("coverage heads read differently at 1280 and 390 px, the full title on hover", async () => {
    await page.goto("/#/coverage");
    await page.locator(".heatmap-story").first().waitFor();
    await shot(page, "coverage-1280");
    const narrow = await newContext(browser, server.url, { width: 390, height: 844 });
    try {
      const small = await narrow.newPage();
      await small.goto("/#/coverage");
      await small.locator(".heatmap-story").first().waitFor();
      await shot(small, "coverage-390");
      // No head wider than its column at either width.
      const overflow = await small
        .locator(".heatmap-story a")
        .evaluateAll((links) => links.filter((a) => a.scrollWidth > a.clientWidth + 1).length);
      expect(overflow).toBe(0);
    } finally {
      await narrow.close();
    }
    const heads = page.locator(".heatmap-story a");
    // Each head shown whole in its column: none cut by the line clamp (before: "Tell me about a time yo…").
    const clamped = await heads.evaluateAll(
      (links) => links.filter((a) => a.scrollHeight > a.clientHeight + 2).length,
    );
    expect(clamped).toBe(0);
    const texts = await heads.allInnerTexts();
    expect(new Set(texts).size).toBe(texts.length);
    const titles = await heads.evaluateAll((links) => links.map((a) => a.getAttribute("title") ?? ""));
    texts.forEach((text, index) => {
      // A head is the title, or a part of it cut at either end ("…" marks the cut).
      expect(titles[index]).toContain(text.replace(/^…|…$/g, ""));
    });
  });

  test("a typed answer is shown back without its Markdown markers", async () => {
    await page.goto("/#/practice");
    await page.getByRole("heading", { name: "Practice", level: 1 }).waitFor();
    await page.getByLabel("Questions", { exact: true }).fill("1");
    await page.getByRole("heading", { name: "Practice", level: 1 }).click();
    await page.keyboard.press("s");
    await page.waitForURL(/#\/practice\/[^/]+$/);
    await page.getByRole("button", { name: /Start answering/ }).waitFor();
    await page.keyboard.press("s");
    const editor = page.getByLabel("Your answer, as you would say it");
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    const typed = "I **owned** the rollback and cut failures from eight a month to zero.";
    await editor.fill(typed);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toBe("Saved");
    const sessionId = decodeURIComponent(page.url().split("#/practice/")[1] ?? "");
    await page.keyboard.press("Control+Enter");
    const said = page.getByRole("region", { name: "What you said" });
    await said.waitFor();
    await shot(page, "what-you-said");
    expect(await said.textContent()).toContain("I owned the rollback");
    expect(await said.textContent()).not.toContain("**");
    // Display only: the attempt is kept as typed.
    const saved = (await (await fetch(`${server.url}/api/practice/sessions/${sessionId}`)).json()) as {
      session: { steps: { attempt?: { text: string } }[] };
    };
    expect(saved.session.steps[0]?.attempt?.text).toBe(typed);
  });

  test("Import in the top bar after a finished import opens a fresh form", async () => {
    await page.goto("/");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    await chooser.setFiles({
      name: "short-prep.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        "# Short prep\n\n### Q1- Why this team?\nI want to build tools people use every day.\n",
      ),
    });
    await page.getByTestId("report-summary").waitFor({ timeout: 60_000 });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    // The fresh form, drawn (it was a fixed 300 ms; a report kept on screen has no such button).
    await page.getByRole("button", { name: "Choose a file" }).waitFor();
    await shot(page, "import-again");
    expect(await page.getByTestId("report-summary").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Choose a file" }).isVisible()).toBe(true);
  });

  test("a refused file says what is wrong; its code stays out of sight", async () => {
    await page.goto("/");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    await chooser.setFiles({ name: "empty.md", mimeType: "text/markdown", buffer: Buffer.from("") });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await shot(page, "import-error");
    expect((await alert.innerText()).length).toBeGreaterThan(30);
    expect(await alert.innerText()).not.toMatch(/BAD_INPUT|UNSUPPORTED_ENCODING|Error code/);
    // Still there for a bug report, one click away.
    expect(await alert.textContent()).toMatch(/Error code [A-Z_]+/);
  });
});
