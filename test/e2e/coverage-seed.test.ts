/**
 * Coverage on the seed in a real browser, its answers made into stories: the self-presenting
 * answers count for about me and motivation only, and the story columns — three of them drawn
 * from variants of one mistake question, whose heads all read "Tell me about a time yo…" — are
 * named in full under the grid, so the user can tell them apart; each head shows what sets its
 * title apart from the others.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser, newContext } from "./browser.ts";
import { closeSpec, importSeed, makeStories, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null && SEED_RUNS)("coverage on the seed", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    const documentId = await importSeed(server.url);
    await makeStories(server.url, documentId);
  }, 120_000);

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("names every story column in full, variants told apart", async () => {
    await page.goto("/#/coverage");
    await page.locator(".heatmap").waitFor();
    const heads = await page.locator(".heatmap-story").count();
    expect(heads).toBeGreaterThanOrEqual(4);
    // Each column head reads differently (before: all "Tell me about a time yo…"), the full title on hover.
    const headTexts = await page.locator(".heatmap-story a").allInnerTexts();
    expect(new Set(headTexts).size).toBe(heads);
    expect(headTexts.filter((text) => text.startsWith("Tell me about a time")).length).toBeLessThanOrEqual(1);
    expect(await page.locator(".heatmap-story a").first().getAttribute("title")).toMatch(/\w{3,}/);
    const key = page.getByRole("list", { name: "Story columns" });
    await key.waitFor();
    const entries = await key.locator("li").allInnerTexts();
    expect(entries).toHaveLength(heads);
    expect(entries[0]).toMatch(/^S1\s/);
    expect(new Set(entries.map((e) => e.replace(/^S\d+\s+/, ""))).size).toBe(heads);
    // The key names each story in full: a head may be cut ("…"), the key never is. (Stories are
    // titled by what happened, so the seed's three mistake variants read apart without "(ML-focused)".)
    expect(entries.join("\n")).not.toMatch(/…/);
    await key.getByRole("link").first().click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/stories\//);
    await page.goto("/#/coverage");
    await page.locator(".heatmap").waitFor();
    await screenshot(page, "coverage-seed");
  });

  test("the about-me answer is no evidence of ambiguity or teamwork", async () => {
    await page.goto("/#/coverage");
    await page.locator(".heatmap").waitFor();
    for (const competency of ["Ambiguity", "Teamwork"]) {
      const row = page.locator("tbody tr").filter({ has: page.getByText(competency, { exact: true }) });
      expect(await row.textContent()).not.toMatch(/Tell me about yourself/);
    }
    const aboutMe = page.locator("tbody tr").filter({ has: page.getByText("About me", { exact: true }) });
    expect(await aboutMe.textContent()).toMatch(/Tell me about yourself/);
  });

  test("at 390 px the grid says it scrolls sideways, fades its right edge, and shows two story columns beside the competencies", async () => {
    // Before: the story columns sat out of sight to the right, with no sign they were there, and
    // scrolled to them the sticky competency column (208 px) left room for one.
    const phone = await newContext(browser, server.url, { width: 390, height: 844 });
    const tab = await phone.newPage();
    await tab.goto("/#/coverage");
    const scroller = tab.locator(".heatmap-scroll");
    await scroller.waitFor();
    const stories = await tab.locator(".heatmap-story").count();
    await expect.poll(() => scroller.getAttribute("data-overflow")).toBe("end");
    const hint = tab.getByTestId("heatmap-hint");
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toBe(
      `Wider than the screen: scroll the table sideways for the story columns S1–S${stories}.`,
    );
    const fade = await tab
      .locator(".heatmap-frame")
      .evaluate((frame) => getComputedStyle(frame, "::after").backgroundImage);
    expect(fade).toMatch(/linear-gradient/);
    // Scrolled to its end: nothing more to the right, so no hint and no fade.
    await scroller.evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
    });
    await expect.poll(() => scroller.getAttribute("data-overflow")).toBe("start");
    expect(await hint.isVisible()).toBe(false);
    const widths = await scroller.evaluate((element) => ({
      view: element.clientWidth,
      competency: element.querySelector(".heatmap-competency")?.getBoundingClientRect().width ?? 0,
      story: element.querySelector(".heatmap-story")?.getBoundingClientRect().width ?? 0,
    }));
    expect(widths.view - widths.competency).toBeGreaterThanOrEqual(2 * widths.story);
    await screenshot(tab, "coverage-seed-390");
    await phone.close();
    // Where the grid fits, neither shows.
    await page.goto("/#/coverage");
    await page.locator(".heatmap").waitFor();
    await expect.poll(() => page.locator(".heatmap-scroll").getAttribute("data-overflow")).toBe("none");
    expect(await page.getByTestId("heatmap-hint").isVisible()).toBe(false);
  });
});
