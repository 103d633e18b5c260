import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { DocumentDetail, ImportResult } from "../core/api-types.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store (PGlite and PostgreSQL), called in-process.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describeStores("HTTP API", (getStore) => {
  const appFor = (userId: string) =>
    createApp({
      store: getStore(),
      userId,
      version: "test",
      storage: "pglite",
      maxBodyBytes: 11 * 1024 * 1024,
    });

  async function importSample(userId = "a"): Promise<ImportResult> {
    const res = await appFor(userId).request("/api/import?filename=sample-prep.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode(sample),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ImportResult;
  }

  it("reports health", async () => {
    const res = await appFor("a").request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, version: "test" });
  });

  it("names the role the sample itself is pitched for, for the start page's sample card", async () => {
    const res = await appFor("a").request("/api/sample");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { filename: string; text: string; targetRole?: string };
    expect(body.text).toBe(sample);
    // Before: no targetRole, and the start page said "an ML Engineer role" for a Data/ML Engineer sample.
    expect(body.targetRole).toBeTruthy();
    expect(sample).toContain(`for ${body.targetRole} Role`);
  });

  it("imports raw bytes, then says unchanged on the same bytes", async () => {
    const first = await importSample();
    expect(first.status).toBe("created");
    expect(first.report.counts.answer).toBeGreaterThan(0);
    expect(first.summary).toMatch(/answers?/);
    const again = await importSample();
    expect(again).toMatchObject({ status: "unchanged", documentId: first.documentId });
    const list = (await (await appFor("a").request("/api/documents")).json()) as { documents: unknown[] };
    expect(list.documents).toHaveLength(1);
  });

  it("imports pasted text as JSON, with a dry run that writes nothing", async () => {
    const dry = await appFor("a").request("/api/import", json({ text: sample, dryRun: true }));
    expect(((await dry.json()) as ImportResult).status).toBe("dry-run");
    const list = (await (await appFor("a").request("/api/documents")).json()) as { documents: unknown[] };
    expect(list.documents).toHaveLength(0);
  });

  it("holds a raw upload's query to the JSON body's rules: a dry run asked in any other word, a bad filename", async () => {
    const upload = (query: string) =>
      appFor("a").request(`/api/import?${query}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: new TextEncoder().encode(sample),
      });
    const cases: Array<[string, number, RegExp | string]> = [
      // Before: imported for real (200 "created"), where a dry run was asked.
      [
        "filename=p.md&dryRun=yes",
        400,
        'dryRun must be "true" or "false" (or 1 or 0), not "yes": nothing was imported.',
      ],
      // Before: "The text holds a character the database cannot store", not naming the filename.
      [
        "filename=a%00b.md",
        400,
        "?filename= contains a NUL character (U+0000) at character 2: remove it and retry.",
      ],
      // Before: stored whole, where the JSON body's filename stops at 255.
      [`filename=${"a".repeat(300)}.md`, 400, /^\?filename= is 303 characters, over the limit of 255/],
    ];
    for (const [query, status, message] of cases) {
      const res = await upload(query);
      const body = (await res.json()) as { error: { message: string } };
      expect({ query: query.slice(0, 30), status: res.status }).toEqual({
        query: query.slice(0, 30),
        status,
      });
      expect(body.error.message).toMatch(message);
    }
    const list = (await (await appFor("a").request("/api/documents")).json()) as { documents: unknown[] };
    expect(list.documents).toHaveLength(0);
    const dry = await upload("filename=p.md&dryRun=1");
    expect(((await dry.json()) as ImportResult).status).toBe("dry-run");
  });

  it("says where a JSON body or a bank file stops being JSON (line, column, excerpt), without echoing it", async () => {
    const app = appFor("a");
    const body = `{\n  "felt": "${"x".repeat(10_000)}",\n  title: 1\n}`;
    const journal = await app.request("/api/journal", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(journal.status).toBe(400);
    const said = ((await journal.json()) as { error: { message: string } }).error.message;
    expect(said).toBe(
      "The request body is not valid JSON at line 3, column 3 (at `  title: 1`): Expected double-quoted property name: send one JSON object with Content-Type: application/json.",
    );
    const bank = await app.request("/api/import?filename=bank.json", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: '{\n "format": "derisk-bank",\n "version": 2 "tables": {}\n}',
    });
    expect(bank.status).toBe(400);
    expect(((await bank.json()) as { error: { message: string } }).error.message).toMatch(
      /^bank\.json is not valid JSON at line 3, column 15 \(at `.*"tables": \{\}`\): Expected ',' or '\}' after property value: fix it there, or export the bank again \(Export, JSON bank file\)\.$/,
    );
  });

  it("says in plain words which field of a JSON body or bank file is wrong, not the checker's jargon", async () => {
    const app = appFor("a");
    const said = async (path: string, init: RequestInit) => {
      const res = await app.request(path, init);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await said("/api/analyze", json({ question: "Tell me about a mistake" }))).toBe(
      'Invalid request: field "text" is missing: give it as text (a JSON string in quotes). See docs/api.md.',
    );
    expect(await said("/api/analyze", json({ text: 5 }))).toBe(
      'Invalid request: field "text" must be text (a JSON string in quotes), not a number. See docs/api.md.',
    );
    expect(await said("/api/analyze", json([1]))).toBe(
      "Invalid request: the body must be a JSON object ({ … }), not a JSON list ([ … ]). See docs/api.md.",
    );
    const bank = await said("/api/import?filename=bank.json", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: "[1, 2]",
    });
    expect(bank).toMatch(
      /^bank\.json is not a derisk bank file: the whole file must be a JSON object \(\{ … \}\), not a JSON list/,
    );
    expect(bank).not.toMatch(/Invalid input|received/);
  });

  it("refuses bad input with a 4xx and a message, never a stack trace", async () => {
    const app = appFor("a");
    const cases: Array<[RequestInit, string, number, RegExp]> = [
      [
        { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" },
        "/api/import",
        400,
        /not valid JSON/,
      ],
      [json({ txt: "x" }), "/api/import", 400, /text/],
      [json({ text: "" }), "/api/import", 400, /empty/],
      [json({ text: "   \n\n  " }), "/api/import", 400, /empty|nothing/i],
      [
        {
          method: "POST",
          headers: { "Content-Type": "application/octet-stream" },
          body: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 9, 9]),
        },
        "/api/import?filename=prep.docx",
        400,
        /not text|binary/i,
      ],
      [
        {
          method: "POST",
          headers: { "Content-Type": "application/octet-stream" },
          // Neither UTF-8 nor Windows-1252 (0x81 and 0x8D are undefined there): "hi", then them.
          body: new Uint8Array([0x68, 0x69, 0x81, 0x8d, 0xc3, 0x28, 0x0a]),
        },
        "/api/import?filename=bad.txt",
        415,
        /UTF-8|encoding/i,
      ],
      [
        json({ text: '{"format":"derisk-bank","version":99,"document":{}}', filename: "bank.json" }),
        "/api/import",
        400,
        /version 99/,
      ],
      [json({ text: '{"hello":"world"}', filename: "bank.json" }), "/api/import", 400, /not a derisk bank/],
      [
        { method: "POST", headers: { "Content-Type": "image/png" }, body: "x" },
        "/api/import",
        415,
        /Content-Type/,
      ],
      [json({ text: "" }), "/api/analyze", 400, /empty/i],
      [json({ question: "" }), "/api/classify", 400, /question/],
    ];
    for (const [init, path, status, message] of cases) {
      const res = await app.request(path, init);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(body.error.message).toMatch(message);
      expect(body.error.message).not.toMatch(/\n\s+at /);
    }
    expect(
      ((await (await app.request("/api/documents")).json()) as { documents: unknown[] }).documents,
    ).toHaveLength(0);
  });

  it("refuses a document over 10 MiB with 413", async () => {
    const huge = new Uint8Array(10 * 1024 * 1024 + 10).fill(0x61);
    const res = await appFor("a").request("/api/import?filename=huge.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: huge,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/MiB/);
  });

  it("edits an answer with optimistic concurrency, and export → import → export is byte-identical", async () => {
    const { documentId } = await importSample();
    const app = appFor("a");
    const detail = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    const answer = detail.items.find((item) => item.kind === "answer");
    if (!answer) throw new Error("the sample has answers");
    const text = "I owned the rollout end to end and cut the error rate from 4% to 0.5% in two weeks.";
    const put = (expectedVersion: number) =>
      app.request(`/api/items/${answer.id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, expectedVersion }),
      });
    const saved = await put(answer.version);
    expect(saved.status).toBe(200);
    const stale = await put(answer.version);
    expect(stale.status).toBe(409);
    const after = (await (await app.request(`/api/items/${answer.id}`)).json()) as {
      item: { kind: string; text: string };
    };
    expect(after.item.text).toBe(text);

    const exported = await (await app.request(`/api/export?documentId=${documentId}&format=md`)).text();
    expect(exported).toContain(text);
    const reimport = await appFor("b").request("/api/import", json({ text: exported, filename: "again.md" }));
    const again = (await reimport.json()) as ImportResult;
    const exportedAgain = await (
      await appFor("b").request(`/api/export?documentId=${again.documentId}&format=md`)
    ).text();
    expect(exportedAgain).toBe(exported);

    const bank = await app.request(`/api/export?documentId=${documentId}&format=json`);
    expect(bank.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.json"/);
    const fromJson = (await (
      await appFor("b").request("/api/import", json({ text: await bank.text(), filename: "bank.json" }))
    ).json()) as ImportResult;
    // The bank file is A's whole bank: restored into B's (new ids, as A's rows keep theirs).
    expect(fromJson).toMatchObject({ status: "restored", restored: { added: { documents: 1 } } });
    const listed = (await (await appFor("b").request("/api/documents")).json()) as { documents: unknown[] };
    expect(listed.documents).toHaveLength(2);
  });

  it("saves a composed draft as a new variant of a question, beside the others", async () => {
    const { documentId } = await importSample();
    const app = appFor("a");
    const before = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    const text = "I traced the drift to a recalibrated sensor, retrained the model and error fell by 30%.";
    const res = await app.request(
      `/api/documents/${documentId}/answers`,
      json({ questionKey: "q3", variant: "ML-focused", text }),
    );
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as {
      item: { kind: string; questionKey: string; text: string; variant: string };
    };
    expect(item).toMatchObject({ kind: "answer", questionKey: "q3", variant: "ML-focused", text });
    const after = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    expect(after.items.length).toBe(before.items.length + 1);
    // Items that were there keep their ids (edits, cards and attempts stay linked).
    for (const old of before.items) expect(after.items.find((i) => i.key === old.key)?.id).toBe(old.id);
    const other = await appFor("b").request(
      `/api/documents/${documentId}/answers`,
      json({ questionKey: "q3", variant: "x", text }),
    );
    expect(other.status).toBe(404);
    const bad = await app.request(
      `/api/documents/${documentId}/answers`,
      json({ questionKey: "q3", variant: "x" }),
    );
    expect(bad.status).toBe(400);
  });

  it("refuses to save a re-angle that kept every sentence: a word-for-word copy is no new variant", async () => {
    const { documentId } = await importSample();
    const app = appFor("a");
    const before = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    const core = before.items.find((i) => i.key === "q5/core");
    const reangled = (await (
      await app.request("/api/reangle", json({ itemId: core?.id, toRole: "ml-engineer" }))
    ).json()) as { text: string; diff: Array<{ status: string }> };
    expect(reangled.diff.every((d) => d.status === "kept")).toBe(true);
    const res = await app.request(
      `/api/documents/${documentId}/answers`,
      json({ questionKey: "q5", variant: "for ML", text: reangled.text, source: "re-angled" }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /word for word: re-angling kept every sentence.*Nothing was saved/,
    );
    const after = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    expect(after.items.length).toBe(before.items.length);
  });

  it("writes the answer to a new question into a document, as a question of its own", async () => {
    const { documentId } = await importSample();
    const app = appFor("a");
    const before = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    const question = "Tell me about a time you changed your mind.";
    const text =
      "I argued for a bigger model; the ablation showed the features mattered more, so I dropped it.";
    const res = await app.request(`/api/documents/${documentId}/questions`, json({ question, text }));
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as {
      item: { id: string; kind: string; question: string; text: string };
    };
    expect(item).toMatchObject({ kind: "answer", question, text });
    const after = (await (await app.request(`/api/documents/${documentId}`)).json()) as DocumentDetail;
    expect(after.items.length).toBe(before.items.length + 1);
    expect(after.items.find((i) => i.id === item.id)).toBeDefined();
    for (const old of before.items) expect(after.items.find((i) => i.key === old.key)?.id).toBe(old.id);
    // The export holds it as a numbered question, so a re-import reads it back.
    const exported = await (await app.request(`/api/export?documentId=${documentId}&format=md`)).text();
    expect(exported).toContain(`- ${question}`);
    // Another user's document, no question, a heading as the answer, and a form post are refused.
    expect(
      (await appFor("b").request(`/api/documents/${documentId}/questions`, json({ question, text }))).status,
    ).toBe(404);
    const empty = await app.request(`/api/documents/${documentId}/questions`, json({ question: " ", text }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(
      /question is empty/,
    );
    const heading = await app.request(
      `/api/documents/${documentId}/questions`,
      json({ question, text: "## Q9 x" }),
    );
    expect(heading.status).toBe(400);
    const form = await app.request(`/api/documents/${documentId}/questions`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "question=x&text=y",
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
  });

  it("answers an analysis of a German answer with the language it reads as, not a score of broken English", async () => {
    const res = await appFor("a").request(
      "/api/analyze",
      json({
        text: "In meinem letzten Job war ich für die Datenpipeline verantwortlich. Die nächtlichen Läufe sind zweimal pro Woche abgebrochen. Ich habe den Fehler gefunden und einen Test ergänzt.",
        question: "Tell me about a technical problem you solved",
      }),
    );
    expect(res.status).toBe(200);
    const analysis = (await res.json()) as {
      language?: { code: string; name: string; note: string };
      overall: { reasons: string[] };
      labels: { overall: number };
    };
    // Before: no language field, and the reason was "a list of words, not sentences".
    expect(analysis.language).toMatchObject({ code: "de", name: "German" });
    expect(analysis.language?.note).toMatch(/reads English only/);
    expect(analysis.overall.reasons[0]).toMatch(/^written in German: the risk lens reads English only/);
    expect(analysis.labels.overall).toBe(1);
  });

  it("analyses and classifies", async () => {
    const app = appFor("a");
    const res = await app.request(
      "/api/analyze",
      json({
        text: "I noticed our nightly job failed. I traced it to a schema change, fixed the parser and added a contract test. Failures dropped to zero and I learned to test at the boundary.",
        question: "Tell me about a technical problem you solved",
        role: "software-engineer",
      }),
    );
    expect(res.status).toBe(200);
    const analysis = (await res.json()) as {
      labels: { overall: number; action: boolean };
      sentences: unknown[];
    };
    expect(analysis.labels.action).toBe(true);
    expect(analysis.sentences.length).toBe(3);
    const cls = await app.request(
      "/api/classify",
      json({ question: "Tell me about a time you disagreed with your manager" }),
    );
    expect(((await cls.json()) as { competency: string }).competency).toBe("conflict");
    const tooLong = await app.request("/api/analyze", json({ text: "word ".repeat(60_000) }));
    expect(tooLong.status).toBe(413);
  });

  it("isolates users: B cannot read, edit, analyse, export or delete A's data through any route", async () => {
    const { documentId } = await importSample("a");
    const detail = (await (
      await appFor("a").request(`/api/documents/${documentId}`)
    ).json()) as DocumentDetail;
    const itemId = detail.items.find((item) => item.kind === "answer")?.id ?? "";
    const b = appFor("b");
    const attempts: Array<[string, RequestInit | undefined]> = [
      [`/api/documents/${documentId}`, undefined],
      [`/api/documents/${documentId}`, { method: "DELETE" }],
      [`/api/items/${itemId}`, undefined],
      [
        `/api/items/${itemId}`,
        { method: "PUT", headers: { "Content-Type": "application/json" }, body: '{"text":"mine now"}' },
      ],
      [`/api/items/${itemId}/analyze`, json({})],
      [`/api/export?documentId=${documentId}&format=md`, undefined],
      [`/api/export?documentId=${documentId}&format=json`, undefined],
    ];
    for (const [path, init] of attempts) {
      const res = await b.request(path, init);
      expect({ path, method: init?.method ?? "GET", status: res.status }).toEqual({
        path,
        method: init?.method ?? "GET",
        status: 404,
      });
    }
    expect(
      ((await (await b.request("/api/documents")).json()) as { documents: unknown[] }).documents,
    ).toEqual([]);
    const still = (await (await appFor("a").request(`/api/items/${itemId}`)).json()) as {
      item: { version: number };
    };
    expect(still.item.version).toBe(1);
  });

  it("renames a document (PATCH, JSON only), refuses empty, over-long and stale titles, and a re-import keeps it", async () => {
    const { documentId } = await importSample();
    const patch = (body: unknown, type = "application/json") =>
      appFor("a").request(`/api/documents/${documentId}`, {
        method: "PATCH",
        headers: { "Content-Type": type },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const detail = (await (
      await appFor("a").request(`/api/documents/${documentId}`)
    ).json()) as DocumentDetail;
    expect(detail.document.title).toBe("Interview prep — Ines Carvalho");

    const ok = await patch({ title: "  ML Engineer   prep ", expectedVersion: detail.document.version });
    expect(ok.status).toBe(200);
    const renamed = ((await ok.json()) as { document: { title: string; version: number } }).document;
    expect(renamed).toMatchObject({ title: "ML Engineer prep", version: detail.document.version + 1 });

    for (const [body, type, status, message] of [
      [{ title: "   " }, "application/json", 400, /title is empty/],
      [{ title: "x".repeat(121) }, "application/json", 400, /121 characters.*120/],
      [{ title: 42 }, "application/json", 400, /field "title"/],
      ["title=New", "application/x-www-form-urlencoded", 415, /Content-Type: application\/json/],
      [
        { title: "Late", expectedVersion: detail.document.version },
        "application/json",
        409,
        /changed elsewhere/,
      ],
    ] as const) {
      const res = await patch(body, type);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const missing = await appFor("a").request("/api/documents/nope", {
      ...json({ title: "X" }),
      method: "PATCH",
    });
    expect(missing.status).toBe(404);

    // The same file with new content updates the document and keeps the chosen name.
    const res = await appFor("a").request("/api/import?filename=sample-prep.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode(`${sample}\nOne more loose thought.\n`),
    });
    expect(((await res.json()) as ImportResult).status).toBe("updated");
    const list = (await (await appFor("a").request("/api/documents")).json()) as {
      documents: { title: string }[];
    };
    expect(list.documents.map((d) => d.title)).toEqual(["ML Engineer prep"]);
  });

  it("tells a page user to paste or choose a file for an empty import, a terminal user what to do with the file", async () => {
    const res = await appFor("a").request("/api/import?filename=empty.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new Uint8Array(),
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toBe(
      "empty.md is empty: there is nothing to import. Paste or choose a file with your notes.",
    );
  });

  it("tells a page user where to look, not which CLI command to type", async () => {
    const res = await appFor("a").request("/api/documents/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toMatch(/the Library lists your documents/);
    expect(error.message).not.toMatch(/derisk list/);
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await appFor("a").request("/api/nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
