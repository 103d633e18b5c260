/**
 * An accessibility audit of every page the nav leads to, and the states a user meets on the
 * way (an empty library, an answer open, its history shown, a practice session and a drill
 * mid-way, the shortcuts dialog): axe-core is injected from node_modules (no network) and run
 * with the WCAG 2.0 and 2.1 A/AA rules, at a laptop width and a phone width, in the light and
 * the dark theme. A serious or critical WCAG violation fails, and so does any finding of
 * axe's best-practice rules (landmarks, headings), short of what a screen lists in `allow`.
 * Moderate and minor WCAG findings, and what was allowed, are written to
 * .artifacts/a11y-report.json for a person to read.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countOpenRequests, launchBrowser, newContext, type Theme } from "./browser.ts";
import {
  makeStories,
  screenshot,
  screenshotDir,
  settle,
  startTestServer,
  type TestServer,
} from "./harness.ts";

// Some thirty screens, each with an axe run, on a shared two-core machine.
const AUDIT_TIMEOUT = 600_000;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const launched = await launchBrowser();

interface Ids {
  documentId: string;
  answerId: string;
  technicalId: string;
  practiceId: string;
  drillId: string;
  journalId: string;
}

interface Screen {
  name: string;
  /** Where it is; `empty` screens are opened on the server with nothing imported. */
  path: (ids: Ids) => string;
  empty?: boolean;
  /** What the user does there before the scan (open a panel, a dialog). */
  act?: (page: Page) => Promise<void>;
  /** Best-practice rules this screen is known to break, each for a reason given beside it. */
  allow?: string[];
}

/** Opens a history card and waits for its versions. */
async function showHistory(page: Page, testId: string): Promise<void> {
  const card = page.getByTestId(testId);
  await card.getByRole("button", { name: "Show history" }).click();
  await card.getByTestId("history-entry").first().waitFor();
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
    act: (page) => showHistory(page, "history"),
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
  {
    name: "practice-mid-session",
    path: (ids) => `/#/practice/${ids.practiceId}`,
  },
  { name: "drill-setup", path: () => "/#/practice/start/drill" },
  {
    name: "drill-mid-session",
    path: (ids) => `/#/practice/${ids.drillId}`,
  },
  { name: "progress", path: () => "/#/progress" },
  { name: "journal", path: () => "/#/journal" },
  {
    name: "journal-entry-history",
    path: (ids) => `/#/journal/${ids.journalId}`,
    act: (page) => showHistory(page, "journal-history"),
  },
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
  await page.locator("main h1, main h2").first().waitFor();
  // Every request answered and rendered, nothing busy (it was a fixed 200 ms after the last skeleton).
  await settle(page);
  await page.evaluate(() => document.fonts.ready);
}

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** A WCAG A/AA rule, rather than one of axe's best practices. */
  wcag: boolean;
}

async function audit(page: Page): Promise<Finding[]> {
  // The app's CSP (script-src 'self') refuses an inline <script> (page.addScriptTag); code
  // evaluated over the DevTools protocol is not subject to it, and the CSP stays as users get it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (wcag) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, {
      runOnly: { type: "tag", values: [...wcag, "best-practice"] },
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        tags: string[];
        nodes: { target: string[] }[];
      }[];
    };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes.slice(0, 4).map((node) => node.target.join(" ")),
      wcag: v.tags.some((tag) => wcag.includes(tag)),
    }));
  }, WCAG);
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
  const reported: Record<string, Finding[]> = {};

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
    const journal = (await (await fetch(`${server.url}/api/journal`)).json()) as {
      entries: { id: string }[];
    };
    const entry = journal.entries[0];
    if (entry === undefined) throw new Error("the sample brought no journal entry");
    ids = {
      journalId: entry.id,
      documentId: imported.documentId,
      answerId: answer.id,
      technicalId: technical.id,
      practiceId: practice.id,
      drillId: drill.id,
    };
  }, AUDIT_TIMEOUT);

  afterAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(join(screenshotDir, "..", "a11y-report.json"), `${JSON.stringify(reported, null, 2)}\n`);
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
        `no serious or critical WCAG violation, no landmark or heading fault, on any page (${theme} theme, ${size.width}×${size.height})`,
        async () => {
          // The seeded server's profile saves the theme as the toggle does; the empty server's
          // profile saves none, so its screens show the theme the system asks for (emulateMedia).
          const viewport = { width: size.width, height: size.height };
          const bare = await browser.newContext({ baseURL: empty.url, viewport });
          await countOpenRequests(bare);
          const contexts = [bare, await newContext(browser, server.url, { theme, ...viewport })];
          const [emptyPage, page] = await Promise.all(contexts.map((context) => context.newPage()));
          await emptyPage?.emulateMedia({ colorScheme: theme });
          const failures: string[] = [];
          for (const screen of SCREENS) {
            const tab = (screen.empty ? emptyPage : page) as Page;
            await open(tab, screen.path(ids)).catch((error: Error) => {
              throw new Error(`${screen.name}: ${error.message}`);
            });
            // The app writes the theme it shows (the saved one, else the system's) on <html>.
            expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
            await screen.act?.(tab);
            const where = `${screen.name} (${theme}, ${size.label})`;
            for (const finding of await audit(tab)) {
              const serious = finding.impact === "serious" || finding.impact === "critical";
              const allowed = screen.allow?.includes(finding.id) === true;
              if (finding.wcag ? serious : !allowed)
                failures.push(
                  `${where}: ${finding.id} [${finding.impact}] ${finding.help} — ${finding.targets.join(", ")}`,
                );
              else reported[where] = [...(reported[where] ?? []), finding];
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
  for (const theme of ["light", "dark"] as Theme[]) {
    test(
      `every control shows where the focus is when tabbed to (${theme} theme)`,
      async () => {
        const context = await newContext(browser, server.url, { theme, width: 1280, height: 800 });
        const page = await context.newPage();
        const unseen: string[] = [];
        let stops = 0;
        for (const screen of SCREENS.filter((s) => !s.empty && s.act === undefined)) {
          await open(page, screen.path(ids));
          const seen = new Set<string>();
          // Up to 60 stops a page: past the header, the nav and the page's own controls.
          for (let step = 0; step < 60; step++) {
            await page.keyboard.press("Tab");
            const stop = await page.evaluate(() => {
              const element = document.activeElement;
              if (element === null || element === document.body) return null;
              const style = getComputedStyle(element);
              const ring =
                (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
                style.boxShadow !== "none";
              const name = (element.getAttribute("aria-label") ?? element.textContent ?? "")
                .trim()
                .slice(0, 40);
              const path = [...document.querySelectorAll("*")].indexOf(element);
              return { key: `${element.tagName.toLowerCase()}#${path} "${name}"`, ring };
            });
            if (stop === null) continue;
            if (seen.has(stop.key)) break; // the focus came round again
            seen.add(stop.key);
            stops++;
            if (!stop.ring) unseen.push(`${screen.name}: ${stop.key}`);
          }
        }
        await context.close();
        expect(stops).toBeGreaterThan(200);
        expect(unseen).toEqual([]);
      },
      AUDIT_TIMEOUT,
    );
  }

  test("the shortcuts dialog keeps the focus inside while open and gives it back when closed", async () => {
    const context = await newContext(browser, server.url, { width: 1280, height: 800 });
    const page = await context.newPage();
    await open(page, `/#/library/${ids.documentId}/answers/${ids.answerId}`);
    const opener = page.getByRole("link", { name: "Edit answer" });
    await opener.focus();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    // Where the focus is: in the dialog, "outside" (on the page behind it), or "browser" (Tab
    // past the dialog's last control leaves the page for the browser's own toolbar, as a native
    // modal dialog does; the page behind stays inert, and the next Tab comes back in).
    const where = () =>
      dialog.evaluate((node) => {
        const active = document.activeElement;
        if (active === null || active === document.body) return "browser";
        return node.contains(active) ? "dialog" : `outside: ${active.outerHTML.slice(0, 80)}`;
      });
    expect(await where()).toBe("dialog");
    const path: string[] = [];
    for (let step = 0; step < 8; step++) {
      await page.keyboard.press(step % 3 === 2 ? "Shift+Tab" : "Tab");
      path.push(await where());
    }
    expect(path.filter((stop) => stop !== "dialog" && stop !== "browser")).toEqual([]);
    expect(path).toContain("dialog");
    if (path.at(-1) !== "dialog") await page.keyboard.press("Tab");
    expect(await where()).toBe("dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await opener.evaluate((node) => node === document.activeElement)).toBe(true);
    await context.close();
  });
});
