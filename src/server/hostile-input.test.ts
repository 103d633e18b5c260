import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { type PreparedImport, prepareImport, saveImport } from "../app/bank.ts";
import { isDeriskError } from "../core/errors.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

/*
 * Hostile input over the real app and store: whatever arrives, the answer is a result or a
 * DeriskError (a 4xx, exit 2), never an unexpected failure (500, exit 70).
 * Bounded: a few hundred runs per property. The tally (inputs tried, 5xx answers, the slowest
 * run, and this process's peak resident memory) is printed and bounded at the end. The slowest
 * run is printed, not bounded: a run that never ends fails its test by the test's timeout, and
 * what hostile input costs is measured by bench/hostile.bench.ts and bench/health.bench.ts. (A
 * 10 s bound on each run counted "hangs" here; the slowest run measured 6.6–15.1 s over four
 * runs on the shared 2-core machine at load 20–27, which would have failed two of them.)
 */

/** Peak resident memory of the whole test process (PGlite, PostgreSQL's client, the import workers, vitest): 867 MB measured. */
const PEAK_RSS_BOUND_MB = 1_300;
const tally = {
  inputs: 0,
  imported: 0,
  refused: 0,
  requests: 0,
  serverErrors: 0,
  slowestMs: 0,
  peakRssMb: 0,
};

/** Times one fuzz run, for the tally's slowest run. */
async function timed<T>(run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    tally.slowestMs = Math.max(tally.slowestMs, Math.round(performance.now() - started));
  }
}

afterAll(() => {
  tally.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`[api-fuzz] ${JSON.stringify(tally)}`);
  expect(tally.serverErrors).toBe(0);
  expect(tally.peakRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);
});

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

/** Text a hostile user sends: any UTF-16 (lone surrogates, NUL, controls), Markdown soup, nesting. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\ud800",
      "\udc00",
      "\u0007",
      "\r",
      "\n",
      "*",
      "_",
      "[",
      "]",
      ">",
      "- ",
      "#",
      "`",
      "a",
      " ",
    ),
    maxLength: 400,
  }),
  fc
    .tuple(fc.constantFrom("> ", "- ", "* ", ">", "1. ", "  "), fc.integer({ min: 1, max: 3000 }))
    .map(([unit, n]) => `${unit.repeat(n)}x`),
  fc.integer({ min: 1, max: 400 }).map((n) => `| a | b |\n${"|---".repeat(n)}|\n${"| x ".repeat(n)}|\n`),
);

/** A bank file with hostile numbers and strings in the places the schema checks. */
const hostileBank = fc
  .record({
    gap: fc.oneof(
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom(2.5e9, 1e8, -1, 2 ** 31, Number.MAX_SAFE_INTEGER),
    ),
    line: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(2 ** 31, 1e300, 0)),
    text: hostileText,
    title: fc.oneof(fc.string({ maxLength: 20 }), fc.constant("T".repeat(9000)), fc.constant("a\u0000b")),
  })
  .map(({ gap, line, text, title }) => ({
    format: "derisk-bank",
    version: 1,
    document: {
      title,
      gapAfter: gap,
      finalNewline: true,
      items: [
        {
          kind: "note",
          key: "note-1",
          lines: { start: line, end: line },
          raw: text || "x",
          gapBefore: gap,
          text: text || "x",
        },
      ],
      report: {
        encoding: "utf-8",
        repaired: false,
        counts: {
          section: 0,
          framing: 0,
          answer: 0,
          "follow-up": 0,
          concern: 0,
          "technical-section": 0,
          "technical-question": 0,
          reflection: 0,
          note: 1,
        },
        unrecognised: [],
        lines: { total: 1, nonBlank: 1, inNotes: 1 },
        warnings: [],
      },
    },
  }));

describeStores("hostile input", (getStore) => {
  const app = () => createApp({ store: getStore(), userId: "a", version: "test", storage: "pglite" });

  /** Imports through the use cases the surfaces share; a refusal must be a DeriskError. */
  async function importOrRefuse(bytes: Uint8Array, filename?: string): Promise<"imported" | "refused"> {
    tally.inputs++;
    return timed(async () => {
      let prepared: PreparedImport;
      try {
        prepared = prepareImport({ bytes, ...(filename ? { filename } : {}) });
        await saveImport(getStore(), "a", prepared, { dryRun: true });
        await saveImport(getStore(), "a", prepared);
        tally.imported++;
        return "imported";
      } catch (error) {
        if (!isDeriskError(error) || error.exitCode !== 2) throw error;
        expect(error.message).not.toMatch(/\n|\bat .*\.ts:\d+/);
        tally.refused++;
        return "refused";
      }
    });
  }

  /** One API request of the fuzz: counted, timed, and a 5xx tallied (and failed). */
  async function request(path: string, init?: RequestInit): Promise<Response> {
    tally.requests++;
    const res = await timed(async () => app().request(path, init));
    if (res.status >= 500) tally.serverErrors++;
    return res;
  }

  it("imports or refuses any text, bytes or bank file, never failing unexpectedly", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        await importOrRefuse(new TextEncoder().encode(text), "fuzz.md");
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await importOrRefuse(bytes, "fuzz.txt");
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(hostileBank, async (bank) => {
        const outcome = await importOrRefuse(new TextEncoder().encode(JSON.stringify(bank)), "bank.json");
        const d = bank.document;
        const item = d.items[0];
        const sane =
          d.gapAfter >= 0 &&
          d.gapAfter <= 5 &&
          item !== undefined &&
          item.lines.start >= 1 &&
          item.lines.start <= 5 &&
          !d.title.includes("\u0000") &&
          d.title.length < 300;
        if (!sane) expect(outcome).toBe("refused");
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("answers item edits, analyses and story writes with a 4xx, never a 500", async () => {
    const created = await app().request(
      "/api/import",
      post({ text: '### Q1- Tell me about yourself:\n\n"Hi, I\'m Ana."\n' }),
    );
    expect(created.status).toBe(200);
    const { documentId } = (await created.json()) as { documentId: string };
    const detail = (await (await app().request(`/api/documents/${documentId}`)).json()) as {
      items: Array<{ id: string; kind: string }>;
    };
    const answer = detail.items.find((i) => i.kind === "answer");
    expect(answer).toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        hostileText,
        fc.oneof(
          fc.constant(undefined),
          fc.integer({ min: 1, max: 3 }),
          fc.constantFrom(2 ** 31, 1e300, -5, 1.5),
        ),
        async (text, expectedVersion) => {
          const edit = await request(`/api/items/${answer?.id}`, {
            method: "PUT",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ text, ...(expectedVersion === undefined ? {} : { expectedVersion }) }),
          });
          expect(edit.status, await edit.clone().text()).toBeLessThan(500);
          const analysed = await request("/api/analyze", post({ text, question: text.slice(0, 100) }));
          expect(analysed.status).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it("refuses NUL and lone surrogates in any JSON field with the field named", async () => {
    for (const bad of ["a\u0000b", "\ud800", "x\udc00"]) {
      const res = await request("/api/import", post({ text: "# T\n", filename: `${bad}.md` }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/field "filename" contains (a NUL|a lone UTF-16 surrogate)/);
    }
  });

  it("imports deep nesting and once-quadratic Markdown through the worker, answering /api/health meanwhile", async () => {
    // How long /api/health takes while these are imported is measured by bench/health.bench.ts
    // (health-during-import, "hostile"), not timed here.
    const inputs = [
      `${"> - ".repeat(5000)}x`,
      ">".repeat(50000),
      `${"* ".repeat(50000)}x`,
      `${"*_".repeat(20000)}x`,
      `[a]: /u\n\n${"[a]".repeat(30000)}`,
    ];
    for (const text of inputs) {
      const importing = request("/api/import", post({ text, dryRun: true }));
      const health = await app().request("/api/health");
      expect(health.status).toBe(200);
      const res = await importing;
      expect([200, 413]).toContain(res.status);
    }
  }, 120_000);
});
