import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { ImportResult, StoredItem } from "../core/api-types.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store (PGlite and PostgreSQL), called in-process.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const post = (body: unknown) => send("POST", body);

interface StoryJson {
  id: string;
  title: string;
  actions: string[];
  lesson: string;
  version: number;
  sourceItemId?: string;
}

const flaky = {
  title: "Flaky deploys",
  situation: "Deploys failed weekly.",
  actions: ["I added a canary stage.", "I wrote a rollback runbook."],
  result: "Failures fell by 80%.",
};

describeStores("packaging API", (getStore) => {
  const appFor = (userId: string) =>
    createApp({
      store: getStore(),
      userId,
      version: "test",
      storage: "pglite",
      maxBodyBytes: 11 * 1024 * 1024,
    });

  async function call<T>(
    userId: string,
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: T }> {
    const res = await appFor(userId).request(path, init);
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  }

  async function importSample(userId = "a") {
    const imported = await call<ImportResult>(
      userId,
      "/api/import",
      post({ text: sample, filename: "sample-prep.md" }),
    );
    const documentId = imported.body.documentId ?? "";
    const { body } = await call<{ items: StoredItem[] }>(userId, `/api/documents/${documentId}`);
    const byKey = (key: string) => body.items.find((i) => i.key === key)?.id ?? "";
    return { documentId, byKey };
  }

  it("creates, lists, reads, updates and deletes stories", async () => {
    const created = await call<{ story: StoryJson }>("a", "/api/stories", post(flaky));
    expect(created.status).toBe(201);
    const { story } = created.body;
    expect(story).toMatchObject({ title: "Flaky deploys", actions: flaky.actions, version: 1 });

    const list = await call<{ stories: StoryJson[] }>("a", "/api/stories");
    expect(list.body.stories.map((s) => s.id)).toEqual([story.id]);
    expect((await call<{ story: StoryJson }>("a", `/api/stories/${story.id}`)).body.story).toEqual(story);

    const updated = await call<{ story: StoryJson }>(
      "a",
      `/api/stories/${story.id}`,
      send("PUT", { lesson: "I learned to test rollbacks.", expectedVersion: 1 }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body.story).toMatchObject({ lesson: "I learned to test rollbacks.", version: 2 });
    const stale = await call<{ error: { code: string } }>(
      "a",
      `/api/stories/${story.id}`,
      send("PUT", { lesson: "again", expectedVersion: 1 }),
    );
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });

    expect((await call("a", `/api/stories/${story.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call("a", `/api/stories/${story.id}`)).status).toBe(404);
  });

  it("refuses bad stories and bad JSON with a 400 and a message", async () => {
    const cases: Array<[string, RequestInit, RegExp]> = [
      ["/api/stories", post({}), /The story is empty/],
      ["/api/stories", post({ title: "Outage" }), /“Outage” has only a title/],
      ["/api/stories", post("{not json"), /not valid JSON/],
      ["/api/stories", post([flaky]), /Invalid request/],
      // Before: the checker's words, "actions Invalid input" / "situation Invalid input: expected string, received number".
      ["/api/stories", post({ title: "x", actions: 5 }), /field “actions” must be text or a list of texts/],
      [
        "/api/stories",
        post({ title: "x", situation: 5 }),
        /field "situation" must be text \(a JSON string in quotes\), not a number/,
      ],
      ["/api/stories", post({ result: "x", competencies: ["magic"] }), /unknown competency “magic”/],
      ["/api/compose", post({ question: "Tell me about a failure" }), /storyId, or the story/],
      ["/api/compose", post({ story: { title: "Only" }, question: "q" }), /only a title/],
      ["/api/compose", post({ story: flaky, question: "" }), /question/],
      ["/api/compose", post({ story: flaky, question: "q", role: "wizard" }), /role/],
      ["/api/reangle", post({ toRole: "ml-engineer" }), /itemId.*text/],
      ["/api/reangle", post({ text: "", toRole: "ml-engineer" }), /empty/],
      ["/api/followups", post({ text: "   " }), /empty/],
      ["/api/match", post({ question: "" }), /question/],
      ["/api/tailor", post({ text: " " }), /empty/],
      ["/api/tailor", post("{"), /not valid JSON/],
    ];
    for (const [path, init, message] of cases) {
      const { status, body } = await call<{ error: { message: string } }>("a", path, init);
      expect({ path, status }).toEqual({ path, status: 400 });
      expect(body.error.message).toMatch(message);
      expect(body.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await call<{ stories: unknown[] }>("a", "/api/stories")).body.stories).toEqual([]);
  });

  it("refuses oversized input with a 413", async () => {
    const big = "I fixed it. ".repeat(90_000); // ~1 MB
    const cases: Array<[string, unknown]> = [
      ["/api/tailor", { text: big }],
      ["/api/reangle", { text: big, toRole: "ml-engineer" }],
      ["/api/followups", { text: big }],
      ["/api/stories", { title: "Huge", result: big }],
      ["/api/compose", { story: { title: "Huge", result: big }, question: "q" }],
    ];
    for (const [path, body] of cases) {
      const res = await call<{ error: { code: string } }>("a", path, post(body));
      expect({ path, status: res.status, code: res.body.error.code }).toEqual({
        path,
        status: 413,
        code: "TOO_LARGE",
      });
    }
  });

  it("turns answers into stories: one item, then the whole document without duplicates", async () => {
    const { documentId, byKey } = await importSample();
    const one = await call<{ story: StoryJson; created: boolean }>(
      "a",
      `/api/items/${byKey("q3/core")}/story`,
      post({}),
    );
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ created: true, story: { sourceItemId: byKey("q3/core") } });
    const again = await call<{ created: boolean }>("a", `/api/items/${byKey("q3/core")}/story`, post({}));
    expect(again).toMatchObject({ status: 200, body: { created: false } });

    const all = await call<{ created: StoryJson[]; existing: unknown[]; skipped: unknown[] }>(
      "a",
      `/api/documents/${documentId}/stories`,
      post({}),
    );
    expect(all.status).toBe(200);
    expect(all.body.created.map((s) => s.sourceItemId)).toEqual(
      ["q5/core", "q5/model-focused", "q5/serving-latency-focus"].map(byKey),
    );
    expect(all.body.existing).toHaveLength(1);
    expect((await call<{ stories: unknown[] }>("a", "/api/stories")).body.stories).toHaveLength(4);
    const followUp = await call<{ error: { message: string } }>(
      "a",
      `/api/items/${byKey("q1/follow-up-1")}/story`,
      post({}),
    );
    expect(followUp.status).toBe(400);
    expect(followUp.body.error.message).toMatch(/not an answer/);
  });

  it("composes, re-angles, predicts follow-ups, matches, covers and tailors over the bank", async () => {
    const { documentId, byKey } = await importSample();
    const { body: converted } = await call<{ created: StoryJson[] }>(
      "a",
      `/api/documents/${documentId}/stories`,
      post({}),
    );
    const storyId = converted.created[0]?.id ?? "";

    const draft = await call<{ storyId: string; budgetSeconds: number; text: string }>(
      "a",
      "/api/compose",
      post({ storyId, question: "Tell me about a hard problem", role: "ml-engineer", budgetSeconds: 60 }),
    );
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ storyId, budgetSeconds: 60 });
    expect(draft.body.text).toMatch(/two terabytes/);
    const inline = await call<{ blanks: string[] }>(
      "a",
      "/api/compose",
      post({ story: flaky, question: "q" }),
    );
    expect(inline.body.blanks).toContain("[what did you learn?]");

    const stored = await call<{ itemId: string; question: string; coreShare: unknown }>(
      "a",
      "/api/reangle",
      post({ itemId: byKey("q3/core"), toRole: "ml-engineer" }),
    );
    expect(stored.body).toMatchObject({
      itemId: byKey("q3/core"),
      question: expect.stringMatching(/technical/),
    });
    const pasted = await call<{ text: string }>(
      "a",
      "/api/reangle",
      post({ text: "I ran EKS, Istio, Helm and FluxCD. I trained the fraud model.", toRole: "ml-engineer" }),
    );
    expect(pasted.status).toBe(200);
    expect(pasted.body.text).toMatch(/fraud model/);

    const followUps = await call<{
      itemId: string;
      followUps: Array<{ question: string }>;
      concerns: unknown[];
    }>("a", "/api/followups", post({ itemId: byKey("q1/core"), role: "ml-engineer" }));
    expect(followUps.status).toBe(200);
    // The tools line (Python, Spark, scikit-learn, PyTorch, Airflow) draws one question: one sentence, one follow-up.
    const tools = followUps.body.followUps.filter((f) => /^What's your experience with /.test(f.question));
    expect(tools.map((f) => f.question)).toEqual(["What's your experience with Python?"]);
    const fromText = await call<{ followUps: Array<{ triggerId: string }> }>(
      "a",
      "/api/followups",
      post({ text: "I did a PhD in physics. I built a model.", role: "ml-engineer" }),
    );
    expect(fromText.body.followUps.some((f) => f.triggerId === "degree")).toBe(true);

    const ranking = await call<{ competency: string; results: Array<{ storyId: string; title: string }> }>(
      "a",
      "/api/match",
      post({ question: "Tell me about a time you made a mistake", limit: 2 }),
    );
    expect(ranking.body.competency).toBe("mistake-failure");
    expect(ranking.body.results).toHaveLength(2);
    // The best story answers the mistake question, as the story list says beside its title.
    const listed = await call<{ stories: Array<{ id: string; title: string; question?: string }> }>(
      "a",
      "/api/stories",
    );
    const best = listed.body.stories.find((s) => s.id === ranking.body.results[0]?.storyId);
    expect(best?.question).toMatch(/made a mistake/);
    expect(best?.title).toBe(ranking.body.results[0]?.title);

    const matrix = await call<{ stories: unknown[]; gaps: string[] }>("a", "/api/coverage");
    expect(matrix.body.stories).toHaveLength(4);
    expect(matrix.body.gaps).not.toContain("mistake-failure");

    const tailored = await call<{
      tailoring: { requirements: Array<{ text: string; covered: boolean }>; notes: string[] };
      whyCompany: { text: string };
    }>(
      "a",
      "/api/tailor",
      post({ text: "# ML Engineer\nAcme\n\n## Requirements\n- Experience with Spark and data pipelines\n" }),
    );
    expect(tailored.status).toBe(200);
    expect(tailored.body.tailoring.requirements[0]).toMatchObject({ covered: true });
    expect(tailored.body.whyCompany.text).toMatch(/Acme/);
    const german = await call<{ tailoring: { notes: string[] } }>(
      "a",
      "/api/tailor",
      post({
        text: "Wir suchen einen ML Engineer. Sie haben Erfahrung mit Python und Spark. Sie arbeiten im Team und sind verantwortlich für die Modelle.",
      }),
    );
    expect(german.status).toBe(200);
    expect(german.body.tailoring.notes.join(" ")).toMatch(/does not look like English/);
  });

  it("says, in a composed draft's warnings, when the sample's drift story does not answer the question", async () => {
    const { documentId } = await importSample();
    await call("a", `/api/documents/${documentId}/stories`, post({}));
    const { body: listed } = await call<{ stories: StoryJson[] }>("a", "/api/stories");
    const drift = listed.stories.find((story) => /two terabytes/.test(JSON.stringify(story)));
    expect(drift).toBeDefined();
    const ask = async (question: string) =>
      (
        await call<{ warnings: string[] }>(
          "a",
          "/api/compose",
          post({ storyId: drift?.id, question, budgetSeconds: 90 }),
        )
      ).body.warnings;
    // Before: no warning; the draft read as an answer to the question.
    expect(await ask("Tell me about a time you explained a model to non-technical people")).toContainEqual(
      expect.stringMatching(/^This story shows no moment you explained a model to non-technical people/),
    );
    expect(await ask("Tell me about a difficult technical problem you solved.")).not.toContainEqual(
      expect.stringMatching(/^This story (?:does not show|shows no moment)/),
    );
  });

  it("composes a story no telling of which fits 5 s as its shortest telling, and whole on asking (whole: true)", async () => {
    const story = {
      title: "Nightly job",
      situation: "Our nightly training job failed twice a week and nobody owned it.",
      actions: [
        "I read six weeks of logs and found the failures followed the largest feature exports.",
        "I split the export into batches of fifty thousand rows.",
        "I added an alert when a batch fails and a dashboard of batch sizes.",
      ],
      result: "The job has not failed since, and it runs in forty minutes instead of two hours.",
      lesson: "I learned to look at data volume before blaming the code.",
    };
    type Drafted = { seconds: number; wholeSeconds?: number; warnings: string[] };
    const ask = async (extra: object) =>
      (
        await call<Drafted>(
          "a",
          "/api/compose",
          post({ story, question: "Tell me about a hard bug", budgetSeconds: 5, ...extra }),
        )
      ).body;
    // Before: the whole story came back for a 5 s budget, with no way to ask for either.
    const shortest = await ask({});
    const whole = await ask({ whole: true });
    expect(shortest.seconds).toBeLessThan(whole.seconds);
    expect(shortest.wholeSeconds).toBe(whole.seconds);
    expect(whole.wholeSeconds).toBeUndefined();
    expect(shortest.warnings).toContainEqual(
      expect.stringMatching(/^This draft is the story at its shortest/),
    );
    const bad = await call("a", "/api/compose", post({ story, question: "q", whole: "yes" }));
    expect(bad.status).toBe(400);
  });

  it("answers 404 to user b for every story, item and document of user a", async () => {
    const { documentId, byKey } = await importSample("a");
    const { body } = await call<{ created: StoryJson[] }>(
      "a",
      `/api/documents/${documentId}/stories`,
      post({}),
    );
    const storyId = body.created[0]?.id ?? "";
    const itemId = byKey("q3/core");
    const saved = await call<{ id: string }>(
      "a",
      "/api/tailor",
      post({ text: "# ML Engineer\nAcme\n\n## Requirements\n- Experience with Spark and data pipelines\n" }),
    );
    const tailoringId = saved.body.id;
    expect(tailoringId).toMatch(/\S/);
    const cases: Array<[string, RequestInit | undefined]> = [
      [`/api/tailorings/${tailoringId}`, undefined],
      [`/api/tailorings/${tailoringId}`, { method: "DELETE" }],
      [`/api/stories/${storyId}`, undefined],
      [`/api/stories/${storyId}`, send("PUT", { lesson: "mine now" })],
      [`/api/stories/${storyId}`, { method: "DELETE" }],
      ["/api/compose", post({ storyId, question: "Tell me about a problem" })],
      [`/api/items/${itemId}/story`, post({})],
      [`/api/documents/${documentId}/stories`, post({})],
      ["/api/reangle", post({ itemId, toRole: "ml-engineer" })],
      ["/api/followups", post({ itemId })],
      [
        `/api/items/${itemId}/follow-ups`,
        post({ question: "What would you do differently?", answer: "Mine." }),
      ],
    ];
    for (const [path, init] of cases) {
      const res = await call<{ error: { code: string } }>("b", path, init);
      expect({ path, method: init?.method ?? "GET", status: res.status }).toEqual({
        path,
        method: init?.method ?? "GET",
        status: 404,
      });
    }
    expect((await call<{ stories: unknown[] }>("b", "/api/stories")).body.stories).toEqual([]);
    expect((await call<{ stories: unknown[] }>("b", "/api/coverage")).body.stories).toEqual([]);
    expect((await call<{ tailorings: unknown[] }>("b", "/api/tailorings")).body.tailorings).toEqual([]);
    expect((await call<{ tailorings: unknown[] }>("a", "/api/tailorings")).body.tailorings).toHaveLength(1);
    const match = await call<{ results: unknown[] }>(
      "b",
      "/api/match",
      post({ question: "Tell me about a problem" }),
    );
    expect(match.body.results).toEqual([]);
    // a's story is untouched.
    const mine = await call<{ story: StoryJson }>("a", `/api/stories/${storyId}`);
    // (Shown with the question of the answer it was drawn from.)
    expect(mine.body.story).toEqual({ ...body.created[0], question: expect.any(String) });
  });
});
