/**
 * Every page, in light and dark themes: no serious or critical axe violations, no horizontal
 * scroll at 390 px, and a screenshot of each for a person to look at.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext, type Theme } from "./browser.ts";
import { importSeed, screenshot, seriousViolations, startTestServer, type TestServer } from "./harness.ts";

// Every page in turn, each with an axe run: minutes on a loaded machine, not a speed test.
const AXE_TIMEOUT = 300_000;

const launched = await launchBrowser();

interface PageCase {
  name: string;
  path: (ids: Ids) => string;
  /** Something that only appears once the page has its data. */
  ready: string;
}

interface Ids {
  documentId: string;
  answerId: string;
}

const PAGES: PageCase[] = [
  { name: "start", path: () => "/#/", ready: ".dropzone" },
  {
    name: "library",
    path: (ids) => `/#/library/${ids.documentId}/answers/${ids.answerId}`,
    ready: ".answer-panel",
  },
  { name: "technical", path: (ids) => `/#/library/${ids.documentId}/technical`, ready: ".tech-section" },
  { name: "reflection", path: (ids) => `/#/library/${ids.documentId}/reflection`, ready: ".reflection" },
  { name: "framing", path: (ids) => `/#/library/${ids.documentId}/framing`, ready: ".framing" },
  { name: "notes", path: (ids) => `/#/library/${ids.documentId}/notes`, ready: ".notes, .empty-state" },
  { name: "edit", path: (ids) => `/#/edit/${ids.answerId}`, ready: ".edit-layout .lens-body" },
  { name: "export", path: (ids) => `/#/export/${ids.documentId}`, ready: ".preview-text" },
];

async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  // Fonts and layout settle before measuring or scanning.
  await page.evaluate(() => document.fonts.ready);
}

describe.runIf(launched.browser !== null)("accessibility and layout of every page", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let ids: Ids;

  beforeAll(async () => {
    server = await startTestServer();
    const documentId = await importSeed(server.url);
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { id: string; kind: string; format?: string }[];
    };
    const answer = detail.items.find((item) => item.kind === "answer");
    if (answer === undefined) throw new Error("the seed imported without answers");
    ids = { documentId, answerId: answer.id };
  });

  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  for (const theme of ["light", "dark"] as Theme[]) {
    test(
      `axe finds no serious or critical violations (${theme} theme)`,
      async () => {
        const context = await newContext(browser, server.url, { theme });
        const page = await context.newPage();
        const found: string[] = [];
        for (const pageCase of PAGES) {
          await open(page, pageCase.path(ids), pageCase.ready);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          for (const violation of await seriousViolations(page)) found.push(`${pageCase.name}: ${violation}`);
          await screenshot(page, `${theme}-1280-${pageCase.name}`);
        }
        // The shortcuts dialog is a page of its own for a keyboard user.
        await page.keyboard.press("?");
        await page.getByRole("dialog").waitFor();
        for (const violation of await seriousViolations(page)) found.push(`shortcuts: ${violation}`);
        await context.close();
        expect(found).toEqual([]);
      },
      AXE_TIMEOUT,
    );
  }

  test(
    "at 390 px wide no page scrolls sideways and axe still passes",
    async () => {
      const context = await newContext(browser, server.url, { width: 390, height: 844 });
      const page = await context.newPage();
      const overflowing: string[] = [];
      for (const pageCase of PAGES) {
        await open(page, pageCase.path(ids), pageCase.ready);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth)
          overflowing.push(`${pageCase.name}: ${scrollWidth}px > ${clientWidth}px`);
        for (const violation of await seriousViolations(page))
          overflowing.push(`${pageCase.name} (axe): ${violation}`);
        await screenshot(page, `light-390-${pageCase.name}`);
      }
      // The question list is its own screen on a phone.
      await open(page, `/#/library/${ids.documentId}/answers`, ".question-list");
      expect(await page.locator(".answer-pane").isVisible()).toBe(false);
      await screenshot(page, "light-390-questions");
      await context.close();
      expect(overflowing).toEqual([]);
    },
    AXE_TIMEOUT,
  );

  test("at 390 px: Import is in the nav, the view tabs show that they scroll, the editor keeps score and top risk in sight", async () => {
    const context = await newContext(browser, server.url, { width: 390, height: 844 });
    const page = await context.newPage();
    const inViewport = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const box = element.getBoundingClientRect();
          return (
            box.width > 0 &&
            box.top >= 0 &&
            box.left >= 0 &&
            box.bottom <= innerHeight &&
            box.right <= innerWidth
          );
        });

    await open(page, `/#/library/${ids.documentId}/answers/${ids.answerId}`, ".answer-panel");
    expect(await page.getByRole("link", { name: "Import" }).isVisible()).toBe(true);
    expect(await inViewport(".main-nav .nav-start")).toBe(true);

    // The tabs overflow; the hidden end fades (mask), and after scrolling the start does.
    const tabs = page.locator(".view-tabs");
    const row = () =>
      tabs.evaluate((element) => ({
        overflow: (element as HTMLElement).dataset.overflow,
        scrollable: element.scrollWidth > element.clientWidth,
        mask: getComputedStyle(element).maskImage,
      }));
    // The row is marked by an effect (and a ResizeObserver) after it is drawn: wait for the mark.
    await expect.poll(row).toMatchObject({ overflow: "end", scrollable: true });
    expect((await row()).mask).toMatch(/gradient/);
    await tabs.evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
    });
    await expect.poll(async () => (await row()).overflow).toBe("start");
    // A view further along opens with its own tab scrolled into sight.
    await open(page, `/#/library/${ids.documentId}/notes`, ".notes, .empty-state");
    await expect.poll(() => inViewport('.view-tab[aria-current="page"]')).toBe(true);

    // Typing in the editor: the summary stays on screen above the text, however far down.
    await open(page, `/#/edit/${ids.answerId}`, ".edit-layout .lens-body");
    const textarea = page.locator("textarea");
    await textarea.focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" They broke it, not me.");
    await page.evaluate(() => window.scrollBy(0, 400));
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(await inViewport(".lens-summary")).toBe(true);
    await expect.poll(() => page.locator(".lens-summary").textContent()).toMatch(/[1-5]\/5.*Risk: blame/);
    // The full lens is still below the editor, one tap away.
    expect(await inViewport(".edit-layout .lens")).toBe(false);
    await screenshot(page, "light-390-edit-typing");
    await context.close();
  });

  for (const theme of ["light", "dark"] as Theme[]) {
    test(`renaming a document by keyboard, and axe passes on the rename form (${theme} theme)`, async () => {
      const context = await newContext(browser, server.url, { theme, width: 390, height: 844 });
      const page = await context.newPage();
      await open(page, `/#/library/${ids.documentId}/answers/${ids.answerId}`, ".answer-panel");
      const before = (await page.locator("h1").first().textContent()) ?? "";
      await page.getByRole("button", { name: /^Rename/ }).focus();
      await page.keyboard.press("Enter");
      const input = page.getByRole("textbox", { name: "Document title" });
      expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      // Escape cancels and gives the focus back to the button.
      await page.keyboard.press("Escape");
      expect(await page.locator("h1").first().textContent()).toBe(before);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Rename/);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Control+A");
      await page.keyboard.type(`ML Engineer prep (${theme})`);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: `ML Engineer prep (${theme})` }).waitFor();
      // The tab's title follows the heading in an effect, after the rename's answer is drawn.
      await expect.poll(() => page.title()).toBe(`ML Engineer prep (${theme}) · derisk`);
      // The name is the server's now: a reload shows it.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: `ML Engineer prep (${theme})` }).waitFor();
      await context.close();
    });
  }

  test("the theme toggle switches and remembers the theme", async () => {
    const context = await newContext(browser, server.url, { theme: "light" });
    const page = await context.newPage();
    await open(page, "/#/", ".dropzone");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.reload();
    await page.locator(".dropzone").waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.getByRole("button", { name: "Switch to light theme" }).isVisible()).toBe(true);
    await context.close();
  });
});
