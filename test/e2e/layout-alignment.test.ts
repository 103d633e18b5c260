/**
 * Things a user sees side by side line up: on the Practice form the "Questions" number and the
 * "Role" select (labels on one line, controls of one height); the Stories, Coverage and Trailer
 * tabs (the tab bar stays put when you switch); the coverage table's column headings.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("layout lines up", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let seedId = "";

  beforeAll(async () => {
    server = await startTestServer();
    seedId = await importSeed(server.url);
  });

  afterAll(async () => {
    await browser.close();
    await server?.close();
  });

  test("Practice: the Questions and Role labels share a line, their controls a height", async () => {
    const context = await newContext(browser, server.url, { width: 1280 });
    const page = await context.newPage();
    await page.goto("/#/practice");
    const count = page.getByLabel("Questions", { exact: true });
    const role = page.getByLabel("Role", { exact: true });
    await count.waitFor();
    const [countBox, roleBox] = await Promise.all([count.boundingBox(), role.boundingBox()]);
    const labels = await page
      .locator(".practice-options .field-label")
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().top));
    expect(countBox).not.toBeNull();
    expect(roleBox).not.toBeNull();
    expect(Math.abs((countBox?.height ?? 0) - (roleBox?.height ?? 0))).toBeLessThan(1);
    expect(Math.abs((countBox?.y ?? 0) - (roleBox?.y ?? 0))).toBeLessThan(1);
    expect(labels).toHaveLength(2);
    expect(Math.abs((labels[0] ?? 0) - (labels[1] ?? 0))).toBeLessThan(1);
    await context.close();
  });

  test("Library: question texts start at one x whether the number has one digit or two", async () => {
    const lines = ["# Twelve questions", ""];
    for (let n = 1; n <= 12; n += 1) {
      lines.push(
        `## Q${n}- Tell me about a time you shipped release ${n}`,
        "",
        `I shipped release ${n}.`,
        "",
      );
    }
    const imported = await fetch(`${server.url}/api/import?filename=twelve.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: lines.join("\n"),
    });
    const { documentId } = (await imported.json()) as { documentId: string };
    const context = await newContext(browser, server.url, { width: 1280 });
    const page = await context.newPage();
    await page.goto(`/#/library/${documentId}/answers`);
    const texts = page.getByRole("navigation", { name: "Questions" }).locator(".question-text");
    await expect.poll(() => texts.count()).toBe(12);
    const lefts = await texts.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().left));
    expect(new Set(lefts).size).toBe(1);
    await context.close();
  });

  test("Stories, Coverage and Trailer: the tab bar does not move when you switch tabs", async () => {
    const context = await newContext(browser, server.url, { width: 1280 });
    const page = await context.newPage();
    const lefts: number[] = [];
    const newStory: number[] = [];
    for (const path of ["/#/stories", "/#/coverage", "/#/trailer"]) {
      await page.goto(path);
      const tab = page.getByRole("navigation", { name: "Stories views" });
      await tab.waitFor();
      lefts.push((await tab.boundingBox())?.x ?? -1);
      const button = page.getByRole("link", { name: "New story" });
      if ((await button.count()) > 0) newStory.push((await button.boundingBox())?.width ?? -1);
    }
    // The same "+ New story" button on the tabs that have one.
    expect(newStory).toHaveLength(2);
    expect(newStory[1]).toBe(newStory[0]);
    expect(lefts[0]).toBeGreaterThanOrEqual(0);
    expect(lefts).toEqual([lefts[0], lefts[0], lefts[0]]);
    await context.close();
  });

  test("Coverage: the column headings share one style and alignment", async () => {
    const context = await newContext(browser, server.url, { width: 1280 });
    const page = await context.newPage();
    await page.goto("/#/coverage");
    const headings = page.locator(".heatmap thead th");
    await headings.first().waitFor();
    const styles = await page.locator(".heatmap-corner, .heatmap-sources").evaluateAll((nodes) =>
      nodes.map((node) => {
        const style = getComputedStyle(node);
        return [style.textAlign, style.textTransform, style.fontSize].join(" ");
      }),
    );
    expect(styles).toHaveLength(2);
    expect(styles[1]).toBe(styles[0]);
    await context.close();
  });

  test("Re-angle: the save card stands apart from the side-by-side columns above it", async () => {
    const context = await newContext(browser, server.url, { width: 1280 });
    const page = await context.newPage();
    // The seed's own document: an earlier test imports a second one, listed first.
    const detail = (await (await fetch(`${server.url}/api/documents/${seedId}`)).json()) as {
      items: { id: string; kind: string; key: string }[];
    };
    // The seed's MLOps mistake story, re-angled for ML: lines are trimmed, so there is a variant to save
    // (a re-angle that keeps every sentence offers no save card).
    const answer = detail.items.find((item) => item.key === "q6/core");
    await page.goto(`/#/reangle/${answer?.id ?? ""}`);
    await page.getByLabel("Written for").selectOption("mlops-engineer");
    await page.getByLabel("Re-angle for").selectOption("ml-engineer");
    await page.getByRole("button", { name: "Re-angle", exact: true }).click();
    const save = page.getByRole("region", { name: "Save the re-angled answer" });
    await save.waitFor();
    const columns = await page.locator(".diff-columns").boundingBox();
    const card = await save.boundingBox();
    expect((card?.y ?? 0) - ((columns?.y ?? 0) + (columns?.height ?? 0))).toBeGreaterThanOrEqual(12);
    await context.close();
  });
});
