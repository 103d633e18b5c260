import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store (PGlite and PostgreSQL), called in-process.
const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

interface Step {
  id: string;
  questionId?: string;
  questionText: string;
  drill?: { covered: string[]; missed: string[]; outline: string };
}

describeStores("questions and drill API", (getStore) => {
  const appFor = (userId: string) =>
    createApp({ store: getStore(), userId, version: "test", storage: "pglite" });

  it("lists the bank with filters, adds a question, and refuses bad input with 400/413", async () => {
    const app = appFor("a");
    const res = await app.request("/api/questions?tag=ml-engineering");
    expect(res.status).toBe(200);
    const { questions } = (await res.json()) as {
      questions: Array<{ competency: string; keyPoints: string[]; outline: string }>;
    };
    expect(questions.length).toBeGreaterThan(20);
    expect(
      questions.every(
        (q) => q.competency === "ml-engineering" && q.keyPoints.length >= 3 && q.outline !== "",
      ),
    ).toBe(true);
    const behavioral = (await (await app.request("/api/questions?kind=behavioral")).json()) as {
      questions: Array<{ checks: string[]; listeningFor?: string }>;
    };
    expect(behavioral.questions.length).toBeGreaterThanOrEqual(80);
    expect(behavioral.questions.every((q) => q.checks.length > 0 && q.listeningFor)).toBe(true);

    const created = await app.request(
      "/api/questions",
      send("POST", {
        text: "What is label smoothing?",
        competency: "ml-concept",
        keyPoints: ["soft targets instead of one-hot"],
      }),
    );
    expect(created.status).toBe(201);
    const { question } = (await created.json()) as { question: { id: string; origin: string } };
    expect(question.origin).toBe("own");
    const mine = (await (await app.request("/api/questions?tag=ml-concept")).json()) as {
      questions: Array<{ id: string }>;
    };
    expect(mine.questions.some((q) => q.id === question.id)).toBe(true);
    const other = (await (await appFor("b").request("/api/questions?tag=ml-concept")).json()) as {
      questions: Array<{ id: string }>;
    };
    expect(other.questions.some((q) => q.id === question.id)).toBe(false);

    const badTag = await app.request("/api/questions?tag=cooking");
    expect(badTag.status).toBe(400);
    expect(((await badTag.json()) as { error: { message: string } }).error.message).toMatch(
      /Unknown tag "cooking"/,
    );
    const empty = await app.request("/api/questions", send("POST", { text: "  ", competency: "conflict" }));
    expect(empty.status).toBe(400);
    const badCompetency = await app.request(
      "/api/questions",
      send("POST", { text: "Why?", competency: "cooking" }),
    );
    expect(badCompetency.status).toBe(400);
    const huge = await app.request(
      "/api/questions",
      send("POST", { text: "x".repeat(3000), competency: "conflict" }),
    );
    expect(huge.status).toBe(413);
  });

  it("runs a drill session: start from the drill, submit, key-point feedback, rate", async () => {
    const app = appFor("a");
    const started = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "drill", tag: "ml-engineering" }, count: 2 }),
    );
    expect(started.status).toBe(201);
    const { session } = (await started.json()) as { session: { id: string; current: Step; steps: Step[] } };
    expect(session.steps).toHaveLength(2);
    expect(session.current.questionId).toBeDefined();
    // The bank's first ml-engineering question: the RAG system.
    expect(session.current.questionText).toMatch(/retrieval-augmented generation system/);
    const submitted = await app.request(
      `/api/practice/sessions/${session.id}/submit`,
      send("POST", {
        stepId: session.current.id,
        text: "I split the documents into chunks and embed each chunk. The vectors go into a vector database, and at query time the top-k most similar chunks are put into the prompt as context.",
      }),
    );
    expect(submitted.status).toBe(200);
    const result = (await submitted.json()) as { drill: Step["drill"]; followUp?: unknown };
    expect(result.followUp).toBeUndefined();
    expect(result.drill?.covered).toEqual(
      expect.arrayContaining(["chunk the documents and embed the chunks"]),
    );
    expect(result.drill?.missed).toEqual(
      expect.arrayContaining(["evaluate retrieval recall and answer faithfulness separately"]),
    );
    const rated = await app.request(
      `/api/practice/sessions/${session.id}/steps/${session.current.id}/rating`,
      send("POST", { rating: "easy" }),
    );
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as { intervalDays: number }).intervalDays).toBeGreaterThan(1);
    const badTag = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "drill", tag: "x" } }),
    );
    expect(badTag.status).toBe(400);
  });
});
