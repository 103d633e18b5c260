/**
 * Tailor on our sample in a real browser against the real server: years are checked against
 * what the sample says of that very work (six years of data work, two of shipping ML), and the
 * "why you fit" line says the sample's "I'm Ines, and I spent six years…" without the name.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSampleAsOwn, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("tailor on the sample", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    await importSampleAsOwn(server.url);
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("tailor checks years against what the sample says of that work, and the fit line leaves out “I'm Ines, and”", async () => {
    // Our own posting, written for this test: six years of data work meet the first ask, two
    // years of shipping ML do not meet the second.
    const posting = `Data Engineer at Harbour Metrics

Requirements:
- 5+ years of experience working with data
- 3+ years of experience building and deploying ML models
`;
    await page.goto("/#/tailor");
    await page.getByLabel("Job description").fill(posting);
    await page.getByRole("button", { name: /Match (?:my stories|again)/ }).click();
    const summary = page.getByTestId("tailor-summary");
    await expect.poll(async () => (await summary.textContent()) ?? "").toMatch(/of 2 requirements/);
    const card = (ask: RegExp) => page.locator(".requirement").filter({ hasText: ask });
    expect(await card(/5\+ years of experience working with data/).textContent()).toMatch(
      /your bank says 6 years\./,
    );
    expect(await card(/3\+ years of experience building and deploying/).textContent()).toMatch(
      /your bank says 2 years — be ready/,
    );
    const fits = await page
      .locator(".why-line")
      .filter({ has: page.locator("dt", { hasText: "Why you fit" }) })
      .locator("dd")
      .allTextContents();
    expect(
      fits.some((f) => /^You ask for 5\+ years of experience working with data\. I spent six years/.test(f)),
    ).toBe(true);
    expect(fits.filter((f) => /I['’]m Ines/.test(f))).toEqual([]);
    await screenshot(page, "tailor-sample-years");
  });

  test("tailor reads no requirement in the team the reader joins, marks a related tool partial and says so, and never gives the “Now →” line as strong", async () => {
    // Our own posting: its "About the role" places the reader in a team, then tells one duty.
    const posting = `# ML Engineer — Tidewell Labs

## About the role
Tidewell Labs builds forecasting tools for water utilities. You will join a group of five engineers who keep the forecasts running. You will own the retraining of our demand models.

## Requirements
- TensorFlow
- Bring careful measurement to a product team that ships ML
`;
    await page.goto("/#/tailor");
    await page.getByLabel("Job description").fill(posting);
    await page.getByRole("button", { name: /Match (?:my stories|again)/ }).click();
    const summary = page.getByTestId("tailor-summary");
    await expect.poll(async () => (await summary.textContent()) ?? "").toMatch(/of 3 requirements/);
    const asks = await page.locator(".requirement").allTextContents();
    expect(asks.filter((a) => /You will join a group/.test(a))).toEqual([]);
    expect(asks.some((a) => /You will own the retraining/.test(a))).toBe(true);
    const tensorflow = page
      .locator(".requirement")
      .filter({ hasText: /^TensorFlow|TensorFlow/ })
      .first();
    const pytorch = tensorflow
      .locator(".evidence")
      .filter({ hasText: /PyTorch/ })
      .first();
    expect(await pytorch.getByTestId("evidence-note").textContent()).toBe(
      "“PyTorch” is related to TensorFlow, not TensorFlow itself",
    );
    expect(await pytorch.locator(".tag").getAttribute("data-strength")).toBe("partial");
    const now = page.locator(".evidence").filter({ hasText: /Now → bring careful measurement/ });
    expect(await now.count()).toBeGreaterThan(0);
    for (const strength of await now
      .locator(".tag")
      .evaluateAll((tags) => tags.map((t) => t.getAttribute("data-strength"))))
      expect(strength).toBe("partial");
    await screenshot(page, "tailor-sample-related-tool");
  });
});
