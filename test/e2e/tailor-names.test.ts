/**
 * The Tailor page's company and role follow the posting matched: a second posting pasted on the
 * same page fills them afresh. Before, the first posting's names stayed in the fields and were
 * sent back as if the user had typed them, so the second posting was saved and shown as the
 * first one's role at the first one's company. A name the user types is kept over the next
 * posting's, and the result says which is used and what the posting names.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSampleAsOwn, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

// Our own postings, written for this test.
const FIRST = `Data Engineer — Harbour Metrics

Requirements:
- 5+ years of experience working with data
- Experience with Airflow
`;
const SECOND = `ML Platform Engineer — Copperline Freight

Requirements:
- Experience with Kubernetes and model serving
- Explain results to non-technical stakeholders
`;
const THIRD = `Analytics Engineer — Wrenfield Health

Requirements:
- Strong SQL
- Experience with dashboards for clinical teams
`;

describe.runIf(launched.browser !== null)("tailor's company and role", () => {
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

  const match = async (posting: string, requirements: number) => {
    await page.getByLabel("Job description").fill(posting);
    await page.getByRole("button", { name: /Match (?:my stories|again)/ }).click();
    const heading = page.locator(".tailor-heading");
    const summary = page.getByTestId("tailor-summary");
    const firstLine = posting.split("\n")[0] ?? "";
    const role = firstLine.split(" — ")[0] ?? "";
    await expect
      .poll(async () => `${await heading.textContent()} | ${await summary.textContent()}`)
      .toMatch(new RegExp(`^${role} at .* \\| .*of ${requirements} requirements`));
  };
  const fields = async () => ({
    company: await page.getByLabel("Company").inputValue(),
    role: await page.getByLabel("Role").inputValue(),
    heading: (await page.locator(".tailor-heading").textContent()) ?? "",
  });

  test("follow a second posting matched on the same page, and a typed company is kept and said", async () => {
    await page.goto("/#/tailor");
    await match(FIRST, 2);
    expect(await fields()).toEqual({
      company: "Harbour Metrics",
      role: "Data Engineer",
      heading: "Data Engineer at Harbour Metrics",
    });

    await match(SECOND, 2);
    expect(await fields()).toEqual({
      company: "Copperline Freight",
      role: "ML Platform Engineer",
      heading: "ML Platform Engineer at Copperline Freight",
    });
    const saved = await page.getByTestId("saved-tailorings").locator("li a").allTextContents();
    expect(saved).toContain("ML Platform Engineer at Copperline Freight");
    expect(saved).not.toContain("Data Engineer at Copperline Freight");
    expect(saved).not.toContain("ML Platform Engineer at Harbour Metrics");

    // The user corrects the company: kept for the next posting, and the page says so.
    await page.getByLabel("Company").fill("Copperline Group");
    await match(THIRD, 2);
    expect(await fields()).toEqual({
      company: "Copperline Group",
      role: "Analytics Engineer",
      heading: "Analytics Engineer at Copperline Group",
    });
    const notes = await page.locator(".tailor-result .callout").allTextContents();
    expect(notes).toContain(
      "The company is “Copperline Group”, as you gave it; the posting names “Wrenfield Health”.",
    );
    await screenshot(page, "tailor-names-typed");

    // Emptied, the field takes the next posting's name again.
    await page.getByLabel("Company").fill("");
    await match(FIRST, 2);
    expect((await fields()).company).toBe("Harbour Metrics");
    const after = await page.locator(".tailor-result .callout").allTextContents();
    expect(after.filter((note) => /as you gave it/.test(note))).toEqual([]);
  }, 180_000);
});
