/**
 * The packaging flows walked from the keyboard on the seed made into stories, with a posting of
 * our own: the focus stays where the user is (on the button they pressed while its request
 * runs, on the link to the answer they just prepared, back on "Prepare this" after Cancel),
 * Tailor's "why this company" line does not say the posting's header line, and a reply saved
 * under a story probe ("What was your part?") does not fill a coverage gap it says nothing of;
 * on a phone, the trailer's lengths read whole ("1 min 30 s", not "1 / min / 30 s").
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser, newContext } from "./browser.ts";
import { boxOf, callApi, importSeed, makeStories, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

// Our own posting, written for this spec: a role line, then "Company — City (hybrid)".
const POSTING = `Senior Machine Learning Engineer
Larkspur Analytics — Lisbon (hybrid)

About Larkspur Analytics
Larkspur Analytics builds forecasting tools that utilities use to plan the grid a day ahead.

What we are looking for
- 5+ years of experience in machine learning or data engineering
- A quantitative PhD (physics, mathematics, statistics or similar)
- Clear communication with non-technical stakeholders
`;

describe.runIf(launched.browser !== null && SEED_RUNS)("packaging flows from the keyboard", () => {
  const browser = launched.browser as Browser;
  const idOf = new Map<string, string>();
  let documentId = "";
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      documentId = await importSeed(server.url);
      await makeStories(server.url, documentId);
      const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
        items: { id: string; key: string }[];
      };
      for (const item of detail.items) idOf.set(item.key, item.id);
    },
  });

  /** What has the focus: its tag and its text, or "BODY" when nothing does. */
  const focused = () =>
    spec.page.evaluate(() => {
      const active = document.activeElement;
      return active === null || active === document.body
        ? "BODY"
        : `${active.tagName} ${(active.textContent ?? "").trim()}`;
    });

  test("Enter on “Compose the draft” composes and leaves the focus on the button", async () => {
    const { page } = spec;
    await page.goto("/#/compose");
    await settle(page);
    await page.getByRole("button", { name: "Compose the draft" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("textbox", { name: "Your working copy" }).waitFor();
    await settle(page);
    expect(await focused()).toBe("BUTTON Compose the draft");
    // Saving the draft as a variant holds the button (saved once), the focus still on it.
    const save = page.getByRole("button", { name: "Save variant" });
    await save.focus();
    await page.keyboard.press("Enter");
    await page.getByText(/^Saved as “composed”/).waitFor();
    expect(await focused()).toBe("BUTTON Save variant");
    expect(await save.isDisabled()).toBe(true);
    // Pressed again, a held button saves nothing.
    await page.keyboard.press("Enter");
    await settle(page);
    const detail = (await (await fetch(`${spec.server.url}/api/documents/${documentId}`)).json()) as {
      items: { key: string }[];
    };
    expect(detail.items.filter((item) => item.key.startsWith("q6/composed")).length).toBe(1);
  });

  test("Tailor: the focus stays on “Match my stories”, and “why this company” says what it builds", async () => {
    const { page } = spec;
    await page.goto("/#/tailor");
    await settle(page);
    await page.getByLabel("Job description").fill(POSTING);
    await page.getByRole("button", { name: "Match my stories" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { name: "Senior Machine Learning Engineer at Larkspur Analytics" })
      .waitFor();
    await settle(page);
    expect(await focused()).toBe("BUTTON Match again");
    const why = page.locator(".card", { has: page.getByText(/^Why Larkspur Analytics/) });
    const line = (await why.textContent()) ?? "";
    expect(line).toContain("What draws me to Larkspur Analytics is that it builds forecasting tools");
    expect(line).not.toContain("Lisbon (hybrid)");
  });

  test("a follow-up prepared from the keyboard leaves the focus on the link to it; Cancel on “Prepare this”", async () => {
    const { page } = spec;
    await page.goto(`/#/followups/${idOf.get("q6/core")}`);
    await page.getByTestId("followups-summary").waitFor();
    await settle(page);
    const card = (question: string) =>
      page
        .locator(".prediction")
        .filter({ has: page.locator(".prediction-question", { hasText: question }) });

    // Cancel: the form closes and the focus goes back to the button that opened it.
    const impact = card("Can you put a number on it?");
    await impact.getByRole("button", { name: /^Prepare this/ }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Not sure yet.");
    await impact.getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    expect(await focused()).toBe("BUTTON Prepare this: “What was the impact? Can you put a number on it?”");

    // Saved: the card shows it prepared and the focus is on the link to the answer.
    // The same card again (one sentence draws one follow-up: the result asks for its impact only).
    const measure = impact;
    await measure.getByRole("button", { name: /^Prepare this/ }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type(
      "I watched the ingress error rate in CloudWatch: every request timed out before the fix and none did ten minutes after it.",
    );
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("BUTTON Save under this question");
    await page.keyboard.press("Enter");
    await measure.locator(".tag-covered").waitFor();
    await settle(page);
    expect(await focused()).toBe("A Your prepared answer");
  });

  test("a coverage gap's “Write your answer” opens a form whose selects are drawn like every other", async () => {
    const { page } = spec;
    await page.goto("/#/coverage");
    await settle(page);
    await page
      .getByRole("link", { name: /^Write your answer/ })
      .first()
      .click();
    await page.getByLabel("Save into").waitFor();
    await settle(page);
    // The app draws its own arrow on every select (appearance none), as on Compose and Re-angle.
    const appearance = await page
      .getByLabel("Save into")
      .evaluate((el) => getComputedStyle(el).getPropertyValue("appearance"));
    expect(appearance).toBe("none");
  });

  test("a coverage gap's “Write a story” leads back to coverage", async () => {
    const { page } = spec;
    await page.goto("/#/coverage");
    await settle(page);
    await page.getByRole("link", { name: "Write a story for Conflict" }).click();
    await page.getByRole("heading", { name: "New story" }).waitFor();
    const back = page.locator(".back-link");
    expect((await back.textContent())?.trim()).toBe("Back to coverage");
    await back.click();
    await page.waitForURL(/#\/coverage$/);
  });

  test("beside the sample, an answer written for a coverage gap is saved into the user's own document", async () => {
    const { server } = spec;
    // The sample imported last is the newest document, the first in the list.
    await callApi(server.url, "/api/sample", {});
    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      await page.goto("/#/coverage");
      await settle(page);
      await page
        .getByRole("link", { name: /^Write your answer/ })
        .first()
        .click();
      const into = page.getByLabel("Save into");
      await into.waitFor();
      await settle(page);
      expect(await into.locator("option:checked").textContent()).toBe("Prep");
      expect(await into.locator("option").count()).toBe(2);
    } finally {
      await context.close();
    }
  });

  test("at 390 px each trailer length reads on one line", async () => {
    const context = await newContext(browser, spec.server.url, { width: 390, height: 844 });
    try {
      const page = await context.newPage();
      await page.goto("/#/trailer");
      await page.locator(".trailer-card").waitFor();
      await settle(page);
      const options = page.locator(".trailer-length .segmented-option");
      expect(await options.count()).toBe(4);
      for (const option of await options.all()) {
        const lineHeight = await option.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
        const box = await boxOf(option);
        expect(box.height, (await option.textContent()) ?? "").toBeLessThan(1.5 * lineHeight);
      }
    } finally {
      await context.close();
    }
  });

  test("a reply saved under a story probe does not fill a coverage gap it says nothing of", async () => {
    const { page, server } = spec;
    // Saved as the follow-ups page saves it, under the mistake story's question.
    await callApi(server.url, `/api/items/${idOf.get("q6/core")}/follow-ups`, {
      question: "What was your part?",
      answer:
        "I wrote the rollback script myself and ran the review afterwards; the platform team checked the certificate change.",
    });
    await page.goto("/#/coverage");
    await settle(page);
    const row = (name: string) => page.locator("tr", { has: page.locator("th", { hasText: name }) });
    for (const [competency, probe] of [
      ["Teamwork", /What was your part/],
      ["Feedback", /How did you measure it/],
    ] as const) {
      expect(await row(competency).locator(".tag-gap").count(), competency).toBe(1);
      expect(await row(competency).getByRole("link", { name: probe }).count(), competency).toBe(0);
    }
  });
});
