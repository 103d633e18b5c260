/**
 * A page served by another local dev server (another port of localhost) against the derisk
 * server, in Chromium with web security on, as in the user's browser: it can neither read the
 * bank nor change it, by fetch, no-cors "simple" requests or a form post. The app on its own
 * origin still reads and writes under its Content-Security-Policy, and a document carrying
 * markup never runs it.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser({ webSecurity: true });

/** The user's document the other page goes after. */
const PREP = [
  "# My prep",
  "",
  "### Q1- Tell me about yourself",
  "",
  '"I build data tools for analysts, and I led the move to a shared metrics layer."',
  "",
  "### Q2- Tell me about a mistake you made",
  "",
  '"I shipped a migration without a rollback plan. I wrote one the same day and cut recovery time to 5 minutes."',
  "",
  "### Q3- Tell me about a conflict",
  "",
  '"A teammate and I disagreed on the schema. We wrote both down, tested them on real queries and kept the faster one."',
  "",
].join("\n");

interface Recorded {
  name: string;
  contentType: string;
}

/** "Another dev server": serves a plain page, and records what pages POST to /record. */
async function startOtherServer(): Promise<{ port: number; recorded: Recorded[]; close(): Promise<void> }> {
  const recorded: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "POST" && url.pathname === "/record") {
      recorded.push({
        name: url.searchParams.get("name") ?? "",
        contentType: req.headers["content-type"] ?? "",
      });
      req.resume();
      res.writeHead(204).end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": "text/html" })
      .end("<!doctype html><title>Another dev server</title><h1>Hello</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    recorded,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Bank {
  titles: string[];
  itemIds: string[];
  raw: string[];
  stories: number;
}

async function bankOf(url: string, documentId: string): Promise<Bank> {
  const list = (await (await fetch(`${url}/api/documents`)).json()) as { documents: { title: string }[] };
  const detail = (await (await fetch(`${url}/api/documents/${documentId}`)).json()) as {
    items: { id: string; raw: string }[];
  };
  const stories = (await (await fetch(`${url}/api/stories`)).json()) as { stories: unknown[] };
  return {
    titles: list.documents.map((d) => d.title),
    itemIds: detail.items.map((i) => i.id),
    raw: detail.items.map((i) => i.raw),
    stories: stories.stories.length,
  };
}

describe.runIf(launched.browser !== null)("a page on another localhost port (web security on)", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let other: Awaited<ReturnType<typeof startOtherServer>>;
  let documentId: string;
  let before: Bank;

  beforeAll(async () => {
    server = await startTestServer();
    other = await startOtherServer();
    const imported = await fetch(`${server.url}/api/import?filename=prep.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode(PREP),
    });
    documentId = ((await imported.json()) as { documentId: string }).documentId;
    before = await bankOf(server.url, documentId);
    expect(before.titles).toEqual(["My prep"]); // named after its opening heading
    expect(before.itemIds.length).toBeGreaterThanOrEqual(3);
    expect(before.stories).toBe(0);
  });

  afterAll(async () => {
    await other?.close();
    await server?.close();
    await browser.close();
  });

  for (const host of ["127.0.0.1", "localhost"]) {
    test(`a page at http://${host}:<other port> can neither read nor write the bank`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`http://${host}:${other.port}/`);
        // The recorder sits on the other name, so it is cross-origin to the page as derisk is.
        const recorder = `http://${host === "localhost" ? "127.0.0.1" : "localhost"}:${other.port}/record`;
        other.recorded.length = 0;
        const outcome = await page.evaluate(
          async ({ target, documentId, recorder }) => {
            const pwned = '# Pwned\n\n### Q1- Tell me about yourself\n\n"Owned."\n';
            const attempt = async (request: () => Promise<Response>): Promise<string> => {
              try {
                const response = await request();
                if (response.type === "opaque") return "opaque";
                return `read ${response.status}: ${(await response.text()).slice(0, 60)}`;
              } catch {
                return "blocked";
              }
            };
            const form = () => {
              const data = new FormData();
              data.set("text", pwned);
              return data;
            };
            // Requests a browser sends cross-origin without asking first (no preflight).
            const simple: Array<[string, string, () => RequestInit]> = [
              [
                "text/plain import",
                `${target}/api/import?filename=prep.md`,
                () => ({ headers: { "Content-Type": "text/plain" }, body: pwned }),
              ],
              [
                "form import",
                `${target}/api/import?filename=prep.md`,
                () => ({ body: new URLSearchParams({ text: pwned }) }),
              ],
              ["multipart import", `${target}/api/import?filename=prep.md`, () => ({ body: form() })],
              [
                "untyped import",
                `${target}/api/import?filename=prep.md`,
                () => ({ body: new Blob([pwned]) }),
              ],
              ["stories", `${target}/api/documents/${documentId}/stories`, () => ({})],
            ];
            const results: Record<string, string> = {
              "read documents": await attempt(() => fetch(`${target}/api/documents`)),
              "read document": await attempt(() => fetch(`${target}/api/documents/${documentId}`)),
              "read session token": await attempt(() => fetch(`${target}/api/session`)),
            };
            // Their answers are opaque (or withheld by Cross-Origin-Resource-Policy) either way: what
            // matters is whether the server wrote anything, checked below.
            for (const [name, url, init] of simple) {
              await attempt(() => fetch(url, { method: "POST", mode: "no-cors", ...init() }));
              await fetch(`${recorder}?name=${encodeURIComponent(name)}`, {
                method: "POST",
                mode: "no-cors",
                ...init(),
              });
            }
            results["json import"] = await attempt(() =>
              fetch(`${target}/api/import`, {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ text: pwned, filename: "prep.md" }),
              }),
            );
            results.delete = await attempt(() =>
              fetch(`${target}/api/documents/${documentId}`, { method: "DELETE" }),
            );
            return results;
          },
          { target: server.url, documentId, recorder },
        );

        expect(outcome).toEqual({
          "read documents": "blocked",
          "read document": "blocked",
          "read session token": "blocked",
          "json import": "blocked",
          delete: "blocked",
        });
        // The browser did send every simple request (the recorder got them): only the server's
        // refusal kept them from writing.
        expect(other.recorded.map((r) => r.name)).toEqual([
          "text/plain import",
          "form import",
          "multipart import",
          "untyped import",
          "stories",
        ]);
        expect(other.recorded[0]?.contentType).toMatch(/^text\/plain/);
        expect(await bankOf(server.url, documentId)).toEqual(before);

        // The classic form post with enctype=text/plain, shaped like JSON, as a navigation.
        await page.evaluate((action) => {
          const form = document.createElement("form");
          form.method = "POST";
          form.enctype = "text/plain";
          form.action = action;
          const input = document.createElement("input");
          input.name = '{"text":"# Pwned\\n\\n### Q1- Tell me about yourself\\n\\n\\"Owned.\\"\\n","x":"';
          input.value = '"}';
          form.append(input);
          document.body.append(form);
          form.submit();
        }, `${server.url}/api/import?filename=prep.md`);
        await page.waitForURL(`${server.url}/api/import?filename=prep.md`);
        expect(await page.locator("body").textContent()).toContain("derisk answers only to its own pages");

        expect(await bankOf(server.url, documentId)).toEqual(before);
      } finally {
        await context.close();
      }
    });
  }

  test("markup in a stored document is shown as text and never runs", async () => {
    const hostile = [
      "# Notes <script>window.deriskRan = 'title'</script>",
      "",
      "### Q1- Tell me about yourself <img src=x onerror=\"window.deriskRan = 'question'\">",
      "",
      "\"I build tools <script>window.deriskRan = 'answer'</script> and <img src=x onerror=\"window.deriskRan = 'img'\"> [docs](javascript:window.deriskRan='link') in 3 weeks.\"",
      "",
    ].join("\n");
    const imported = (await (
      await fetch(`${server.url}/api/import`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: hostile, filename: "hostile.md" }),
      })
    ).json()) as { documentId: string };
    const detail = (await (await fetch(`${server.url}/api/documents/${imported.documentId}`)).json()) as {
      items: { id: string; kind: string }[];
    };
    const answer = detail.items.find((item) => item.kind === "answer");
    expect(answer).toBeDefined();

    const context = await newContext(browser, server.url);
    try {
      const violations = await watchViolations(context);
      const page = await context.newPage();
      await page.goto(`/#/library/${imported.documentId}/answers/${answer?.id ?? ""}`);
      const panel = page.locator(".answer-panel");
      await panel
        .getByText("<script>window.deriskRan = 'answer'</script>", { exact: false })
        .first()
        .waitFor({ timeout: 20_000 });
      await panel
        .getByText(`<img src=x onerror="window.deriskRan = 'img'">`, { exact: false })
        .first()
        .waitFor({ timeout: 20_000 });
      await page.goto(`/#/edit/${answer?.id ?? ""}`);
      const editor = page.getByRole("textbox", { name: "Answer text" });
      await editor.waitFor({ timeout: 20_000 });
      expect(await editor.inputValue()).toContain("<img src=x onerror=");
      // An <img onerror> would fire once its failed load settles.
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as { deriskRan?: string }).deriskRan)).toBeUndefined();
      expect(await page.locator(".answer-panel img, main img[src='x']").count()).toBe(0);
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("the app on its own origin still reads and writes, with no CSP violation", async () => {
    const context = await newContext(browser, server.url);
    try {
      const violations = await watchViolations(context);
      const page = await context.newPage();
      const documentsBefore = (await bankOf(server.url, documentId)).titles.length;
      await page.goto("/");
      await page.getByRole("button", { name: "Start from the sample document" }).click();
      await page.getByTestId("report-summary").waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
      await page.getByRole("link", { name: "Open the library" }).click();
      await page.locator(".answer-panel").waitFor();
      expect(await page.locator(".question-link").count()).toBeGreaterThan(0);
      expect((await bankOf(server.url, documentId)).titles).toHaveLength(documentsBefore + 1);
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

/** Collects Content-Security-Policy violations the page reports (none expected from the app). */
async function watchViolations(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as { __cspViolations?: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return (page) => page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations ?? []);
}
