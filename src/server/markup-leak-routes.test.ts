import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import type { StoredItem } from "../core/api-types.ts";
import { openStore, type Store } from "../store/index.ts";
import { createApp } from "./app.ts";

// Every text the API hands a view to show as prose — follow-ups, concerns, compose, re-angle,
// trailer, coverage, match, tailor, stories, practice, the prep sheet — is free of Markdown
// markers and written STAR labels, on the seed (read from ../shared at run time, mandatory
// under CI) and on our sample. A document's own items are left out: their `text` is the source
// the editor edits, and the views strip it (src/core/markup.test.ts covers that).
const sample = new Uint8Array(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)));

// Bold or underline markers, a heading's hashes, italics, a written STAR label opening a line.
const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ["bold", /\*\*|__/],
  ["heading", /^\s*#{1,6}\s/m],
  [
    "italics",
    /(?<![\p{L}\p{N}*])\*[^*\s][^*\n]*\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_[^_\s][^_\n]*_(?![\p{L}\p{N}_])/u,
  ],
  ["STAR label", /^\s*(?:[STARL]\s*[–—-]\s*)?(?:situation|task|actions?|results?|lessons?)\s*[:：]/imu],
];

// Fields that are not prose shown to the user: ids, enums, dates, and the editable sources.
const NOT_PROSE =
  /(?:^id$|Id$|^key$|Key$|^kind$|^source$|^status$|^part$|^field$|^from$|^beat$|^competenc|^role$|At$|^date$|^strength$|^posting$|^triggerId$|^url$|^filename$|^variant$|^skills$|^label$)/;

/** Every prose string in a response body, with the path it was found at. */
function proseOf(value: unknown, path = "$"): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => proseOf(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (NOT_PROSE.test(k) ? [] : proseOf(v, `${path}.${k}`)));
  return [];
}

/** The leaks in a body, as "where: kind: text" lines (empty when clean). */
function leaksIn(route: string, body: unknown): string[] {
  return proseOf(body).flatMap(([path, text]) =>
    LEAKS.filter(([, re]) => re.test(text)).map(
      ([kind]) => `${route} ${path}: ${kind}: ${text.slice(0, 100)}`,
    ),
  );
}

/**
 * The words of an HTML page the user's text is shown in, one line per block: tags and entities
 * dropped, and the sheet's own part labels ("Situation:" before a part, "Result:" before a fix).
 */
const wordsOfHtml = (html: string) =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, "")
    .replace(/<span class="label">[^<]*<\/span>/g, "")
    .replace(/(<li class="fix">)\s*\w+:/g, "$1")
    .replace(/<\/(p|li|div|h\d|section|blockquote|td|th|tr)>|<br\s*\/?>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&[a-z#0-9]+;/g, " ");

describe("no markup in any text the API gives a view to show", () => {
  let pglite: PGlite;
  let store: Store;
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
  });

  async function walk(userId: string, bytes: Uint8Array, filename: string): Promise<string[]> {
    await store.users.ensureUser(userId);
    const app = createApp({
      store,
      userId,
      version: "test",
      storage: "pglite",
      maxBodyBytes: 11 * 1024 * 1024,
    });
    const json = async (path: string, body?: unknown) => {
      const res = await app.request(
        path,
        body === undefined
          ? undefined
          : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
      );
      expect(res.status, `${path} ${await res.clone().text()}`).toBeLessThan(300);
      return (await res.json()) as unknown;
    };
    const imported = await app.request(`/api/import?filename=${filename}`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new Uint8Array(bytes).buffer as ArrayBuffer,
    });
    const result = (await imported.json()) as { documentId?: string };
    const documentId = result.documentId;
    if (documentId === undefined) throw new Error(`${filename} imports: ${JSON.stringify(result)}`);
    const { items } = (await json(`/api/documents/${documentId}`)) as { items: StoredItem[] };
    const answers = items.filter((i) => i.kind === "answer");
    const leaks: string[] = [];
    const check = (route: string, body: unknown) => leaks.push(...leaksIn(route, body));

    check("stories from document", await json(`/api/documents/${documentId}/stories`, {}));
    const { stories } = (await json("/api/stories")) as { stories: Array<{ id: string }> };
    check("stories", stories);
    for (const answer of answers) {
      check(
        `followups ${answer.key}`,
        await json("/api/followups", { itemId: answer.id, role: "ml-engineer" }),
      );
      check(
        `reangle ${answer.key}`,
        await json("/api/reangle", { itemId: answer.id, toRole: "ml-engineer" }),
      );
    }
    for (const story of stories)
      check(
        "compose",
        await json("/api/compose", {
          storyId: story.id,
          question: "Tell me about a time you made a mistake.",
        }),
      );
    check("trailer 60", await json("/api/trailer?seconds=60"));
    check("trailer 150", await json("/api/trailer?seconds=150"));
    check("coverage", await json("/api/coverage"));
    check(
      "match",
      await json("/api/match", { question: "Tell me about a time you made a mistake.", role: "ml-engineer" }),
    );
    check(
      "tailor",
      await json("/api/tailor", {
        text: "Machine Learning Engineer\nAcme Robotics\n\nRequirements:\n- Deploy models to production\n- Debug data pipelines\n- Clear communication with stakeholders\n",
        save: false,
      }),
    );
    check("what-next", await json("/api/what-next?role=ml-engineer"));
    const session = (await json("/api/practice/sessions", { from: { kind: "due" }, limit: 5 })) as {
      session: { id: string };
    };
    check("practice session", session);
    check("practice peek", await json(`/api/practice/sessions/${session.session.id}/peek`, {}));
    const html = await app.request(`/api/export?format=html&documentId=${documentId}`);
    expect(html.status).toBe(200);
    check("prep sheet HTML", wordsOfHtml(await html.text()).split("\n"));
    return leaks;
  }

  it.runIf(SEED_RUNS)(
    "on the seed",
    async () => {
      const { bytes } = seedUpload();
      expect(await walk("seed", bytes, "seed.md")).toEqual([]);
    },
    240_000,
  );

  it("on our sample", async () => {
    expect(await walk("sample", sample, "sample-prep.md")).toEqual([]);
  }, 240_000);
});
