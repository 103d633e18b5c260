/**
 * Regenerates docs/screenshot.png (the README's picture): the sample document imported into a
 * fresh bank, the library open on the first answer, in the bundled Chromium. Run after a build:
 * `npm run build && npx tsx scripts/screenshot.ts [question-number]`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import chromium from "@sparticuz/chromium";
import { chromium as playwright } from "playwright-core";
import { startServer } from "../src/server/serve.ts";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "derisk-shot-"));
const server = await startServer({ port: 0, dataDir: join(dir, "data"), webRoot: join(root, "web/dist") });
try {
  const imported = (await (
    await fetch(`${server.url}/api/import?filename=sample-prep.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: readFileSync(join(root, "samples/sample-prep.md")),
    })
  ).json()) as { documentId: string };
  const detail = (await (await fetch(`${server.url}/api/documents/${imported.documentId}`)).json()) as {
    items: Array<{ id: string; kind: string; questionNumber?: string }>;
  };
  const wanted = process.argv[2] ?? "Q1";
  const answer =
    detail.items.find((i) => i.kind === "answer" && i.questionNumber === wanted) ??
    detail.items.find((i) => i.kind === "answer");
  const browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((arg) => arg !== "--single-process"),
    headless: true,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1900 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/#/library/${imported.documentId}/answers/${answer?.id ?? ""}`);
  await page.waitForLoadState("networkidle");
  // The lens loads its model after first paint: wait until it has read the answer.
  await page.getByText("Updating…").waitFor({ state: "detached", timeout: 60_000 });
  await page.locator(".star-legend").waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(root, "docs/screenshot.png") });
  await browser.close();
  process.stdout.write("wrote docs/screenshot.png\n");
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
