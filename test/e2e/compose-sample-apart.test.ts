/**
 * The Compose story picker beside the demo sample: the sample's "Tell me about a time you made a
 * mistake and how you handled it." and the candidate's own story of the same question read the
 * same in one flat list, the sample's first when it was drawn first. Now the candidate's own come
 * first, and the sample's sit apart under their own heading, as on the Stories page.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { callApi, importText, makeStories, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

const OWN = `## Q5- Tell me about a time you made a mistake and how you handled it.

**Situation:** Our nightly churn model suddenly scored every customer as loyal.
**Task:** I owned the pipeline, so I had to find out why before the Monday review.
**Action:** I traced it to a feature I had joined on the wrong date, fixed the join and added a check that fails the run when a feature postdates the label.
**Result:** The scores were right again by Sunday, and the check has caught two more bad joins since.
`;

describe.runIf(launched.browser !== null)("Compose's story picker with the sample beside your own", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { closeBrowser: true });

  test("your stories come first; the sample's are grouped apart", async () => {
    const sample = (await callApi(spec.server.url, "/api/sample", {})) as { documentId: string };
    await makeStories(spec.server.url, sample.documentId);
    const own = await importText(spec.server.url, OWN, "my-prep.md");
    await makeStories(spec.server.url, own);
    const page = await spec.context.newPage();
    try {
      await page.goto("/#/compose");
      const picker = page.getByLabel("Story");
      await picker.waitFor();
      await settle(page);
      const groups = await picker.locator("optgroup").evaluateAll((els) =>
        els.map((el) => ({
          label: el.getAttribute("label"),
          options: Array.from(el.querySelectorAll("option"), (o) => o.textContent),
        })),
      );
      expect(groups.map((g) => g.label)).toEqual(["Your stories", "From the sample document"]);
      expect(groups[0]?.options).toHaveLength(1);
      expect(groups[1]?.options.length).toBeGreaterThan(0);
      // The story picked at first is the candidate's own.
      const chosen = await picker.evaluate((el: HTMLSelectElement) =>
        el.selectedOptions[0]?.parentElement?.getAttribute("label"),
      );
      expect(chosen).toBe("Your stories");
    } finally {
      await page.close();
    }
  });
});
