/**
 * Every page, in light and dark themes: no serious or critical axe violations, no horizontal
 * scroll at 390 px, and a screenshot of each for a person to look at.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext, type Theme } from "./browser.ts";
import { importSeed, screenshot, startTestServer, type TestServer } from "./harness.ts";

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

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
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
    test(`axe finds no serious or critical violations (${theme} theme)`, async () => {
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
    });
  }

  test("at 390 px wide no page scrolls sideways and axe still passes", async () => {
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
  });

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
