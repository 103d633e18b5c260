/**
 * Editor latency in a real Chromium: types 120 characters, one at a time, into a 400-word answer
 * in the web app's editor and measures keydown → next animation frame inside the page (what the
 * user waits for before the character can be painted). Prints one JSON line:
 * `{ name: "editor-keystroke-to-paint", p95_ms, median_ms, keystrokes, words }`.
 *
 * Usage: `npx vite build --config web/vite.config.ts && npx tsx bench/editor-perf.ts`
 */
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { launchBrowser, newContext } from "../test/e2e/browser.ts";
import { startTestServer } from "../test/e2e/harness.ts";

export interface EditorPerf {
  name: "editor-keystroke-to-paint";
  p95_ms: number;
  median_ms: number;
  keystrokes: number;
  words: number;
}

const SENTENCES = [
  "I led the migration of our nightly feature pipeline from cron scripts to Airflow.",
  "The old jobs failed silently about once a week, and the data science team lost a day each time.",
  "I mapped every job, its inputs and its owners, and I proposed a cut-over plan in three stages.",
  "My manager wanted a big-bang switch, so I showed her the failure history and we agreed on stages.",
  "I added data checks at each stage boundary and an alert that paged me, not the whole team.",
  "When a check failed during the second stage, I rolled back within ten minutes and fixed the schema.",
];

/** A prep document holding one answer of exactly `words` words. */
export function documentWithAnswer(words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentence = SENTENCES[i % SENTENCES.length] ?? "";
    for (const word of sentence.split(" ")) {
      if (count === words) break;
      out.push(word);
      count++;
    }
  }
  const text = out.join(" ");
  return `# Editor benchmark\n\n### Q1- Tell me about a migration you led:\n\n"${text.endsWith(".") ? text : `${text}.`}"\n`;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** Types `keystrokes` characters at the end of the editor's text and measures each in the page. */
export async function measureEditorKeystrokes(page: Page, keystrokes: number): Promise<number[]> {
  const editor = page.locator(".edit-layout textarea").first();
  await editor.waitFor();
  await editor.evaluate((node) => {
    const area = node as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    const samples: number[] = [];
    (window as unknown as { __keystrokeSamples: number[] }).__keystrokeSamples = samples;
    area.addEventListener(
      "keydown",
      () => {
        const start = performance.now();
        requestAnimationFrame(() => samples.push(performance.now() - start));
      },
      { capture: true },
    );
  });
  const typed = " and then we measured it again";
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(typed[i % typed.length] ?? "x");
    // Wait for the frame after this keystroke, so keystrokes never overlap.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  return page.evaluate(() => (window as unknown as { __keystrokeSamples: number[] }).__keystrokeSamples);
}

export function summarise(samples: number[], words: number): EditorPerf {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    name: "editor-keystroke-to-paint",
    p95_ms: round(percentile(sorted, 95)),
    median_ms: round(percentile(sorted, 50)),
    keystrokes: samples.length,
    words,
  };
}

async function main(): Promise<void> {
  const launched = await launchBrowser();
  if (launched.browser === null) throw new Error(launched.skipReason);
  const server = await startTestServer();
  try {
    const words = 400;
    const response = await fetch(`${server.url}/api/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: documentWithAnswer(words), filename: "editor-bench.md" }),
    });
    const { documentId } = (await response.json()) as { documentId: string };
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { id: string; kind: string }[];
    };
    const answer = detail.items.find((item) => item.kind === "answer");
    if (answer === undefined) throw new Error("the benchmark document imported without an answer");
    const context = await newContext(launched.browser, server.url);
    const page = await context.newPage();
    await page.goto(`/#/edit/${answer.id}`);
    await page.locator(".edit-layout .lens-body").waitFor();
    const samples = await measureEditorKeystrokes(page, 150);
    process.stdout.write(`${JSON.stringify(summarise(samples, words))}\n`);
    await context.close();
  } finally {
    await server.close();
    await launched.browser.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
