import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// GET /api/export in the prep-sheet formats, on the real Hono app over a real store.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));

describeStores("HTTP prep sheet export", (getStore) => {
  const appFor = (userId: string) =>
    createApp({
      store: getStore(),
      userId,
      version: "test",
      storage: "pglite",
      maxBodyBytes: 11 * 1024 * 1024,
    });

  it("serves the bank's prep sheet as HTML and Anki, and 404s an empty bank", async () => {
    const empty = await appFor("a").request("/api/export?format=html");
    expect(empty.status).toBe(404);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/bank is empty/);

    const imported = await appFor("a").request("/api/import?filename=sample-prep.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: sample,
    });
    expect(imported.status).toBe(200);
    const html = await appFor("a").request("/api/export?format=html&layout=cards");
    expect(html.status).toBe(200);
    expect(html.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("Content-Disposition")).toMatch(/filename="[a-z0-9-]+-cards\.html"/);
    expect(await html.text()).toContain('<div class="card"><h2>Q1 · Tell me about yourself</h2>');

    const anki = await appFor("a").request("/api/export?format=anki&competency=ml-concept");
    expect((await anki.text()).split("\n").filter((l) => l.includes("\tderisk::"))).toHaveLength(5);

    const bad = await appFor("a").request("/api/export?format=html&competency=charm");
    expect(bad.status).toBe(400);
    // A misspelt layout, and a sheet's narrowing sent with a document or bank export, were
    // dropped without a word (200 with the whole sheet or document).
    const { documentId } = (await imported.json()) as { documentId: string };
    for (const [query, message] of [
      ["format=html&layout=card", /^layout must be "sheet" or "cards", not "card"\.$/],
      [
        `format=md&documentId=${documentId}&competency=conflict`,
        /^competency, tailoringId and layout shape a prep sheet: use them with format=sheet-md, html or pdf .*not with format=md\.$/,
      ],
      ["format=json&layout=cards", /not with format=json\.$/],
      ["format=json&tailoringId=x", /not with format=json\.$/],
      [
        "format=anki&layout=cards",
        /^layout=cards gives printed cue cards: use it with format=sheet-md, html or pdf, not anki\.$/,
      ],
      // print=yes, or print with a download format, was ignored: a download came, not the print view.
      ["format=html&print=yes", /^print must be "1" or "0" \(or true or false\), not "yes"\.$/],
      ["format=pdf&print=1", /^print=1 opens the HTML sheet .*use it with format=html, not pdf\.$/],
      ["format=sheet-md&print=true", /not sheet-md\.$/],
    ] as const) {
      const refused = await appFor("a").request(`/api/export?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    // Another user's bank stays theirs.
    expect((await appFor("b").request("/api/export?format=html")).status).toBe(404);
  });

  it("leaves derisk's sample off the whole bank's sheet once the candidate has a document of their own", async () => {
    const post = (path: string, body: BodyInit) =>
      appFor("a").request(path, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body,
      });
    expect((await post("/api/import?filename=sample-prep.md", sample)).status).toBe(200);
    // The sample alone is the demo: its sheet is the sample's.
    expect(await (await appFor("a").request("/api/export?format=sheet-md")).text()).toContain(
      "Interview prep — Ines Carvalho",
    );
    const own = [
      "# Platform prep",
      "",
      "## Q1- Tell me about yourself",
      "",
      "I run the payments platform at a logistics firm; last year I cut failed payouts from 2% to 0.3%.",
      "",
    ].join("\n");
    expect((await post("/api/import?filename=platform.md", own)).status).toBe(200);
    const sheet = await (await appFor("a").request("/api/export?format=sheet-md")).text();
    expect(sheet).toContain("failed payouts");
    expect(sheet).not.toContain("Interview prep — Ines Carvalho");
    expect(sheet).not.toContain("synchrotron");
    // Asked for by its id, the sample still has its sheet.
    const listed = (await (await appFor("a").request("/api/documents")).json()) as {
      documents: { id: string; sample?: boolean }[];
    };
    const sampleId = listed.documents.find((d) => d.sample)?.id ?? "";
    const ofSample = await appFor("a").request(`/api/export?format=sheet-md&documentId=${sampleId}`);
    expect(await ofSample.text()).toContain("synchrotron");
  });

  it("says the sample is left off when the candidate's own documents have nothing for a sheet", async () => {
    const post = (path: string, body: BodyInit) =>
      appFor("a").request(path, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body,
      });
    expect((await post("/api/import?filename=sample-prep.md", sample)).status).toBe(200);
    expect((await post("/api/import?filename=notes.md", "Some loose notes, no question yet.\n")).status).toBe(
      200,
    );
    const res = await appFor("a").request("/api/export?format=html");
    expect(res.status).toBe(404);
    // Before: "the bank has no answers or technical questions yet", with the sample's seven there.
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "Nothing to put on a prep sheet: your own documents have no answers or technical questions yet, and the sample is left off the whole bank's sheet once you have a document of your own. Add an answer to one of your documents, or choose the sample document as the sheet's scope.",
    );
    // The web's Anki deck download: a deck, not a sheet (before: the same words as above).
    const deck = await appFor("a").request("/api/export?format=anki");
    expect(deck.status).toBe(404);
    expect(((await deck.json()) as { error: { message: string } }).error.message).toBe(
      "Nothing to put in an Anki deck: your own documents have no answers or technical questions yet, and the sample is left off the whole bank's deck once you have a document of your own. Add an answer to one of your documents, or choose the sample document as the deck's scope.",
    );
  });

  it("serves the print view inline with a policy that allows the sheet's style and no script, and lists the formats", async () => {
    await appFor("a").request("/api/import?filename=sample-prep.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: sample,
    });
    const view = await appFor("a").request("/api/export?format=html&print=1&competency=about-me");
    expect(view.status).toBe(200);
    expect(view.headers.get("Content-Disposition")).toMatch(/^inline; filename="[a-z0-9-]+-sheet\.html"$/);
    const policy = view.headers.get("Content-Security-Policy") ?? "";
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("script-src");
    expect(await view.text()).toContain("Tell me about yourself");
    // Every other page keeps the app's own policy.
    expect((await appFor("a").request("/api/health")).headers.get("Content-Security-Policy")).toContain(
      "script-src 'self'",
    );

    const formats = (await (await appFor("a").request("/api/export/formats")).json()) as {
      formats: string[];
    };
    expect(formats.formats).toEqual(expect.arrayContaining(["sheet-md", "html", "anki"]));
  });

  it("embeds the fonts a sheet's emoji and CJK need, as data the print view's policy allows", async () => {
    const doc = '# 面试准备\n\n### Q1- Tell me about a fix\n\n"我修复了数据管道 🚀 and it held."\n';
    await appFor("a").request("/api/import?filename=cjk.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode(doc),
    });
    const view = await appFor("a").request("/api/export?format=html&print=1");
    expect(view.status).toBe(200);
    expect(view.headers.get("Content-Security-Policy")).toContain("font-src data:");
    const html = await view.text();
    expect(html).toMatch(/@font-face \{ font-family: "Noto Sans SC"[^}]*src: url\(data:font\/woff2;base64,/);
    expect(html).toMatch(/@font-face \{ font-family: "Noto Emoji"/);
    expect(html).not.toMatch(/url\((?!data:)/);
    // A sheet in plain English embeds none.
    const plain = await appFor("b").request("/api/import?filename=sample-prep.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: sample,
    });
    expect(plain.status).toBe(200);
    expect(await (await appFor("b").request("/api/export?format=html")).text()).not.toContain("@font-face");
  });

  it("names a download after a title in any script (the header holds its exact name as filename*)", async () => {
    const imported = await appFor("b").request("/api/import?filename=cjk.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode(
        '# 面试准备\n\n### Q1- Tell me about a fix\n\n"I fixed the pipeline."\n',
      ),
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const { documentId } = (await imported.json()) as { documentId: string };
    for (const query of ["format=md", "format=html", "format=html&print=1"]) {
      // Before: a plain `filename="面试准备.md"` is not a valid header, and the export failed.
      const res = await appFor("b").request(`/api/export?${query}&documentId=${documentId}`);
      expect(res.status, `${query}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
      const header = res.headers.get("Content-Disposition") ?? "";
      expect(header, query).toMatch(/filename\*=UTF-8''%E9%9D%A2[^;]*; filename="[\x20-\x7e]+"$/);
    }
  });
});
