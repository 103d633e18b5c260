import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store (PGlite and PostgreSQL), called in-process.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const ANSWER =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.";

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

interface SessionBody {
  session: {
    id: string;
    status: string;
    current?: { id: string; kind: string; itemId?: string; attempt?: { text: string } };
  };
}

describeStores("practice API", (getStore) => {
  const appFor = (userId: string) =>
    createApp({ store: getStore(), userId, version: "test", storage: "pglite" });

  async function startSession(
    userId = "a",
    from: Record<string, unknown> = { kind: "due" },
  ): Promise<SessionBody["session"]> {
    const imported = await appFor(userId).request("/api/import", send("POST", { text: sample }));
    expect(imported.status).toBe(200);
    const res = await appFor(userId).request(
      "/api/practice/sessions",
      send("POST", { from, count: 2, role: "ml-engineer" }),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as SessionBody).session;
  }

  it("answers GET /api/practice/due with the same bytes twice for the same data (never-practised: due null)", async () => {
    const app = appFor("a");
    expect((await app.request("/api/import", send("POST", { text: sample }))).status).toBe(200);
    const first = await (await app.request("/api/practice/due")).text();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await (await app.request("/api/practice/due")).text();
    // Before: a never-practised card's "due" was the request's clock, so the bodies differed.
    expect(second).toBe(first);
    const { due } = JSON.parse(first) as { due: Array<{ status: string; due: unknown }> };
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d.status === "new" && d.due === null)).toBe(true);
  });

  it("runs a session over HTTP: due, start, draft, submit with a follow-up, rate, report, history", async () => {
    const app = appFor("a");
    // A story question: an introduction or a motivation answer gets no story probe as its follow-up.
    const session = await startSession("a", { kind: "competency", competency: "technical-challenge" });
    const due = (await (await app.request("/api/practice/due?limit=3")).json()) as { due: unknown[] };
    expect(due.due).toHaveLength(3);

    const draft = await app.request(
      `/api/practice/sessions/${session.id}/draft`,
      send("PUT", { text: ANSWER, revision: 1 }),
    );
    expect(draft.status).toBe(200);
    const reloaded = (await (
      await app.request(`/api/practice/sessions/${session.id}`)
    ).json()) as SessionBody;
    expect(reloaded.session.current?.attempt?.text).toBe(ANSWER);

    const submit = await app.request(`/api/practice/sessions/${session.id}/submit`, send("POST", {}));
    expect(submit.status).toBe(200);
    const submitted = (await submit.json()) as {
      stepId: string;
      analysis: { overall: { score: number } };
      followUp?: { question: string; budgetSeconds: number };
    };
    expect(submitted.analysis.overall.score).toBeGreaterThanOrEqual(1);
    expect(submitted.followUp?.budgetSeconds).toBe(45);

    const rate = await app.request(
      `/api/practice/sessions/${session.id}/steps/${submitted.stepId}/rating`,
      send("POST", { rating: "hard" }),
    );
    expect(rate.status).toBe(200);
    expect(((await rate.json()) as { due?: string }).due).toBeDefined();

    const report = (await (await app.request(`/api/practice/sessions/${session.id}/report`)).json()) as {
      report: { answered: number; steps: Array<{ rating?: string; followUp?: string }> };
    };
    expect(report.report.answered).toBe(1);
    expect(report.report.steps[0]).toMatchObject({ rating: "hard", followUp: submitted.followUp?.question });

    const history = await app.request(`/api/practice/history/${session.current?.itemId}`);
    expect(((await history.json()) as { history: { attempts: unknown[] } }).history.attempts).toHaveLength(1);
  });

  it("starts sessions from a pasted job description and from coverage gaps, and serves what next", async () => {
    const app = appFor("a");
    await startSession();
    const posting =
      "## Responsibilities\n- Build monitoring for data drift\n## Requirements\n- Experience with Kubernetes";
    const jd = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "jd", text: posting }, count: 2 }),
    );
    expect(jd.status).toBe(201);
    const jdSession = ((await jd.json()) as { session: { steps: Array<{ questionText: string }> } }).session;
    expect(jdSession.steps.map((s) => s.questionText)).toEqual([
      expect.stringContaining("Build monitoring for data drift"),
      expect.stringContaining("Kubernetes"),
    ]);
    const gaps = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "gaps" }, count: 3 }),
    );
    expect(gaps.status).toBe(201);
    expect(((await gaps.json()) as { session: { steps: unknown[] } }).session.steps).toHaveLength(3);
    const next = (await (await app.request("/api/what-next?role=mlops-engineer")).json()) as {
      role: string;
      hasBank: boolean;
      entries: Array<{ kind: string; target: { page: string } }>;
    };
    expect(next).toMatchObject({ role: "mlops-engineer", hasBank: true });
    expect(next.entries.map((e) => e.kind)).toContain("role-fit");
  });

  it("refuses bad practice requests with a 4xx and a message", async () => {
    const app = appFor("a");
    const session = await startSession();
    const cases: Array<[string, RequestInit, number, RegExp]> = [
      ["/api/practice/sessions", send("POST", { from: { kind: "someday" } }), 400, /from/],
      ["/api/practice/sessions", send("POST", { from: { kind: "due" }, count: 99 }), 400, /count/],
      [
        "/api/practice/sessions",
        send("POST", { from: { kind: "competency", competency: "x" } }),
        400,
        /competency/,
      ],
      ["/api/practice/sessions", send("POST", { from: { kind: "question", text: "" } }), 400, /empty/],
      // Before: "The answer is 60000 characters, over the 50 K limit for one attempt." (no way out).
      [
        `/api/practice/sessions/${session.id}/draft`,
        send("PUT", { text: "x".repeat(60_000) }),
        413,
        /^The answer is 60,000 characters, over the limit of 50,000 for one attempt: shorten it by at least 10,000 characters/,
      ],
      [
        `/api/practice/sessions/${session.id}/steps/nope/rating`,
        send("POST", { rating: "great" }),
        400,
        /rating/,
      ],
      [
        `/api/practice/sessions/${session.id}/steps/${session.current?.id}/rating`,
        send("POST", { rating: "good" }),
        409,
        /Submit/,
      ],
      [
        `/api/practice/sessions/${session.id}/submit`,
        send("POST", { stepId: "old" }),
        404,
        /^No step old in practice session .*: reload to see the current question\.$/,
      ],
      ["/api/practice/due?limit=0", { method: "GET" }, 400, /limit/],
      // Any word but "false" was read as true in silence.
      ["/api/practice/due?new=no", { method: "GET" }, 400, /^new must be "true" or "false", not "no"\.$/],
      ["/api/practice/due?tz=west", { method: "GET" }, 400, /tz must be whole minutes/],
      ["/api/practice/sessions", send("POST", { from: { kind: "jd", text: "  " } }), 400, /empty/],
      ["/api/what-next?role=wizard", { method: "GET" }, 400, /Unknown role/],
    ];
    for (const [path, init, status, message] of cases) {
      const res = await app.request(path, init);
      const body = (await res.json()) as { error?: { message: string } };
      expect({ path, status: res.status, message: body.error?.message }).toEqual({
        path,
        status,
        message: expect.stringMatching(message),
      });
    }
    // An empty answer is a skip, not a refusal: 200, no attempt kept, the session moves on.
    const skip = await app.request(
      `/api/practice/sessions/${session.id}/submit`,
      send("POST", { text: " " }),
    );
    expect(skip.status).toBe(200);
    const skipped = (await skip.json()) as {
      skipped: boolean;
      session: {
        steps: Array<{ id: string; skipped: boolean; attempt?: unknown }>;
        current?: { id: string };
      };
    };
    expect(skipped.skipped).toBe(true);
    expect(skipped.session.steps[0]).toMatchObject({ skipped: true });
    expect(skipped.session.steps[0]?.attempt).toBeUndefined();
    expect(skipped.session.current?.id).not.toBe(session.current?.id);
  });

  it("ends a session early over HTTP: finished, off the resume list, a report over the answered question", async () => {
    const app = appFor("a");
    const session = await startSession("a", { kind: "competency", competency: "technical-challenge" });
    const submit = await app.request(
      `/api/practice/sessions/${session.id}/submit`,
      send("POST", { text: ANSWER }),
    );
    expect(submit.status).toBe(200);
    // Words typed into the follow-up before ending stay saved, but are not an answer.
    await app.request(`/api/practice/sessions/${session.id}/draft`, send("PUT", { text: "Half a thought" }));

    const end = await app.request(`/api/practice/sessions/${session.id}/end`, send("POST", {}));
    // Before: no such route (404), so the web could only leave the session or skip each question.
    expect(end.status).toBe(200);
    const ended = ((await end.json()) as SessionBody).session;
    expect(ended.status).toBe("finished");
    expect(ended.current).toBeUndefined();
    const active = (await (await app.request("/api/practice/sessions?status=active")).json()) as {
      sessions: unknown[];
    };
    expect(active.sessions).toEqual([]);

    const report = (await (await app.request(`/api/practice/sessions/${session.id}/report`)).json()) as {
      report: {
        status: string;
        answered: number;
        total: number;
        ended?: { afterQuestion: number };
        steps: Array<{ answered: boolean; skipped: boolean; state: string }>;
      };
    };
    expect(report.report).toMatchObject({ status: "finished", answered: 1, ended: { afterQuestion: 1 } });
    // The follow-up on screen and the question after it were never reached: not skipped.
    expect(report.report.steps.filter((s) => s.state === "not-reached")).toHaveLength(
      report.report.total - 1,
    );
    expect(report.report.steps.filter((s) => s.skipped)).toEqual([]);
    // Ending twice is harmless; an unknown session is a 404.
    expect((await app.request(`/api/practice/sessions/${session.id}/end`, send("POST", {}))).status).toBe(
      200,
    );
    expect((await app.request("/api/practice/sessions/nope/end", send("POST", {}))).status).toBe(404);
  });

  it("tells a question skipped from one the interview never reached because it was ended", async () => {
    const app = appFor("a");
    expect((await app.request("/api/import", send("POST", { text: sample }))).status).toBe(200);
    const started = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "competency", competency: "technical-challenge" }, count: 3 }),
    );
    expect(started.status).toBe(201);
    let session = ((await started.json()) as SessionBody).session;
    const submit = async (text: string) => {
      const res = await app.request(`/api/practice/sessions/${session.id}/submit`, send("POST", { text }));
      expect(res.status).toBe(200);
      session = ((await res.json()) as SessionBody).session;
    };
    // The first question answered; its follow-up (if one is asked) and the second question passed.
    await submit(ANSWER);
    while (session.current?.kind === "follow-up") await submit("");
    await submit("");
    const third = session.current?.id;
    expect(third).toBeDefined();
    await app.request(`/api/practice/sessions/${session.id}/draft`, send("PUT", { text: "I was about to" }));

    const end = await app.request(`/api/practice/sessions/${session.id}/end`, send("POST", {}));
    expect(end.status).toBe(200);
    interface Stepped {
      ended?: { at: string; afterQuestion: number };
      steps: Array<{ id?: string; stepId?: string; kind: string; state: string; skipped: boolean }>;
    }
    const view = ((await end.json()) as { session: Stepped }).session;
    expect(view.ended).toMatchObject({ afterQuestion: 2, at: expect.any(String) });
    const report = (
      (await (await app.request(`/api/practice/sessions/${session.id}/report`)).json()) as {
        report: Stepped & { answered: number };
      }
    ).report;
    expect(report.ended).toMatchObject({ afterQuestion: 2 });
    const questions = report.steps.filter((s) => s.kind === "question");
    // Before: the second and third questions both read "skipped", and no end was recorded.
    expect(questions.map((s) => s.state)).toEqual(["answered", "skipped", "not-reached"]);
    expect(questions.map((s) => s.skipped)).toEqual([false, true, false]);
    expect(report.steps.find((s) => s.stepId === third)?.state).toBe("not-reached");
    // The session's own view says the same, step by step.
    expect(view.steps.filter((s) => s.kind === "question").map((s) => s.state)).toEqual([
      "answered",
      "skipped",
      "not-reached",
    ]);
    // Ending again changes nothing: the end stays where it was.
    const again = await app.request(`/api/practice/sessions/${session.id}/end`, send("POST", {}));
    expect(((await again.json()) as { session: Stepped }).session.ended).toEqual(view.ended);
  });

  it("records a peek as its own step state: a peeked answer and a peeked skip are neither answered nor skipped", async () => {
    const app = appFor("a");
    expect((await app.request("/api/import", send("POST", { text: sample }))).status).toBe(200);
    // Three of the sample's answers: each has a prepared answer to peek at.
    const ids = (await getStore().items.listItems("a", { kind: "answer" })).slice(0, 3).map((i) => i.id);
    const started = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "items", ids } }),
    );
    expect(started.status).toBe(201);
    let session = ((await started.json()) as SessionBody).session;
    interface Stepped {
      steps: Array<{
        id?: string;
        stepId?: string;
        kind: string;
        state: string;
        afterPeek?: string;
        peeked: boolean;
        skipped: boolean;
        answered?: boolean;
        score?: number;
      }>;
    }
    const submit = async (text: string) => {
      const res = await app.request(`/api/practice/sessions/${session.id}/submit`, send("POST", { text }));
      expect(res.status).toBe(200);
      session = ((await res.json()) as SessionBody).session;
    };
    const peek = async () => {
      const res = await app.request(
        `/api/practice/sessions/${session.id}/peek`,
        send("POST", { stepId: session.current?.id }),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { stepId: string; preparedAnswer: string; session: Stepped };
      expect(body.preparedAnswer.length).toBeGreaterThan(0);
      // The peek is recorded at once: the step on screen says so, still open.
      expect(body.session.steps.find((s) => s.id === body.stepId)).toMatchObject({
        peeked: true,
        state: "open",
      });
      return body.stepId;
    };
    // 1: peeked at, then answered; 2: answered clean; 3: peeked at, then skipped. Follow-ups skipped.
    const first = await peek();
    await submit(ANSWER);
    while (session.current?.kind === "follow-up") await submit("");
    const second = session.current?.id;
    await submit(ANSWER);
    while (session.current?.kind === "follow-up") await submit("");
    const third = await peek();
    await submit("");

    const view = (
      (await (await app.request(`/api/practice/sessions/${session.id}`)).json()) as {
        session: Stepped;
      }
    ).session;
    expect(view.steps.find((s) => s.id === first)).toMatchObject({ state: "peeked", afterPeek: "answered" });
    expect(view.steps.find((s) => s.id === third)).toMatchObject({
      state: "peeked",
      afterPeek: "skipped",
      skipped: false,
    });
    const report = (
      (await (await app.request(`/api/practice/sessions/${session.id}/report`)).json()) as {
        report: Stepped & { answered: number; peeked: number; total: number };
      }
    ).report;
    const questions = report.steps.filter((s) => s.kind === "question");
    // Before: ["answered", "answered", "skipped"], and the peeked answer counted as answered.
    expect(questions.map((s) => s.state)).toEqual(["peeked", "answered", "peeked"]);
    expect(questions.map((s) => s.afterPeek)).toEqual(["answered", undefined, "skipped"]);
    expect(questions.map((s) => s.answered)).toEqual([false, true, false]);
    expect(questions.map((s) => s.skipped)).toEqual([false, false, false]);
    expect(report.steps.find((s) => s.stepId === second)?.state).toBe("answered");
    // The answer given after the peek keeps its score, but is not counted as a clean answer.
    expect(questions[0]?.score).toBeGreaterThanOrEqual(1);
    expect(report.peeked).toBe(2);
    expect(report.answered).toBe(report.steps.filter((s) => s.state === "answered").length);

    // The session is over: nothing left to peek at, said in words.
    const late = await app.request(`/api/practice/sessions/${session.id}/peek`, send("POST", {}));
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/rate|finished/);
  });

  it("does not call a session ended early when every question was passed (only ratings left)", async () => {
    const app = appFor("a");
    const session = await startSession("a", { kind: "question", text: "Why this team?" });
    let text = ANSWER;
    for (let left: SessionBody["session"] = session; left.current !== undefined; text = "") {
      const res = await app.request(`/api/practice/sessions/${session.id}/submit`, send("POST", { text }));
      left = ((await res.json()) as SessionBody).session;
    }
    const end = await app.request(`/api/practice/sessions/${session.id}/end`, send("POST", {}));
    expect(end.status).toBe(200);
    const report = (
      (await (await app.request(`/api/practice/sessions/${session.id}/report`)).json()) as {
        report: { status: string; ended?: unknown; steps: Array<{ state: string }> };
      }
    ).report;
    expect(report.status).toBe("finished");
    expect(report.ended).toBeUndefined();
    expect(report.steps[0]?.state).toBe("answered");
    expect(report.steps.some((s) => s.state === "not-reached")).toBe(false);
  });

  it("isolates users: B cannot read, write, rate or report A's session or attempts through any practice route", async () => {
    const a = appFor("a");
    const session = await startSession("a");
    await a.request(`/api/practice/sessions/${session.id}/draft`, send("PUT", { text: "A's private draft" }));
    const stepId = session.current?.id ?? "";
    const b = appFor("b");
    const attempts: Array<[string, RequestInit | undefined]> = [
      [`/api/practice/sessions/${session.id}`, undefined],
      [`/api/practice/sessions/${session.id}/report`, undefined],
      [`/api/practice/sessions/${session.id}/begin`, send("POST", {})],
      [`/api/practice/sessions/${session.id}/draft`, send("PUT", { text: "mine now" })],
      [`/api/practice/sessions/${session.id}/peek`, send("POST", {})],
      [`/api/practice/sessions/${session.id}/submit`, send("POST", { text: ANSWER })],
      [`/api/practice/sessions/${session.id}/steps/${stepId}/rating`, send("POST", { rating: "easy" })],
      [`/api/practice/history/${session.current?.itemId}`, undefined],
      [`/api/practice/sessions/${session.id}/end`, send("POST", {})],
      ["/api/practice/sessions", send("POST", { from: { kind: "items", ids: [session.current?.itemId] } })],
      ["/api/practice/sessions", send("POST", { from: { kind: "due" } })],
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
      ((await (await b.request("/api/practice/sessions")).json()) as { sessions: unknown[] }).sessions,
    ).toEqual([]);
    expect(((await (await b.request("/api/practice/due")).json()) as { due: unknown[] }).due).toEqual([]);
    expect(await (await b.request("/api/what-next")).json()).toMatchObject({ hasBank: false, entries: [] });
    const still = (await (await a.request(`/api/practice/sessions/${session.id}`)).json()) as SessionBody;
    expect(still.session.current?.attempt?.text).toBe("A's private draft");
  });

  it("peeks at the user's closest prepared answer for a built-in bank question, and says what to do when none fits", async () => {
    const app = appFor("a");
    expect((await app.request("/api/import", send("POST", { text: sample }))).status).toBe(200);
    const started = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "competency", competency: "mistake-failure" }, count: 2 }),
    );
    expect(started.status).toBe(201);
    const session = ((await started.json()) as SessionBody).session;
    const skip = await app.request(`/api/practice/sessions/${session.id}/submit`, send("POST", { text: "" }));
    expect(skip.status).toBe(200);
    // The second question is the built-in bank's: before, 404 "no prepared answer to peek at".
    const peek = await app.request(`/api/practice/sessions/${session.id}/peek`, send("POST", {}));
    expect(peek.status).toBe(200);
    const body = (await peek.json()) as {
      preparedAnswer: string;
      preparedFrom?: string;
      session: { current?: { peeked: boolean; preparedFrom?: string } };
    };
    expect(body.preparedFrom).toMatch(/made a mistake/);
    expect(body.preparedAnswer.length).toBeGreaterThan(100);
    expect(body.session.current).toMatchObject({ peeked: true, preparedFrom: body.preparedFrom });
    // A user with no answers: the peek says none fits and what to do next, as the web says it.
    const b = appFor("b");
    const typed = await b.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "question", text: "Tell me about a disagreement with a colleague." } }),
    );
    const other = ((await typed.json()) as SessionBody).session;
    const none = await b.request(`/api/practice/sessions/${other.id}/peek`, send("POST", {}));
    expect(none.status).toBe(404);
    expect(JSON.stringify(await none.json())).toMatch(
      /None of your prepared answers fits this question: answer it from scratch, then write one to keep \(Library → New answer\)/,
    );
  });
});
