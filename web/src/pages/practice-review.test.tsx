import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PracticeSession, PracticeStep } from "../practice-api.ts";
import { AnswerStep, pastLine, resumeLine, SideBySide, TimeUsed } from "./PracticePage.tsx";

const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const step = (mode: "typed" | "spoken"): PracticeStep => ({
  id: "s1",
  kind: "question",
  questionText: "Why are you moving into industry now?",
  budgetSeconds: 90,
  hasPreparedAnswer: true,
  peeked: false,
  elapsedMs: 6_000,
  attempt: { id: "a1", text: "", revision: 1, finished: true, mode, hasRecording: false },
  skipped: false,
  removed: false,
  state: "answered",
});

describe("the review after an answer", () => {
  it("names the time it shows: typing time or the spoken answer's length", () => {
    // Before: "6 s of 1 min 30 s" for both, on the drill's review and a spoken answer's.
    expect(textOf(renderToStaticMarkup(<TimeUsed step={step("spoken")} />))).toBe(
      "spoken for 6 s of 1 min 30 s",
    );
    expect(textOf(renderToStaticMarkup(<TimeUsed step={step("typed")} />))).toBe(
      "typed in 6 s (the 1 min 30 s budget is for saying it aloud)",
    );
  });

  it("says there is no transcript instead of showing an empty box", () => {
    const html = renderToStaticMarkup(<SideBySide attempt="" prepared="Research taught me patience." />);
    expect(textOf(html)).toContain("What you said No transcript or summary: only the recording");
    expect(textOf(renderToStaticMarkup(<SideBySide attempt="I led it." prepared={undefined} />))).toContain(
      "What you said I led it.",
    );
  });

  it("shows the typed answer as read, without the candidate's Markdown markers", () => {
    // Before: "What you said I **owned** the rollback." — the bold markers shown raw.
    const html = renderToStaticMarkup(
      <SideBySide attempt="I **owned** the _rollback_." prepared="**Situation**: the release **failed**." />,
    );
    expect(textOf(html)).toContain("What you said I owned the rollback.");
    expect(textOf(html)).toContain("Prepared answer the release failed.");
    expect(html).not.toContain("**");
  });

  it("tells two unfinished sessions of the same question apart by when they started", () => {
    const { attempt: _attempt, ...question } = step("typed");
    const session = (createdAt: string): PracticeSession =>
      ({
        id: createdAt,
        status: "active",
        source: { kind: "due" },
        createdAt,
        currentIndex: 0,
        current: question,
        steps: [question],
      }) as PracticeSession;
    const first = resumeLine(session("2026-12-06T04:10:00.000Z"));
    const second = resumeLine(session("2026-12-06T04:25:00.000Z"));
    // Before: "0 of 1 answered · next: “Why are you moving into industry now?”" on both rows.
    expect(first).not.toBe(second);
    expect(first).toMatch(/^started .+ · 0 of 1 answered · next: “Why are you moving into industry now\?”$/);
  });

  it("says a technical drill session is the drill, as the CLI's --list does", () => {
    const { attempt: _attempt, ...question } = step("typed");
    const session = (kind: string): PracticeSession =>
      ({
        id: kind,
        status: "active",
        source: { kind },
        createdAt: "2026-12-06T04:10:00.000Z",
        currentIndex: 0,
        current: question,
        steps: [question],
      }) as PracticeSession;
    // Before: the drill's row read as any mock interview ("started … · 0 of 1 answered · …").
    expect(resumeLine(session("drill"))).toMatch(/^the technical drill · started .+ · 0 of 1 answered/);
    expect(resumeLine(session("due"))).toMatch(/^started /);
  });

  it("says a past session was ended early, not finished, when the interview was ended", () => {
    const { attempt: _attempt, ...unanswered } = step("typed");
    const session = (ended: boolean): PracticeSession =>
      ({
        id: "p1",
        status: "finished",
        source: { kind: "due" },
        createdAt: "2026-12-06T04:10:00.000Z",
        finishedAt: "2026-12-06T04:20:00.000Z",
        ...(ended ? { ended: { at: "2026-12-06T04:20:00.000Z", afterQuestion: 1 } } : {}),
        steps: [step("typed"), { ...unanswered, id: "s2", state: "not-reached" }],
      }) as PracticeSession;
    // Before: "finished … · 1 of 2 answered" for both.
    expect(pastLine(session(true))).toMatch(/^ended early .+ · 1 of 2 answered/);
    expect(pastLine(session(false))).toMatch(/^finished .+ · 1 of 2 answered/);
  });
});

describe("the question being practised", () => {
  it("names the answer's variant in its heading, as the due list and Hand-picked do", () => {
    // Before: "Tell me about yourself" for the alternative answer too, the same heading as the core one.
    const { attempt: _attempt, ...question } = step("typed");
    const alternative = { ...question, questionText: "Tell me about yourself", variant: "alternative" };
    const session = {
      id: "p1",
      status: "active",
      source: { kind: "items", ids: ["i1"] },
      createdAt: "2026-12-06T04:10:00.000Z",
      currentIndex: 0,
      current: alternative,
      steps: [alternative],
    } as PracticeSession;
    const heading = (s: PracticeStep) =>
      textOf(
        renderToStaticMarkup(<AnswerStep session={session} step={s} onChange={() => undefined} />).match(
          /<h2[^>]*>(.*?)<\/h2>/,
        )?.[1] ?? "",
      );
    expect(heading(alternative)).toBe("Tell me about yourself (alternative)");
    expect(heading({ ...question, questionText: "Tell me about yourself" })).toBe("Tell me about yourself");
  });
});
