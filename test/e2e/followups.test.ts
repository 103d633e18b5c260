/**
 * Follow-ups on the seed in a real browser against the real server: a follow-up prepared in
 * another question is linked, the document's own concern brings back its reframes, a mistake
 * story is probed before its tools and its stated lesson answers "what would you do
 * differently?", "Prepare this" saves an answer that is there on the next
 * load, and "Make a story" is not offered on an introduction (the server refuses it with the reason).
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, openSpec, screenshot, settle, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("follow-ups on the seed", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId = "";
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    documentId = await importSeed(server.url);
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { id: string; key: string }[];
    };
    for (const item of detail.items) idOf.set(item.key, item.id);
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  // A card by its own question (a linked card also shows the prepared question it links to).
  const card = (question: RegExp) =>
    page.locator(".prediction").filter({ has: page.locator(".prediction-question", { hasText: question }) });

  test("Q2's “ML in practice” and “why now” are prepared in Q1, and Q1's “too academic” reframes show", async () => {
    await page.goto(`/#/followups/${idOf.get("q2/core")}`);
    await page.getByTestId("followups-summary").waitFor();
    // The first visit: the predictions may first be made before the document list (the target
    // role they are made for) has come, then again for the role. Read the second.
    await settle(page);
    for (const question of [/ML in practice/, /^Why now\?/]) {
      const prediction = card(question);
      await expect.poll(() => prediction.count()).toBe(1);
      expect(await prediction.locator(".tag-covered").count()).toBe(1);
      expect(await prediction.locator(".tag-gap").count()).toBe(0);
    }
    expect(
      await card(/ML in practice/)
        .getByRole("link")
        .getAttribute("href"),
    ).toBe(`#/edit/${idOf.get("q1/follow-up-3")}`);
    const concern = page.locator(".concern-card").filter({ hasText: "too academic" });
    expect(await concern.locator(".reframe").first().textContent()).toMatch(/^My PhD wasn’t theoretical/);
    await screenshot(page, "followups-q2-linked");
  });

  test("on Q1, the PhD answer the document prepared is linked from one follow-up, not shown twice", async () => {
    for (const key of ["q1/core", "q1/alternative"]) {
      await page.goto(`/#/followups/${idOf.get(key)}`);
      await page.getByTestId("followups-summary").waitFor();
      await settle(page);
      const href = `#/edit/${idOf.get("q1/follow-up-1")}`;
      const linked = page.locator(".prediction").filter({ has: page.locator(`a[href="${href}"]`) });
      await expect.poll(() => linked.count(), { message: key }).toBe(1);
      expect(await linked.locator(".prediction-question").textContent(), key).toMatch(
        /^Was your PhD in Applied Math(?:ematics)? related to ML\?$/,
      );
    }
  });

  test("the mistake story is probed before its tools, its stated lesson answers “What would you do differently?”, and “Prepare this” saves an answer under Q6", async () => {
    await page.goto(`/#/followups/${idOf.get("q6/core")}`);
    await page.getByTestId("followups-summary").waitFor();
    await settle(page);
    const questions = await page.locator(".prediction-question").allTextContents();
    expect(questions[0]).toBe("What would you do differently?");
    const firstTool = questions.findIndex((q) => /^What's your experience with/.test(q));
    const impactAt = questions.indexOf("What was the impact? Can you put a number on it?");
    expect(impactAt).toBeGreaterThan(0);
    if (firstTool >= 0) expect(firstTool).toBeGreaterThan(impactAt);
    // One sentence draws one follow-up: the result ("The fix restored secure access…") is asked
    // for its impact, not also how it was measured; the opening's tools draw one question at most.
    expect(questions).not.toContain("How did you measure it?");

    // The story says its lesson: quoted as the answer, not a gap.
    const differently = card(/^What would you do differently\?/);
    expect(await differently.locator(".tag-gap").count()).toBe(0);
    expect(
      await differently.getByTestId("answered-in-answer").locator(".prepared-answer").textContent(),
    ).toMatch(/^It was a valuable lesson — now, I always double-check/);

    const probe = card(/^What was the impact\? Can you put a number on it\?/);
    await probe.getByRole("button", { name: /Prepare this/ }).click();
    const said =
      "I watched the gateway's 5xx rate and a synthetic login check: both back to normal within ten minutes.";
    await probe.getByLabel("Your answer to “What was the impact? Can you put a number on it?”").fill(said);
    await probe.getByRole("button", { name: "Save under this question" }).click();
    await expect.poll(() => probe.locator(".tag-covered").count()).toBe(1);
    expect(await probe.locator(".prepared-answer").textContent()).toBe(said);

    await page.reload();
    await page.getByTestId("followups-summary").waitFor();
    await settle(page);
    await expect
      .poll(() =>
        card(/^What was the impact\? Can you put a number on it\?/)
          .locator(".tag-covered")
          .count(),
      )
      .toBe(1);
    const exported = await (
      await fetch(`${server.url}/api/export?documentId=${documentId}&format=md`)
    ).text();
    expect(exported).toContain(`“What was the impact? Can you put a number on it?”\n👉 Answer: ${said}`);
    await screenshot(page, "followups-prepared");
  });

  test("quotes are said as written: no “**Situation**:” markup, and a concern quotes each sentence once", async () => {
    await page.goto(`/#/followups/${idOf.get("q6/core")}`);
    await page.getByTestId("followups-summary").waitFor();
    await settle(page);
    const quotes = await page.locator(".prediction-trigger q").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => q.includes("**"))).toEqual([]);
    const concern = await page
      .locator(".concern-card")
      .first()
      .locator(".prediction-trigger q")
      .allTextContents();
    expect(concern.length).toBeGreaterThan(0);
    expect(new Set(concern).size).toBe(concern.length);
  });

  test("an empty prepared answer cannot be saved; the open form passes axe", async () => {
    await page.goto(`/#/followups/${idOf.get("q6/ml-focused")}`);
    await page.getByTestId("followups-summary").waitFor();
    await settle(page);
    const gap = page
      .locator(".prediction")
      .filter({ has: page.locator(".tag-gap") })
      .first();
    await gap.getByRole("button", { name: /Prepare this/ }).click();
    expect(await gap.getByRole("button", { name: "Save under this question" }).isDisabled()).toBe(true);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("“Make a story” is not offered on “Tell me about yourself”; asked anyway, the server refuses with the reason", async () => {
    await page.goto(`/#/library/${documentId}/answers/${idOf.get("q1/core")}`);
    // The lens has classified the question once its score shows.
    await page.locator(".lens-score").first().waitFor();
    const tools = page.getByRole("navigation", { name: "Work on this answer" });
    await tools.getByRole("link", { name: "Re-angle for another role" }).waitFor();
    expect(await tools.getByRole("button", { name: "Make a story" }).count()).toBe(0);
    const refused = await fetch(`${server.url}/api/items/${idOf.get("q1/core")}/story`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/not an episode/);
    const { stories } = (await (await fetch(`${server.url}/api/stories`)).json()) as { stories: unknown[] };
    expect(stories).toEqual([]);
  });
});
