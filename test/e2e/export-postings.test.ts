/**
 * The Export page's "One job posting" sheet lists the postings saved on the Tailor page as soon as
 * the user comes back to it, without a reload: the real server, the built app, Chromium.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSampleAsOwn, type OpenedSpec, useSpec } from "./harness.ts";

const launched = await launchBrowser();

// Our own postings, written for this test.
const postingFor = (company: string) => `Machine Learning Engineer at ${company}

Requirements:
- 3+ years of Python and PyTorch
- Build and monitor models in production, including data drift monitoring
`;

describe.runIf(launched.browser !== null)("export after tailoring", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, {
    closeBrowser: true,
    // The sample, as the app's own button imports it.
    fill: async ({ server }: OpenedSpec) => {
      await importSampleAsOwn(server.url);
    },
  });

  const include = () => spec.page.getByLabel("What to include");
  const nav = (name: string) =>
    spec.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

  async function tailorInApp(company: string): Promise<void> {
    const { page } = spec;
    await nav("Tailor").click();
    await page.getByLabel("Job description").fill(postingFor(company));
    await page.getByRole("button", { name: "Match my stories" }).click();
    await page.getByTestId("tailor-summary").waitFor();
    await page.getByTestId("saved-tailorings").getByText(company).first().waitFor();
  }

  async function postingsOnExport(): Promise<string[]> {
    const { page } = spec;
    await nav("Export").click();
    await include().waitFor();
    await include().locator("option[value=tailoring]").waitFor({ state: "attached", timeout: 10_000 });
    await include().selectOption("tailoring");
    const posting = page
      .locator("label")
      .filter({ has: page.locator(".field-label", { hasText: /^Posting$/ }) })
      .locator("select");
    await posting.waitFor();
    return posting.locator("option").allTextContents();
  }

  test("a posting saved on the Tailor page is offered on Export without a reload", async () => {
    const { page } = spec;
    await page.goto("/#/export");
    await include().waitFor();
    // Nothing tailored yet: no posting to choose.
    expect(await include().locator("option").allTextContents()).not.toContain("One job posting");
    await tailorInApp("Lumen Freight");
    expect((await postingsOnExport()).join("\n")).toMatch(/Lumen Freight/);
    // A second one, while the first stays chosen on the page: both are offered.
    await tailorInApp("Harbour Analytics");
    const offered = (await postingsOnExport()).join("\n");
    expect(offered).toMatch(/Harbour Analytics/);
    expect(offered).toMatch(/Lumen Freight/);
  });

  test("a posting saved in another tab is offered when the Export tab is back in view", async () => {
    const { page, context } = spec;
    await page.goto("/#/export");
    await include().waitFor();
    const before = await include().locator("option").count();
    expect(before).toBeGreaterThan(0);
    await include().selectOption("tailoring");
    const other = await context.newPage();
    try {
      await other.goto("/#/tailor");
      await other.getByLabel("Job description").fill(postingFor("Quay Robotics"));
      await other.getByRole("button", { name: "Match my stories" }).click();
      await other.getByTestId("saved-tailorings").getByText("Quay Robotics").first().waitFor();
    } finally {
      await other.close();
    }
    // Back on the Export tab: the user turns to the sheet's options.
    await page.bringToFront();
    await include().focus();
    const posting = page
      .locator("label")
      .filter({ has: page.locator(".field-label", { hasText: /^Posting$/ }) })
      .locator("select");
    await posting
      .locator("option", { hasText: "Quay Robotics" })
      .waitFor({ state: "attached", timeout: 10_000 });
  });
});
