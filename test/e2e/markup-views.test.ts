/**
 * Every page of the web app, on the seed imported and its answers made into stories, shows the
 * user's words without Markdown: no bold or underline markers, no heading hashes, no italics
 * markers, no written STAR labels ("**Situation**:", "Result:"). Library views (answers,
 * technical, accomplishments, to-do, code, reflection, framing, notes), stories, compose,
 * re-angle, follow-ups, coverage, trailer, tailor and the practice page are read as the user
 * sees them (text in editable fields is the source being edited, and the export page's preview
 * of the Markdown file is that file: both are left out).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LIBRARY_VIEWS } from "../../web/src/route.ts";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser } from "./browser.ts";
import {
  closeSpec,
  importSeed,
  makeStories,
  openSpec,
  screenshot,
  settle,
  type TestServer,
} from "./harness.ts";
import { pdfText } from "./pdf-text.ts";

const launched = await launchBrowser();

const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ["bold", /\*\*|__/],
  ["heading", /^\s*#{1,6}\s/m],
  [
    "italics",
    /(?<![\p{L}\p{N}*])\*[^*\s][^*\n]*\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_[^_\s][^_\n]*_(?![\p{L}\p{N}_])/u,
  ],
  ["STAR label", /^\s*(?:[STARL]\s*[–—-]\s*)?(?:situation|task|actions?|results?|lessons?)\s*[:：]\s*\S/imu],
];

/** The page's visible text, line by line, without what editable fields hold. */
async function shownLines(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    // Editable fields hold the source being edited; the export page previews the Markdown file itself.
    for (const field of clone.querySelectorAll(
      "textarea, input, [contenteditable='true'], .cm-editor, .export-preview pre",
    ))
      field.remove();
    // A lens fix names the part it is about in its own words ("Result: say by how much…").
    for (const action of clone.querySelectorAll<HTMLElement>(".fix > p"))
      action.textContent = (action.textContent ?? "").replace(/^\w+: /, "");
    document.body.append(clone);
    clone.style.position = "absolute";
    clone.style.left = "-99999px";
    const said = clone.innerText;
    clone.remove();
    return said;
  });
  return text.split("\n").filter((line) => line.trim() !== "");
}

async function leaksOn(page: Page, name: string): Promise<string[]> {
  // The page's data is in, not the page it replaced (networkidle passes at once after a hash
  // change, and a fixed 300 ms more was a guess).
  await settle(page);
  return (await shownLines(page)).flatMap((line) =>
    LEAKS.filter(([, re]) => re.test(line)).map(([kind]) => `${name}: ${kind}: ${line.slice(0, 120)}`),
  );
}

describe.runIf(launched.browser !== null && SEED_RUNS)("no markup on any page, on the seed", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId = "";
  let items: Array<{ id: string; key: string; kind: string }> = [];
  let stories: Array<{ id: string }> = [];

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    documentId = await importSeed(server.url);
    items = (
      (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as { items: typeof items }
    ).items;
    // A request from outside a browser carries no origin and needs no session token.
    await makeStories(server.url, documentId);
    stories = ((await (await fetch(`${server.url}/api/stories`)).json()) as { stories: typeof stories })
      .stories;
  }, 120_000);

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("library views, the reflection and framing included", async () => {
    const leaks: string[] = [];
    for (const view of LIBRARY_VIEWS) {
      await page.goto(`/#/library/${documentId}/${view}`);
      leaks.push(...(await leaksOn(page, `library ${view}`)));
      if (view === "reflection" || view === "answers") await screenshot(page, `markup-library-${view}`);
      // The framing's "not about:" list reads as a list, not as loose lines of a paragraph.
      if (view === "framing") {
        expect(await page.locator(".framing-intro ul > li").allTextContents()).toEqual([
          "being likable",
          "sounding inspirational",
          "having perfect past titles",
        ]);
        await screenshot(page, "markup-library-framing");
      }
    }
    for (const answer of items.filter((i) => i.kind === "answer")) {
      await page.goto(`/#/library/${documentId}/answers/${answer.id}`);
      leaks.push(...(await leaksOn(page, `answer ${answer.key}`)));
    }
    expect(leaks).toEqual([]);
  }, 240_000);

  test("follow-ups, re-angle, stories and compose", async () => {
    expect(stories.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const answer of items.filter((i) => i.kind === "answer")) {
      await page.goto(`/#/followups/${answer.id}`);
      await page.getByTestId("followups-summary").waitFor();
      leaks.push(...(await leaksOn(page, `follow-ups ${answer.key}`)));
      await page.goto(`/#/reangle/${answer.id}`);
      leaks.push(...(await leaksOn(page, `re-angle ${answer.key}`)));
    }
    await page.goto("/#/stories");
    leaks.push(...(await leaksOn(page, "stories")));
    for (const story of stories) {
      await page.goto(`/#/stories/${story.id}`);
      leaks.push(...(await leaksOn(page, `story ${story.id}`)));
      await page.goto(`/#/compose/${story.id}`);
      leaks.push(...(await leaksOn(page, `compose ${story.id}`)));
    }
    await screenshot(page, "markup-compose");
    expect(leaks).toEqual([]);
  }, 240_000);

  test("coverage, trailer, tailor, practice and export", async () => {
    const leaks: string[] = [];
    for (const [route, name] of [
      ["/#/coverage", "coverage"],
      ["/#/trailer", "trailer"],
      ["/#/tailor", "tailor"],
      ["/#/practice", "practice"],
      ["/#/progress", "progress"],
      [`/#/export/${documentId}`, "export"],
    ] as const) {
      await page.goto(route);
      leaks.push(...(await leaksOn(page, name)));
      await screenshot(page, `markup-${name}`);
    }
    // The printed sheet: its own part labels ("Situation:") are the sheet's, markers never are.
    const { formats } = (await (await fetch(`${server.url}/api/export/formats`)).json()) as {
      formats: string[];
    };
    if (formats.includes("pdf")) {
      const pdf = await fetch(`${server.url}/api/export?format=pdf&documentId=${documentId}`);
      expect(pdf.status).toBe(200);
      const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toMatch(/PhD in Applied Mathematics/);
      // The sheet the PDF is printed from lays the framing's list out as a list.
      const html = await (
        await fetch(`${server.url}/api/export?format=html&documentId=${documentId}`)
      ).text();
      expect(html).toContain(
        "<ul><li>being likable</li><li>sounding inspirational</li><li>having perfect past titles</li></ul>",
      );
      for (const line of text.split("\n"))
        if (/\*\*|__|^\s*#{1,6}\s/.test(line)) leaks.push(`PDF: ${line.slice(0, 120)}`);
    }
    expect(leaks).toEqual([]);
  }, 240_000);
});
