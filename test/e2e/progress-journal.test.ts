/**
 * The progress dashboard and the reflection journal in a real browser against the real server:
 * honest empty states, the seed's reflection as the first journal entry with reframes and an
 * edited takeaway, and charts after a few practice answers, in both themes and at 390 px.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { callApi, importSeed, screenshot, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

const ANSWER =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.";

/** One practice answer over the API: a session of one question, submitted and rated. */
async function practiseOnce(server: TestServer, text: string): Promise<void> {
  const { session } = (await callApi(server.url, "/api/practice/sessions", {
    from: { kind: "due" },
    count: 1,
  })) as { session: { id: string } };
  const submitted = (await callApi(server.url, `/api/practice/sessions/${session.id}/submit`, { text })) as {
    stepId: string;
  };
  await callApi(server.url, `/api/practice/sessions/${session.id}/steps/${submitted.stepId}/rating`, {
    rating: "good",
  });
}

describe.runIf(launched.browser !== null)("progress and journal", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  test("a new user's progress page says what to do first instead of drawing empty axes", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto("/#/progress");
    await page.getByText("Practise one question to start your progress").waitFor();
    await expect(page.getByRole("link", { name: "Import a document" }).count()).resolves.toBe(1);
    expect(await page.locator("canvas").count()).toBe(0);
    await importSeed(server.url);
    await page.reload();
    await page.getByText(/You have \d+ questions ready/).waitFor();
    expect(await page.locator("canvas").count()).toBe(0);
    await screenshot(page, "progress-empty");
    await context.close();
  }, 120_000);

  test("the seed's talk after the bug is the first journal entry; a reframe becomes the takeaway", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto("/#/journal");
    const entry = page.getByRole("article");
    await entry.getByRole("heading", { level: 2 }).waitFor();
    await expect(entry.getByText(/why I had to learn about TLS handshake/).count()).resolves.toBe(1);
    const reframes = entry.getByRole("region", { name: "Reframes from your own words" });
    await expect(reframes.getByText("What you solved").first().isVisible()).resolves.toBe(true);
    await expect(reframes.getByText("You solved the problem.").count()).resolves.toBe(1);
    const takeaway = entry.getByLabel("Your takeaway, in one line");
    expect(await takeaway.inputValue()).toMatch(/^I now know exactly how much/);
    await screenshot(page, "journal");

    await reframes
      .getByRole("listitem")
      .filter({ hasText: "You solved the problem." })
      .getByRole("button", { name: "Use as takeaway" })
      .click();
    await entry.getByRole("button", { name: "Save the takeaway" }).click();
    await entry.getByRole("status").getByText("Saved.").waitFor();
    await page.reload();
    expect(await page.getByLabel("Your takeaway, in one line").inputValue()).toBe("You solved the problem.");

    // A new entry of one's own, with a fact derisk can reframe.
    await page.getByRole("link", { name: "New entry" }).click();
    // The entry shown before still has a "What happened" section: wait for the form's text box.
    await page
      .getByRole("textbox", { name: "What happened" })
      .fill("The release broke the night before the demo. I rolled it back and fixed the config.");
    await page.getByRole("textbox", { name: "How it felt" }).fill("Panicked, then calm.");
    await page.getByRole("button", { name: "Save the entry" }).click();
    await page.getByText("I rolled it back and fixed the config.", { exact: true }).first().waitFor();
    // The list reloads after the save: the new entry joins the seed's.
    await page.getByRole("navigation", { name: "Entries" }).getByRole("link").nth(1).waitFor();
    await expect(page.getByRole("navigation", { name: "Entries" }).getByRole("link").count()).resolves.toBe(
      2,
    );
    await context.close();

    const phone = await newContext(browser, server.url, { width: 390, theme: "dark" });
    const small = await phone.newPage();
    await small.goto("/#/journal");
    await small.getByRole("article").getByRole("heading", { level: 2 }).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(small, "journal-390-dark");
    await phone.close();
  }, 120_000);

  test("a journal entry being written survives a closed tab: it is back in the form, and gone once saved", async () => {
    const context = await newContext(browser, server.url);
    let page = await context.newPage();
    await page.goto("/#/journal/new");
    await page.getByLabel("What happened").fill("The release broke the night before the demo.");
    await page.getByLabel("How it felt").fill("Panicked, then calm once I had a plan.");
    // The tab closes (a crash, a closed window) without saving and without asking.
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto("/#/journal/new");
    await expect(page.getByLabel("What happened").inputValue()).resolves.toBe(
      "The release broke the night before the demo.",
    );
    await expect(page.getByLabel("How it felt").inputValue()).resolves.toBe(
      "Panicked, then calm once I had a plan.",
    );
    await page.getByRole("button", { name: "Save the entry" }).click();
    await page.waitForURL(/#\/journal\/(?!new)[^/]+$/);
    await page.goto("/#/journal/new");
    await expect(page.getByLabel("What happened").inputValue()).resolves.toBe("");
    await context.close();
  }, 120_000);

  test("after practice the dashboard draws its charts, with the numbers for screen readers, in both themes", async () => {
    const { documents } = (await (await fetch(`${server.url}/api/documents`)).json()) as {
      documents: unknown[];
    };
    if (documents.length === 0) await importSeed(server.url);
    await practiseOnce(server, ANSWER);
    await practiseOnce(server, "I fixed it. It was hard. Others broke it.");
    await practiseOnce(server, ANSWER);
    for (const [theme, width] of [
      ["light", 1280],
      ["dark", 390],
    ] as const) {
      // The language tag Chromium reports when started under LANG=C.UTF-8, which Intl refuses.
      const context = await newContext(browser, server.url, { width, theme, locale: "en-US@posix" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto("/#/progress");
      await page
        .locator(".chart-box canvas")
        .nth(3)
        .waitFor()
        .catch(async (error: Error) => {
          await screenshot(page, `progress-failed-${theme}`);
          throw new Error(`${error.message}\npage errors: ${errors.join("; ")}`);
        })
        .finally(() => undefined);
      expect(errors).toEqual([]);
      expect(await page.locator(".chart-box canvas").count()).toBe(4);
      const score = page.getByRole("img", { name: /^Score per attempt: 3 scored attempts/ });
      await expect(score.count()).resolves.toBe(1);
      // The hidden tables carry every attempt's figures.
      const table = page.getByRole("table", { name: "Score per attempt" });
      await expect(table.getByRole("row").count()).resolves.toBe(4);
      await expect(
        page.getByRole("table", { name: "Cards due, next 30 days" }).getByRole("row").count(),
      ).resolves.toBe(31);
      // These attempts were typed: the timing chart does not call their time "the time you spoke".
      const timing = page.getByRole("region", { name: "Time used vs budget" });
      await expect(timing.textContent()).resolves.not.toContain("the time you spoke");
      await expect(timing.textContent()).resolves.toContain(
        "typing, or speaking for an answer said out loud",
      );
      await expect(page.getByText("Streak").count()).resolves.toBeGreaterThan(0);
      await expect(page.locator(".progress-tile dd").first().textContent()).resolves.toBe("1 day");
      // Coverage bars share one scale: a wider figure ("1/5 · 1.0") beside a bar does not shorten it.
      const bars = await page
        .locator(".coverage-bar")
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)));
      expect(bars.length).toBeGreaterThan(1);
      expect(new Set(bars).size).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `progress-${theme}-${width}`);
      await context.close();
    }
  }, 180_000);
});
