/**
 * An accessibility audit of every page the nav leads to, and the states a user meets on the
 * way (an empty library, an answer open, its history shown, a practice session and a drill
 * mid-way, the shortcuts dialog): axe-core is injected from node_modules (no network) and run
 * with the WCAG 2.0 and 2.1 A/AA rules, at a laptop width and a phone width, in the light and
 * the dark theme. Any serious or critical violation fails; moderate ones are written to
 * .artifacts/a11y-moderate.json for a person to read.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext, type Theme } from "./browser.ts";
import { makeStories, screenshot, screenshotDir, startTestServer, type TestServer } from "./harness.ts";

// Some thirty screens, each with an axe run, on a shared two-core machine.
const AUDIT_TIMEOUT = 600_000;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const launched = await launchBrowser();

interface Ids {
  documentId: string;
  answerId: string;
  technicalId: string;
  practiceId: string;
  drillId: string;
}

interface Screen {
  name: string;
  /** Where it is; `empty` screens are opened on the server with nothing imported. */
  path: (ids: Ids) => string;
  empty?: boolean;
  /** What the user does there before the scan (open a panel, a dialog). */
  act?: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: "start-empty", path: () => "/#/", empty: true },
  { name: "library-empty", path: () => "/#/library", empty: true },
  { name: "start-import", path: () => "/#/" },
  { name: "library-answer", path: (ids) => `/#/library/${ids.documentId}/answers/${ids.answerId}` },
  { name: "library-technical", path: (ids) => `/#/library/${ids.documentId}/technical` },
  { name: "library-accomplishments", path: (ids) => `/#/library/${ids.documentId}/accomplishments` },
  { name: "library-to-do", path: (ids) => `/#/library/${ids.documentId}/to-do` },
  { name: "library-code", path: (ids) => `/#/library/${ids.documentId}/code` },
  { name: "library-reflection", path: (ids) => `/#/library/${ids.documentId}/reflection` },
  { name: "library-framing", path: (ids) => `/#/library/${ids.documentId}/framing` },
  { name: "library-notes", path: (ids) => `/#/library/${ids.documentId}/notes` },
  { name: "edit", path: (ids) => `/#/edit/${ids.answerId}` },
  {
    name: "edit-history",
    path: (ids) => `/#/edit/${ids.answerId}`,
    act: async (page) => {
      const card = page.getByTestId("history");
      await card.getByRole("button", { name: "Show history" }).click();
      await card.getByTestId("history-entry").first().waitFor();
    },
  },
  { name: "new-answer", path: () => "/#/new-answer" },
  { name: "reangle", path: (ids) => `/#/reangle/${ids.answerId}` },
  { name: "followups", path: (ids) => `/#/followups/${ids.answerId}` },
  { name: "stories", path: () => "/#/stories" },
  { name: "coverage", path: () => "/#/coverage" },
  { name: "trailer", path: () => "/#/trailer" },
  { name: "compose", path: () => "/#/compose" },
  { name: "tailor", path: () => "/#/tailor" },
  { name: "practice-idle", path: () => "/#/practice" },
  { name: "practice-mid-session", path: (ids) => `/#/practice/${ids.practiceId}` },
  { name: "drill-setup", path: () => "/#/practice/start/drill" },
  { name: "drill-mid-session", path: (ids) => `/#/practice/${ids.drillId}` },
  { name: "progress", path: () => "/#/progress" },
  { name: "journal", path: () => "/#/journal" },
  { name: "export", path: (ids) => `/#/export/${ids.documentId}` },
  {
    name: "shortcuts-dialog",
    path: (ids) => `/#/library/${ids.documentId}/answers/${ids.answerId}`,
    act: async (page) => {
      await page.keyboard.press("?");
      await page.getByRole("dialog").waitFor();
    },
  },
];

/** Opens a screen and waits until it has its data: a heading in main, nothing busy. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(
    () => document.querySelector('[aria-busy="true"], .skeleton') === null,
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(() => document.fonts.ready);
  // One frame more for anything the last answer rendered.
  await page.waitForTimeout(200);
}

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, { runOnly: { type: "tag", values: tags } })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes.slice(0, 4).map((node) => node.target.join(" ")),
    }));
  }, TAGS);
}

async function post<T>(url: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe.runIf(launched.browser !== null)("accessibility audit of every page (axe-core)", () => {
  const browser = launched.browser as Browser;
  let empty: TestServer;
  let server: TestServer;
  let ids: Ids;
  const moderate: Record<string, Finding[]> = {};

  beforeAll(async () => {
    [empty, server] = await Promise.all([startTestServer(), startTestServer()]);
    const imported = await post<{ documentId: string }>(server.url, "/api/sample", {});
    await makeStories(server.url, imported.documentId);
    const detail = (await (await fetch(`${server.url}/api/documents/${imported.documentId}`)).json()) as {
      items: { id: string; kind: string }[];
    };
    const answer = detail.items.find((item) => item.kind === "answer");
    const technical = detail.items.find((item) => item.kind === "technical") ?? answer;
    if (answer === undefined || technical === undefined)
      throw new Error("the sample imported without answers");
    type Session = { session: { id: string } };
    const practice = (
      await post<Session>(server.url, "/api/practice/sessions", { from: { kind: "due" }, count: 2 })
    ).session;
    await post(server.url, `/api/practice/sessions/${practice.id}/begin`, {});
    const drill = (
      await post<Session>(server.url, "/api/practice/sessions", { from: { kind: "drill" }, count: 1 })
    ).session;
    ids = {
      documentId: imported.documentId,
      answerId: answer.id,
      technicalId: technical.id,
      practiceId: practice.id,
      drillId: drill.id,
    };
  }, AUDIT_TIMEOUT);

  afterAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(join(screenshotDir, "..", "a11y-moderate.json"), `${JSON.stringify(moderate, null, 2)}\n`);
    await empty?.close();
    await server?.close();
    await browser.close();
  });

  const sizes = [
    { label: "1280", width: 1280, height: 800 },
    { label: "390", width: 390, height: 844 },
  ];
  for (const theme of ["light", "dark"] as Theme[]) {
    for (const size of sizes) {
      test(
        `no serious or critical violation on any page (${theme} theme, ${size.width}×${size.height})`,
        async () => {
          const contexts = await Promise.all(
            [empty, server].map((target) =>
              newContext(browser, target.url, { theme, width: size.width, height: size.height }),
            ),
          );
          const [emptyPage, page] = await Promise.all(contexts.map((context) => context.newPage()));
          const failures: string[] = [];
          for (const screen of SCREENS) {
            const tab = (screen.empty ? emptyPage : page) as Page;
            await open(tab, screen.path(ids));
            expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
            await screen.act?.(tab);
            const where = `${screen.name} (${theme}, ${size.label})`;
            for (const finding of await audit(tab)) {
              if (finding.impact === "serious" || finding.impact === "critical")
                failures.push(
                  `${where}: ${finding.id} [${finding.impact}] ${finding.help} — ${finding.targets.join(", ")}`,
                );
              else (moderate[where] ??= []).push(finding);
            }
            await screenshot(tab, `a11y-${theme}-${size.label}-${screen.name}`);
            if (screen.act !== undefined) await tab.keyboard.press("Escape");
          }
          await Promise.all(contexts.map((context) => context.close()));
          expect(failures).toEqual([]);
        },
        AUDIT_TIMEOUT,
      );
    }
  }
});
