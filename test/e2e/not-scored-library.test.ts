/**
 * An answer written in another language is not scored, in the library too: the badge beside its
 * question and on its variant tab says "not scored (French)" (the language's code on screen, no
 * 1/5), and the variant comparison says "Not scored (French)" where the other variant shows its
 * score. Real server, real browser, the analysis worker as the user's page runs it.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importText, screenshot, useSpec } from "./harness.ts";

const launched = await launchBrowser();

const FRENCH =
  "Dans mon dernier poste, notre chaîne de traitement échouait deux fois par semaine. J'ai trouvé la cause dans l'export des données et je l'ai réécrit avec un contrôle. Les pannes sont passées de huit par mois à zéro, et j'ai appris à tester les données en premier.";
const ENGLISH =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.";
const DOC = [
  "# Prep",
  "",
  "### Q1- Tell me about a difficult technical problem you solved.",
  "",
  `"${ENGLISH}"`,
  "",
  "#### Alternative version",
  "",
  FRENCH,
  "",
  "### Q2- Tell me about a time you made a mistake.",
  "",
  `"${FRENCH}"`,
  "",
].join("\n");

describe.runIf(launched.browser !== null)("an answer in another language in the library", () => {
  const browser = launched.browser as Browser;
  const ids = { documentId: "" };
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async (opened) => {
      ids.documentId = await importText(opened.server.url, DOC, "prep.md");
    },
  });

  test("its badge and the variant comparison read 'not scored (French)', not 1/5", async () => {
    const { page } = spec;
    await page.goto(`/#/library/${ids.documentId}/answers`);
    const links = page.locator(".question-link");
    const english = links.filter({ hasText: "difficult technical problem" });
    const french = links.filter({ hasText: "made a mistake" });
    // Scores come from the analysis worker after the list has painted.
    await english.locator(".question-score[data-score]").waitFor({ timeout: 30_000 });
    const badge = french.locator(".question-score[data-not-scored]");
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.getAttribute("data-not-scored")).toBe("French");
    expect(await badge.textContent()).toBe("FRnot scored (French)");
    expect(await badge.getAttribute("title")).toBe("Not scored (French): the risk lens reads English only");
    expect(await french.locator("[data-score]").count()).toBe(0);
    expect(await french.textContent()).not.toContain("/5");

    // The question with an English core and a French alternative: each tab has its own badge.
    await english.click();
    const tabs = page.getByRole("tablist", { name: "Answer variants" });
    await tabs.locator(".question-score[data-not-scored='French']").waitFor({ timeout: 30_000 });
    expect(await tabs.locator(".question-score[data-score]").count()).toBe(1);
    await page.getByRole("button", { name: "Compare side by side" }).click();
    const notScored = page.getByTestId("variant-not-scored");
    await notScored.waitFor({ timeout: 30_000 });
    expect(await notScored.textContent()).toMatch(
      /^Not scored \(French\) \(the risk lens reads English only\)$/,
    );
    const columns = page.locator(".variant-column-score");
    await expect.poll(() => columns.count()).toBe(2);
    expect(await columns.first().textContent()).toMatch(/^\d\/5/);
    // No risk or STAR part is read from the French words: the English column lists them, it does not.
    const signals = page.locator(".variant-column").locator(".variant-column-signals");
    expect(await signals.count()).toBe(1);
    await screenshot(page, "not-scored-library");
  }, 120_000);
});
