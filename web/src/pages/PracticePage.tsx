import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { looksPasted } from "../../../src/core/answer-time.ts";
import { notScoredLabel } from "../../../src/core/attempt-score.ts";
import { dueLabels, stepLabel } from "../../../src/core/due-labels.ts";
import { stripMarkup } from "../../../src/core/markup.ts";
import type { Competency, RoleId } from "../../../src/core/model.ts";
import { describeNewCards } from "../../../src/core/new-cards-outlook.ts";
import { type DocumentSummary, describeError } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { PracticeReportView } from "../components/PracticeReportView.tsx";
import { RiskLens, SCORE_TEXT } from "../components/RiskLens.tsx";
import { RoleSelect } from "../components/RoleSelect.tsx";
import { DeliveryFigures, KeptRecording, SpokenAnswer } from "../components/SpokenAnswer.tsx";
import { formatDuration } from "../library.ts";
import { route } from "../links.ts";
import { COMPETENCY_LIST, COMPETENCY_NAMES, ROLE_NAMES } from "../names.ts";
import {
  type DrillFeedback,
  type DueEntry,
  type NewCardsOutlook,
  type PracticeFrom,
  type PracticeSession,
  type PracticeStep,
  practiceApi,
  type RatingName,
} from "../practice-api.ts";
import { reviewIn } from "../review-interval.ts";
import { navigate } from "../route.ts";
import { currentDocument } from "../storage.ts";
import { roleIdOf, useAnalysis } from "../use-analysis.ts";
import { useLoad } from "../use-load.ts";
import {
  forgetLocalDraft,
  useAnsweringHeartbeat,
  useAutosave,
  useElapsed,
  useTimerAnnouncement,
} from "../use-practice.ts";
import "../practice.css";

type Source = PracticeFrom["kind"];

const SOURCES: { kind: Exclude<Source, "question">; label: string; detail: string }[] = [
  { kind: "due", label: "Cards due", detail: "Overdue first, then what you have never practised." },
  { kind: "gaps", label: "Coverage gaps", detail: "Competencies no story of yours serves yet." },
  { kind: "jd", label: "A job description", detail: "Paste a posting: its requirements become questions." },
  { kind: "competency", label: "One competency", detail: "Conflict, failure, ML engineering…" },
  { kind: "items", label: "Hand-picked", detail: "Tick the answers and questions to practise." },
  {
    kind: "drill",
    label: "Technical drill",
    detail: "ML questions from the bank: your answer is checked against their key points.",
  },
];

type DrillTag = "any" | "ml-concept" | "ml-engineering";

const RATINGS: { rating: RatingName; key: string; label: string; detail: string }[] = [
  { rating: "again", key: "1", label: "Again", detail: "I lost the thread" },
  { rating: "hard", key: "2", label: "Hard", detail: "Got there, with effort" },
  { rating: "good", key: "3", label: "Good", detail: "Said what I meant" },
  { rating: "easy", key: "4", label: "Easy", detail: "Could say it in my sleep" },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return target.isContentEditable || tag === "TEXTAREA" || tag === "SELECT" || tag === "INPUT";
}

/** mm:ss for the visible timer. */
function clock(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The Practice page: a setup form at #/practice, a running session at #/practice/<id>. */
export function PracticePage({
  sessionId,
  source,
  documents,
}: {
  sessionId: string | undefined;
  /** The source chosen when the setup form opens (default: cards due). */
  source?: "drill" | undefined;
  /** The user's documents: the setup form starts on the role the last opened one targets. */
  documents: DocumentSummary[] | null;
}) {
  useEffect(() => {
    document.title = "Practice · derisk";
  }, []);
  return sessionId === undefined ? (
    <PracticeSetup initialSource={source} documents={documents} />
  ) : (
    <PracticeRun sessionId={sessionId} />
  );
}

function PracticeSetup({
  initialSource,
  documents,
}: {
  initialSource?: "drill" | undefined;
  documents: DocumentSummary[] | null;
}) {
  const { result, reload } = useLoad("practice-setup", async () => {
    const [{ due, newCards }, active] = await Promise.all([practiceApi.due(), practiceApi.active()]);
    return { due, newCards, active };
  });
  const [source, setSource] = useState<Exclude<Source, "question">>(initialSource ?? "due");
  // With nothing due (a new bank, or every card rated ahead) "Cards due" can only fail: start on
  // one competency instead, which the built-in bank always fills, unless the user chose already.
  const sourceChosen = useRef(initialSource !== undefined);
  const chooseSource = (next: Exclude<Source, "question">): void => {
    sourceChosen.current = true;
    setSource(next);
  };
  const nothingDue = result.state === "ready" && result.data.due.length === 0;
  useEffect(() => {
    if (nothingDue && !sourceChosen.current) setSource("competency");
  }, [nothingDue]);
  const [posting, setPosting] = useState("");
  const [competency, setCompetency] = useState<Competency>("conflict");
  const [tag, setTag] = useState<DrillTag>("any");
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [count, setCount] = useState(5);
  const [role, setRole] = useState<RoleId | undefined>(undefined);
  // The role the document targets, once the documents have loaded, unless the user chose one.
  const roleChosen = useRef(false);
  const targetRole = roleIdOf(currentDocument(documents)?.targetRole);
  useEffect(() => {
    if (!roleChosen.current && targetRole !== undefined) setRole(targetRole);
  }, [targetRole]);
  const chooseRole = (next: RoleId | undefined): void => {
    roleChosen.current = true;
    setRole(next);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { count: useId(), posting: useId(), competency: useId(), sources: useId(), tag: useId() };

  async function start(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    const from: PracticeFrom =
      source === "jd"
        ? { kind: "jd", text: posting }
        : source === "competency"
          ? { kind: "competency", competency }
          : source === "items"
            ? { kind: "items", ids: [...picked] }
            : source === "drill"
              ? tag === "any"
                ? { kind: "drill" }
                : { kind: "drill", tag }
              : { kind: source };
    setBusy(true);
    setError(null);
    try {
      const session = await practiceApi.start({ from, count, ...(role === undefined ? {} : { role }) });
      navigate({ page: "practice", sessionId: session.id });
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  // "s" starts from anywhere on the page but a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== "s" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      formRef.current?.requestSubmit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const due = result.state === "ready" ? result.data.due : [];
  const overdue = due.filter((d) => d.status === "overdue").length;
  const canStart =
    !busy && (source !== "jd" || posting.trim() !== "") && (source !== "items" || picked.size > 0);

  return (
    <div className="page page-practice">
      <header className="page-header">
        <h1>Practice</h1>
        <p className="lede">
          A timed mock interview: each question with its time budget, your answer (typed, or out loud with its
          pauses and timing measured) read through the risk lens, one follow-up they are likely to ask, and a
          rating that decides when it comes back.
        </p>
      </header>

      {result.state === "error" && (
        <ErrorMessage title="Couldn't load what you can practise" error={result.error} onRetry={reload} />
      )}
      {result.state === "ready" && result.data.active.length > 0 && (
        <section className="card practice-resume" aria-labelledby="resume-title">
          <h2 id="resume-title">Pick up where you left off</h2>
          <ul className="plain-list">
            {result.data.active.map((session) => (
              <li key={session.id}>
                <a className="button button-small" href={`#/practice/${encodeURIComponent(session.id)}`}>
                  Resume
                </a>{" "}
                <span>{resumeLine(session)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form ref={formRef} className="card practice-setup" onSubmit={(event) => void start(event)}>
        <fieldset className="practice-sources">
          <legend className="card-title">Questions from</legend>
          {SOURCES.map((option) => (
            <label
              key={option.kind}
              className={`practice-source${source === option.kind ? " is-chosen" : ""}`}
            >
              <input
                type="radio"
                name={ids.sources}
                value={option.kind}
                checked={source === option.kind}
                onChange={() => chooseSource(option.kind)}
              />
              <span>
                <span className="option-title">
                  {option.label}
                  {option.kind === "due" && result.state === "ready" && (
                    <span className="chip">
                      {overdue} due now · {due.length - overdue} new
                    </span>
                  )}
                </span>
                <span className="option-detail">{option.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {source === "jd" && (
          <div className="field">
            <label htmlFor={ids.posting} className="field-label">
              The job description
            </label>
            <textarea
              dir="auto"
              id={ids.posting}
              className="textarea"
              rows={6}
              value={posting}
              placeholder={"## Responsibilities\n- Ship models to production…"}
              onChange={(event) => setPosting(event.target.value)}
            />
          </div>
        )}
        {source === "competency" && (
          <div className="field field-inline">
            <label htmlFor={ids.competency} className="field-label">
              Competency
            </label>
            <select
              id={ids.competency}
              className="select"
              value={competency}
              onChange={(event) => setCompetency(event.target.value as Competency)}
            >
              {COMPETENCY_LIST.map((c) => (
                <option key={c} value={c}>
                  {COMPETENCY_NAMES[c]}
                </option>
              ))}
            </select>
          </div>
        )}
        {source === "items" && <PickList due={due} picked={picked} onChange={setPicked} />}
        {source === "drill" && (
          <div className="field field-inline">
            <label htmlFor={ids.tag} className="field-label">
              Topic
            </label>
            <select
              id={ids.tag}
              className="select"
              value={tag}
              onChange={(event) => setTag(event.target.value as DrillTag)}
            >
              <option value="any">All technical questions</option>
              <option value="ml-concept">ML concepts</option>
              <option value="ml-engineering">ML engineering</option>
            </select>
          </div>
        )}

        {(source === "due" || source === "drill") && result.state === "ready" && (
          <NewCardsSetting outlook={result.data.newCards} onSaved={reload} />
        )}

        <div className="practice-options">
          <div className="field field-inline">
            <label htmlFor={ids.count} className="field-label">
              Questions
            </label>
            <input
              id={ids.count}
              className="textarea practice-count"
              type="number"
              min={1}
              max={20}
              value={count}
              onChange={(event) => setCount(Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
            />
          </div>
          <RoleSelect label="Role" value={role} onChange={chooseRole} allowNone={true} />
        </div>

        {error !== null && <ErrorMessage title="Couldn't start the session" error={error} />}
        <div className="report-actions">
          <button type="submit" className="button button-primary" disabled={!canStart} aria-keyshortcuts="s">
            {busy ? "Starting…" : "Start the session"} <kbd>S</kbd>
          </button>
          <span className="muted">
            Keys: <kbd>R</kbd> answers out loud, <kbd>Ctrl</kbd>+<kbd>Enter</kbd> submits an answer,{" "}
            <kbd>1</kbd>–<kbd>4</kbd> rate it.
          </span>
        </div>
      </form>
      <PastSessions />
    </div>
  );
}

/**
 * How many never-practised cards the due queue and the drill start a day (the user's setting,
 * as `derisk drill --new-per-day N` sets it), with how many wait and when they come.
 */
function NewCardsSetting({ outlook, onSaved }: { outlook: NewCardsOutlook; onSaved: () => void }) {
  const [value, setValue] = useState(String(outlook.perDay));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const id = useId();
  useEffect(() => setValue(String(outlook.perDay)), [outlook.perDay]);
  async function save(): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      // The server checks the value (0–100) and says what is wrong.
      await practiceApi.setNewCardsPerDay(value.trim() === "" ? Number.NaN : Number(value));
      onSaved();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  }
  return (
    <div className="new-cards-setting">
      <div className="field field-inline">
        <label htmlFor={id} className="field-label">
          New cards a day
        </label>
        <input
          id={id}
          className="textarea practice-count"
          type="number"
          min={0}
          max={100}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            // Enter saves the setting; it must not start the session.
            if (event.key !== "Enter") return;
            event.preventDefault();
            void save();
          }}
        />
        <button
          type="button"
          className="button button-small"
          disabled={saving || value === String(outlook.perDay)}
          onClick={() => void save()}
        >
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
      <p className="muted" data-testid="new-cards-outlook">
        {describeNewCards(outlook)}.
      </p>
      {error !== null && <ErrorMessage title="Couldn't save new cards a day" error={error} />}
    </div>
  );
}

/**
 * The last finished sessions, each a link to its report: a session's report was reachable only
 * at the end of the session (or by its address), and nothing on the page led back to it.
 */
function PastSessions() {
  const { result } = useLoad("practice-past", () => practiceApi.finished(5));
  if (result.state !== "ready" || result.data.length === 0) return null;
  return (
    <section className="card practice-past" aria-labelledby="past-title">
      <h2 id="past-title">Past sessions</h2>
      <ul className="plain-list">
        {result.data.map((session) => (
          <li key={session.id}>
            <a className="button button-small" href={`#/practice/${encodeURIComponent(session.id)}`}>
              Report
            </a>{" "}
            <span>{pastLine(session)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A finished session as its report heads it: when, whether ended early, how many answered, and what kind. */
export function pastLine(session: PracticeSession): string {
  const questions = session.steps.filter((s) => s.kind === "question");
  // An answer given after a peek at the prepared one is counted apart, as the report counts it.
  const answered = questions.filter((s) => s.attempt?.finished && s.state !== "peeked").length;
  const peeked = questions.filter((s) => s.state === "peeked").length;
  const when = new Date(session.finishedAt ?? session.createdAt).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const drill =
    (session.source as { kind?: unknown } | null)?.kind === "drill" ? "the technical drill · " : "";
  const first =
    questions[0] === undefined ? "" : ` · “${questions[0].questionText}”${questions.length > 1 ? "…" : ""}`;
  // An interview ended early says so: "1 of 3 answered" alone reads as two questions skipped.
  const how = session.ended === undefined ? "finished" : "ended early";
  return `${drill}${how} ${when} · ${answered} of ${questions.length} answered${peeked > 0 ? `, ${peeked} peeked` : ""}${first}`;
}

/**
 * One unfinished session, told apart from the others: when it started and where it stands.
 * Two sessions of the same question read the same line twice before ("0 of 1 answered · next: …").
 */
export function resumeLine(session: PracticeSession): string {
  const questions = session.steps.filter((s) => s.kind === "question");
  const answered = questions.filter((s) => s.attempt?.finished && s.state !== "peeked").length;
  const peeked = questions.filter((s) => s.state === "peeked").length;
  const started = new Date(session.createdAt).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const next = session.current === undefined ? "your rating" : `“${session.current.questionText}”`;
  // As the CLI's practice --list names it: a drill session reads as a mock interview otherwise.
  const drill =
    (session.source as { kind?: unknown } | null)?.kind === "drill" ? "the technical drill · " : "";
  return `${drill}started ${started} · ${answered} of ${questions.length} answered${peeked > 0 ? `, ${peeked} peeked` : ""} · next: ${next}`;
}

function PickList({
  due,
  picked,
  onChange,
}: {
  due: DueEntry[];
  picked: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
}) {
  if (due.length === 0)
    return <p className="muted">Nothing to pick from yet: import a prep document first.</p>;
  const labels = dueLabels(due);
  return (
    <fieldset className="practice-picks">
      <legend className="field-label">
        Pick questions <span className="muted">({picked.size} picked)</span>
      </legend>
      <ul className="plain-list">
        {due.map((entry, index) => {
          const id = entry.itemId ?? entry.questionId ?? "";
          return (
            <li key={id}>
              <label className="practice-pick">
                <input
                  type="checkbox"
                  checked={picked.has(id)}
                  onChange={(event) => {
                    const next = new Set(picked);
                    if (event.target.checked) next.add(id);
                    else next.delete(id);
                    onChange(next);
                  }}
                />
                <span>{labels[index] ?? entry.questionText}</span>
                <span className="chip">{COMPETENCY_NAMES[entry.competency]}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

type Phase =
  | { kind: "answer"; step: PracticeStep }
  | { kind: "review"; question: PracticeStep; followUp: PracticeStep }
  | { kind: "rate"; question: PracticeStep; followUp?: PracticeStep }
  | { kind: "report" };

/**
 * Where the session stands, from the server's state alone, so a reload lands on the same screen:
 * an answered question not yet rated is reviewed, its follow-up answered, then it is rated.
 */
export function phaseOf(session: PracticeSession): Phase {
  // An ended session (finished early, or its ratings declined) waits for nothing more.
  if (session.status === "finished") return { kind: "report" };
  const current = session.current;
  const currentIndex = session.currentIndex ?? session.steps.length;
  const pending = session.steps
    .slice(0, currentIndex)
    .reverse()
    .find((s) => s.kind === "question" && s.attempt?.finished === true && s.attempt.selfRating === undefined);
  if (pending) {
    const followUp = session.steps.find((s) => s.followUpOf === pending.id);
    if (followUp !== undefined && current?.id === followUp.id) {
      return followUp.timerStartedAt === undefined
        ? { kind: "review", question: pending, followUp }
        : { kind: "answer", step: followUp };
    }
    return followUp === undefined
      ? { kind: "rate", question: pending }
      : { kind: "rate", question: pending, followUp };
  }
  return current === undefined ? { kind: "report" } : { kind: "answer", step: current };
}

function PracticeRun({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<PracticeSession | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [notice, setNotice] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    setError(null);
    practiceApi.get(sessionId).then(setSession, (caught: unknown) => setError(describeError(caught)));
  }, [sessionId]);
  useEffect(load, [load]);

  const phase = session === null ? null : phaseOf(session);
  const phaseKey =
    phase === null
      ? ""
      : phase.kind === "answer"
        ? `answer:${phase.step.id}`
        : phase.kind === "report"
          ? "report"
          : `${phase.kind}:${phase.question.id}`;
  // Each new screen is announced: focus goes to its heading (the answer box takes it once the timer runs).
  useEffect(() => {
    if (phaseKey !== "" && !phaseKey.startsWith("answer:")) headingRef.current?.focus();
  }, [phaseKey]);

  if (error !== null && session === null) {
    return (
      <div className="page page-practice">
        <ErrorMessage title="Couldn't open this practice session" error={error} onRetry={load} />
        <a className="button" href="#/practice">
          Start a new session
        </a>
      </div>
    );
  }
  if (session === null || phase === null) {
    return (
      <div className="page page-practice" aria-busy="true">
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-block" />
      </div>
    );
  }

  const questions = session.steps.filter((s) => s.kind === "question");
  const step = phase.kind === "answer" ? phase.step : phase.kind === "report" ? undefined : phase.question;
  const parentId = step?.kind === "follow-up" ? step.followUpOf : step?.id;
  const number = questions.findIndex((q) => q.id === parentId) + 1;

  return (
    <div className="page page-practice">
      <header className="practice-header">
        {/* The page's name for a screen reader's heading list; the question below is its h2. */}
        <h1 className="visually-hidden">
          {(session.source as { kind?: unknown } | null)?.kind === "drill"
            ? "Technical drill"
            : "Mock interview"}
        </h1>
        <p className="eyebrow">
          <a href="#/practice">Practice</a>
          {phase.kind !== "report" && (
            <span>
              Question {number} of {questions.length}
              {step?.kind === "follow-up" && " · follow-up"}
            </span>
          )}
          {session.role !== undefined && <span>{ROLE_NAMES[session.role]}</span>}
        </p>
        <ol className="practice-progress" aria-label="Progress">
          {questions.map((q, index) => {
            const done = q.attempt?.selfRating !== undefined;
            const here = q.id === parentId;
            return (
              <li
                key={q.id}
                className={`${done ? "is-done" : ""}${here ? " is-here" : ""}`}
                aria-current={here ? "step" : undefined}
              >
                <span className="visually-hidden">
                  Question {index + 1}
                  {done ? ", done" : here ? ", current" : ""}
                </span>
              </li>
            );
          })}
        </ol>
        {phase.kind !== "report" && (
          <EndInterview
            answered={questions.filter((q) => q.attempt?.finished === true).length}
            onEnd={() =>
              practiceApi.end(session.id).then(
                (ended) => {
                  setError(null);
                  setNotice(
                    "Interview ended. Your report covers the questions you answered; the rest are marked not reached.",
                  );
                  setSession(ended);
                },
                (caught: unknown) => setError(describeError(caught)),
              )
            }
          />
        )}
      </header>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {error !== null && <ErrorMessage title="That didn't work" error={error} onRetry={load} />}

      {phase.kind === "answer" && (
        <AnswerStep
          key={phase.step.id}
          session={session}
          step={phase.step}
          onChange={(next) => {
            setError(null);
            setSession(next);
          }}
        />
      )}
      {phase.kind === "review" && (
        <section aria-labelledby="practice-phase-title">
          <h2 id="practice-phase-title" ref={headingRef} tabIndex={-1} className="practice-phase-title">
            How your answer reads
          </h2>
          {/* The question stays in sight: "answers the question" means little without it. */}
          <p className="practice-followup-question" data-testid="reviewed-question">
            “{stepLabel(phase.question)}”
          </p>
          <StepReview step={phase.question} role={session.role} />
          <div className="card practice-next">
            <p className="eyebrow">Next: the follow-up they are likely to ask</p>
            <p className="practice-followup-question">“{phase.followUp.questionText}”</p>
            <p className="muted">
              Budget {formatDuration(phase.followUp.budgetSeconds)}: shorter than the question.
            </p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                practiceApi
                  .begin(session.id, phase.followUp.id)
                  .then(setSession, (caught: unknown) => setError(describeError(caught)));
              }}
            >
              Answer the follow-up
            </button>
          </div>
        </section>
      )}
      {phase.kind === "rate" && (
        <RateStep
          key={phase.question.id}
          session={session}
          question={phase.question}
          {...(phase.followUp === undefined ? {} : { followUp: phase.followUp })}
          headingRef={headingRef}
          onRated={(rating, due) => {
            setNotice(`Rated ${rating}.${due ? ` It comes back ${due}.` : ""}`);
            load();
          }}
          onError={setError}
        />
      )}
      {phase.kind === "report" && (
        <section aria-labelledby="practice-phase-title">
          <h2 id="practice-phase-title" ref={headingRef} tabIndex={-1} className="practice-phase-title">
            Session report
          </h2>
          <PracticeReportView session={session} />
        </section>
      )}
    </div>
  );
}

/**
 * Ends the interview before its last question, after one confirming click: the questions not
 * answered are left out of the report (what was typed into the current one stays saved).
 */
function EndInterview({ answered, onEnd }: { answered: number; onEnd: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [ending, setEnding] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button button-small button-quiet" onClick={() => setAsking(true)}>
        End interview
      </button>
    );
  }
  return (
    <div className="practice-end">
      <span className="muted">
        {answered === 0
          ? "End now? Nothing is answered yet: the report will have no figures, and the questions left are marked not reached."
          : `End now? The report covers the ${answered} ${answered === 1 ? "question" : "questions"} you answered; the ones left are marked not reached.`}
      </span>
      <button
        ref={confirmRef}
        type="button"
        className="button button-small"
        disabled={ending}
        onClick={() => {
          setEnding(true);
          void onEnd().finally(() => setEnding(false));
        }}
      >
        End and see the report
      </button>
      <button type="button" className="button button-small button-quiet" onClick={() => setAsking(false)}>
        Keep going
      </button>
    </div>
  );
}

export function AnswerStep({
  session,
  step,
  onChange,
}: {
  session: PracticeSession;
  step: PracticeStep;
  onChange: (session: PracticeSession) => void;
}) {
  const started = step.timerStartedAt !== undefined;
  const { text, setText, save, elsewhere, flush } = useAutosave(session.id, step.id, {
    text: step.attempt?.text ?? "",
    revision: step.attempt?.revision ?? 0,
  });
  const seconds = useElapsed(step.elapsedMs, started);
  useAnsweringHeartbeat(session.id, step.id, started && step.attempt?.finished !== true, onChange);
  const announcement = useTimerAnnouncement(seconds, step.budgetSeconds, started);
  const [prepared, setPrepared] = useState<string | undefined>(step.preparedAnswer);
  // The question of the user's answer shown, when it is the closest they prepared (not this one's).
  const [preparedFrom, setPreparedFrom] = useState<string | undefined>(step.preparedFrom);
  const [busy, setBusy] = useState<"start" | "submit" | "peek" | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const preparedRef = useRef<HTMLElement>(null);
  /** Set by a peek: where focus goes once the prepared answer is on screen. */
  const focusAfterPeek = useRef(false);
  const answerId = useId();
  const over = seconds > step.budgetSeconds;
  const [recording, setRecording] = useState(false);
  // Read by the focus effect: a spoken start keeps focus on Stop, not in the answer box.
  const recordingRef = useRef(false);
  const [spoken, setSpoken] = useState(step.attempt?.mode === "spoken");
  const [transcription, setTranscription] = useState("");
  // "S" then the first words at once: the answer box appears only when the server has started
  // the timer, so what is typed in between is kept here and put in the box, not dropped.
  const starting = useRef(false);
  const typedWhileStarting = useRef("");
  const setTextNow = useRef(setText);
  setTextNow.current = setText;

  useEffect(() => {
    const editor = editorRef.current;
    // Taken once, whatever happens: never carried to a later start (a spoken one keys nothing in).
    const early = started ? typedWhileStarting.current : "";
    if (started) typedWhileStarting.current = "";
    if (started && !recordingRef.current && editor) {
      if (early !== "") {
        editor.value += early;
        setTextNow.current(editor.value);
      }
      editor.focus();
      // A resumed answer (reload, crash) goes on where it stopped: the caret after the saved text,
      // not before it, where the browser puts it and the next words would land first.
      editor.setSelectionRange(editor.value.length, editor.value.length);
    } else if (!started) startRef.current?.focus();
  }, [started]);

  // A peek removes the Peek button and, while it is on its way, disables Start answering: either
  // held the focus, which would fall to the page and send the next Tab back to the top of it.
  // Focus goes to the prepared answer (read out, and Tab goes on to the answer's controls), or
  // back to the answer box when the timer is running.
  useEffect(() => {
    if (prepared === undefined || !focusAfterPeek.current) return;
    focusAfterPeek.current = false;
    if (started && editorRef.current) editorRef.current.focus();
    // Where the page stands: scrolled to it, its first lines would sit under the sticky menu.
    else preparedRef.current?.focus({ preventScroll: true });
  }, [prepared, started]);

  // What the page says about transcription comes from the server's provider (default: none).
  useEffect(() => {
    if (!spoken || transcription !== "") return;
    practiceApi.transcription().then(
      (info) => setTranscription(info.message),
      () => setTranscription("No speech recogniser answered: type a short summary or paste a transcript."),
    );
  }, [spoken, transcription]);

  const onRecordingChange = useCallback((on: boolean) => {
    recordingRef.current = on;
    setRecording(on);
    if (on) setSpoken(true);
  }, []);

  async function begin(): Promise<boolean> {
    starting.current = true;
    setBusy("start");
    setError(null);
    try {
      onChange(await practiceApi.begin(session.id, step.id));
      return true;
    } catch (caught) {
      typedWhileStarting.current = "";
      setError(describeError(caught));
      return false;
    } finally {
      starting.current = false;
      setBusy(null);
    }
  }

  async function peek(): Promise<void> {
    setBusy("peek");
    try {
      const peeked = await practiceApi.peek(session.id, step.id);
      focusAfterPeek.current = true;
      setPrepared(peeked.preparedAnswer);
      setPreparedFrom(peeked.preparedFrom);
      // The session as the server now has it: this step reads peeked.
      onChange(peeked.session);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  async function submit(): Promise<void> {
    // A recording still running is stopped first (its figures must be in before the answer is read).
    if (busy !== null || recording) return;
    // An empty answer is a skip: the server passes the question and keeps no attempt.
    setBusy("submit");
    setError(null);
    try {
      await flush();
      const result = await practiceApi.submit(session.id, step.id, text);
      forgetLocalDraft(session.id, step.id);
      onChange(result.session);
    } catch (caught) {
      // The text stays in the editor (and in this browser) whatever went wrong.
      setError(describeError(caught));
      setBusy(null);
    }
  }

  async function skipRemoved(): Promise<void> {
    setBusy("submit");
    setError(null);
    try {
      const result = await practiceApi.submit(session.id, step.id, "");
      forgetLocalDraft(session.id, step.id);
      onChange(result.session);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(null);
    }
  }

  const latest = useRef({ begin, submit, peek, started, busy });
  latest.current = { begin, submit, peek, started, busy };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const { started: running, busy: working } = latest.current;
      if (starting.current && !(event.ctrlKey || event.metaKey || event.altKey) && !isTyping(event.target)) {
        if (event.key.length === 1 || event.key === "Enter") {
          event.preventDefault();
          typedWhileStarting.current += event.key === "Enter" ? "\n" : event.key;
        } else if (event.key === "Backspace") {
          event.preventDefault();
          typedWhileStarting.current = typedWhileStarting.current.slice(0, -1);
        }
        return;
      }
      if (working !== null) return;
      if (running && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void latest.current.submit();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (
        !running &&
        // Enter on a focused button is that button's own click.
        (event.key === "s" || (event.key === "Enter" && !(event.target instanceof HTMLButtonElement)))
      ) {
        event.preventDefault();
        void latest.current.begin();
      } else if (event.key === "p" && step.hasPreparedAnswer) {
        event.preventDefault();
        void latest.current.peek();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [step.hasPreparedAnswer]);

  const share = Math.min(1, seconds / step.budgetSeconds);
  return (
    <section className="practice-answer" aria-labelledby="practice-question">
      <div className="card practice-question-card">
        <h2 id="practice-question" className="practice-question">
          {stepLabel(step)}
        </h2>
        <div className="practice-meta">
          {step.competency !== undefined && <span className="chip">{COMPETENCY_NAMES[step.competency]}</span>}
          <span className="chip chip-time">Budget {formatDuration(step.budgetSeconds)}</span>
        </div>
        <div className={`practice-timer${over ? " is-over" : ""}`} data-testid="practice-timer">
          <span
            role="timer"
            aria-label={`Time used: ${formatDuration(seconds)} of ${formatDuration(step.budgetSeconds)}`}
          >
            <span className="practice-clock">{clock(seconds)}</span>
            <span className="muted"> / {clock(step.budgetSeconds)}</span>
          </span>
          <span className="practice-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </span>
          {!started && <span className="muted">The timer starts when you do.</span>}
          {over && <span className="practice-over">Over the budget: land the result and stop.</span>}
        </div>
        <p className="visually-hidden" aria-live="polite" data-testid="timer-announcement">
          {announcement}
        </p>
      </div>

      {step.removed && (
        <div className="callout callout-info" role="status">
          <Icon name="info" />
          <div>
            <p className="callout-title">
              This question was deleted from your bank after the session started.
            </p>
            <div className="callout-actions">
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void skipRemoved()}
              >
                Skip to the next question
              </button>
            </div>
          </div>
        </div>
      )}

      {prepared !== undefined ? (
        <aside
          ref={preparedRef}
          tabIndex={-1}
          className="callout callout-info practice-peek"
          aria-label="Prepared answer"
        >
          <Icon name="info" />
          <div>
            <p className="callout-title">
              {preparedFrom === undefined
                ? "Your prepared answer"
                : `Your answer to “${preparedFrom}”, the closest you prepared`}{" "}
              (peeking is noted on this attempt)
            </p>
            <p className="practice-text">{stripMarkup(prepared)}</p>
          </div>
        </aside>
      ) : step.hasPreparedAnswer ? (
        <button
          type="button"
          className="link-button practice-peek-button"
          disabled={busy !== null}
          onClick={() => void peek()}
          aria-keyshortcuts="p"
        >
          Peek at the prepared answer <kbd>P</kbd>
        </button>
      ) : (
        step.kind === "question" &&
        !step.removed && (
          <p className="muted practice-no-peek" data-testid="no-prepared">
            None of your prepared answers fits this question: answer it from scratch, then{" "}
            <a href={route.newAnswer(step.questionText)}>write one to keep</a>.
          </p>
        )
      )}

      {!step.removed && (
        <SpokenAnswer
          session={session}
          step={step}
          started={started}
          begin={begin}
          onRecordingChange={onRecordingChange}
        />
      )}

      {!started ? (
        <div className="practice-start">
          <button
            ref={startRef}
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() => void begin()}
            aria-keyshortcuts="s Enter"
          >
            {busy === "start" ? "Starting…" : "Start answering"} <kbd>S</kbd>
          </button>
        </div>
      ) : (
        <div className="practice-editor">
          <label htmlFor={answerId} className="field-label">
            {spoken ? "Transcript or a short summary of what you said" : "Your answer, as you would say it"}
          </label>
          {spoken && transcription !== "" && (
            <p className="muted" data-testid="transcription-note">
              {transcription}
            </p>
          )}
          <textarea
            dir="auto"
            ref={editorRef}
            id={answerId}
            className="textarea practice-textarea"
            rows={9}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${answerId}-save`}
          />
          <div className="practice-editor-bar">
            <span
              id={`${answerId}-save`}
              className={`practice-save is-${save.state}`}
              data-testid="save-state"
            >
              {save.state === "saved" && (text === "" ? "Nothing typed yet" : "Saved")}
              {save.state === "pending" && "Typing…"}
              {save.state === "saving" && "Saving…"}
              {save.state === "offline" &&
                `Not saved on the server yet: ${save.message} Your text is kept in this browser.`}
              {elsewhere &&
                save.state !== "offline" &&
                " · This answer is open in another tab too: the text here replaced the one saved from there."}
            </span>
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null || recording}
              onClick={() => void submit()}
              aria-keyshortcuts="Control+Enter Meta+Enter"
            >
              {busy === "submit"
                ? "Reading your answer…"
                : text.trim() === ""
                  ? spoken
                    ? "Submit without a transcript"
                    : "Skip this question"
                  : "Submit answer"}{" "}
              {/* One unit that never shrinks: on a narrow screen it goes under the label whole
                  (before, the key caps were squeezed and their words cut, "Ctr" and "Ente"). */}
              <span className="key-hint">
                <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
              </span>
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorMessage title="That didn't go through" error={error} />}
    </section>
  );
}

/** A submitted answer through the risk lens, beside the prepared one. */
function StepReview({ step, role }: { step: PracticeStep; role: RoleId | undefined }) {
  const text = step.attempt?.text ?? "";
  const analysis = useAnalysis(text, {
    question: step.questionText,
    budgetSeconds: step.budgetSeconds,
    ...(role === undefined ? {} : { role }),
    ...(step.kind === "follow-up" ? { followUp: true } : {}),
  });
  const used = Math.round(step.elapsedMs / 1000);
  // A typed answer has two durations: the time it took to type, and how long it would take to say
  // (the lens's estimate, the one the budget is about). Both are named, so they never read as two
  // verdicts on the same thing.
  const typed = step.attempt?.mode !== "spoken";
  const spoken = analysis.state === "ready" ? Math.round(analysis.analysis.timing.seconds) : undefined;
  return (
    <div className="practice-review">
      <p className="practice-review-summary">
        {typed ? (
          <span data-testid="typed-timing">
            {typedTime(step.attempt?.text ?? "", used)}
            {spoken !== undefined && (
              <>
                {" "}
                · said aloud ≈{" "}
                <span className={spoken > step.budgetSeconds ? "over-budget" : ""}>
                  {formatDuration(spoken)} of {formatDuration(step.budgetSeconds)}
                </span>
              </>
            )}
          </span>
        ) : (
          <TimeUsed step={step} />
        )}
        {step.attempt?.score !== undefined &&
          (step.peeked ? (
            // Read after the prepared answer: the lens's score, but no clean answer's.
            <span data-testid="peeked-score">
              {" "}
              · score {step.attempt.score}/5 after peeking: not a clean answer
            </span>
          ) : (
            <span>
              {" "}
              · score {step.attempt.score}/5, {SCORE_TEXT[step.attempt.score]?.toLowerCase()}
            </span>
          ))}
        {step.attempt?.notScored !== undefined && (
          <span data-testid="not-scored"> · {notScoredLabel(step.attempt.notScored)}</span>
        )}
        {step.peeked && (
          <>
            {" "}
            ·{" "}
            <span className="chip" data-testid="peeked" title="You looked at the prepared answer first">
              peeked
            </span>
          </>
        )}
      </p>
      {step.attempt?.delivery !== undefined && <DeliveryFigures delivery={step.attempt.delivery} />}
      {step.attempt?.hasRecording && <KeptRecording attemptId={step.attempt.id} />}
      <SideBySide attempt={text} prepared={step.preparedAnswer} preparedFrom={step.preparedFrom} />
      {step.attempt?.mode === "spoken" && text.trim() === "" ? (
        <p className="callout callout-info" data-testid="no-transcript">
          No transcript: the risk lens has nothing to read. Next time, type a short summary or paste a
          transcript before you submit.
        </p>
      ) : (
        <RiskLens
          state={analysis}
          title={step.kind === "follow-up" ? "Risk lens: your follow-up" : "Risk lens: your answer"}
        />
      )}
    </div>
  );
}

/**
 * How long an answer took, named: "6 s of 1 min 30 s" alone did not say whether it was typing
 * time or speaking time. A typed answer's time is typing time, not held against the spoken
 * budget; a spoken one's is the answer's length measured from the audio.
 */
export function TimeUsed({ step }: { step: PracticeStep }) {
  const used = Math.round(step.elapsedMs / 1000);
  if (step.attempt?.mode === "spoken")
    return (
      <span data-testid="spoken-timing" className={used > step.budgetSeconds ? "over-budget" : ""}>
        spoken for {formatDuration(used)} of {formatDuration(step.budgetSeconds)}
      </span>
    );
  return (
    <span data-testid="typed-timing">
      {typedTime(step.attempt?.text ?? "", used)} (the {formatDuration(step.budgetSeconds)} budget is for
      saying it aloud)
    </span>
  );
}

/**
 * A typed answer's time, as what it measured: typing time, or for a pasted answer (words faster
 * than anyone types) the time on the question, since "typed in 0 s" claimed a typing speed.
 */
export function typedTime(text: string, seconds: number): string {
  return looksPasted(text, seconds)
    ? `pasted · ${formatDuration(seconds)} on the question`
    : `typed in ${formatDuration(seconds)}`;
}

/** A drilled answer: the key points it covered and missed (by concept), and a strong answer's outline. */
function DrillReview({ step, feedback }: { step: PracticeStep; feedback: DrillFeedback }) {
  return (
    <div className="practice-review drill-review">
      <p className="practice-review-summary">
        <TimeUsed step={step} />
        {feedback.keyPoints.length > 0 && (
          <span>
            {" "}
            · {feedback.covered.length} of {feedback.keyPoints.length} key points covered
          </span>
        )}
        {step.peeked && <span> · you peeked at the key points</span>}
      </p>
      {feedback.note !== undefined && <p className="muted">{feedback.note}</p>}
      <div className="practice-compare">
        <WhatYouSaid text={step.attempt?.text ?? ""} />
        <section className="card" aria-labelledby="drill-points-title">
          <h3 id="drill-points-title" className="card-title">
            Key points
          </h3>
          <ul className="plain-list drill-points">
            {feedback.points.map((point) => (
              <li key={point.keyPoint} className={point.covered ? "drill-covered" : "drill-missed"}>
                <span className="drill-mark">{point.covered ? "✓ Covered" : "✗ Missed"}</span>{" "}
                {point.keyPoint}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {feedback.outline !== "" && (
        <section className="card drill-outline" aria-labelledby="drill-outline-title">
          <h3 id="drill-outline-title" className="card-title">
            A strong answer
          </h3>
          <p className="practice-text">{feedback.outline}</p>
        </section>
      )}
    </div>
  );
}

/** The attempt's text; a spoken answer submitted without a transcript says so, not an empty box. */
function WhatYouSaid({ text }: { text: string }) {
  return (
    <section className="card" aria-label="What you said">
      <h3 className="card-title">What you said</h3>
      {text.trim() === "" ? (
        <p className="muted">No transcript or summary: only the recording's timing was measured.</p>
      ) : (
        // Shown as read, like every other view of the candidate's text; the stored attempt keeps its markers.
        <p className="practice-text">{stripMarkup(text)}</p>
      )}
    </section>
  );
}

export function SideBySide({
  attempt,
  prepared,
  preparedFrom,
}: {
  attempt: string;
  prepared: string | undefined;
  /** The question of the user's answer shown, when it is the closest they prepared. */
  preparedFrom?: string | undefined;
}) {
  return (
    <div className="practice-compare">
      <WhatYouSaid text={attempt} />
      <section className="card" aria-label="Prepared answer">
        <h3 className="card-title">
          {preparedFrom === undefined
            ? "Prepared answer"
            : `Your answer to “${preparedFrom}”, the closest you prepared`}
        </h3>
        {prepared === undefined ? (
          <p className="muted">No prepared answer for this question yet.</p>
        ) : (
          <p className="practice-text">{stripMarkup(prepared)}</p>
        )}
      </section>
    </div>
  );
}

function RateStep({
  session,
  question,
  followUp,
  headingRef,
  onRated,
  onError,
}: {
  session: PracticeSession;
  question: PracticeStep;
  followUp?: PracticeStep;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onRated: (rating: RatingName, due: string | undefined) => void;
  onError: (error: { code: string; message: string }) => void;
}) {
  const [busy, setBusy] = useState(false);
  const rate = useCallback(
    async (rating: RatingName) => {
      setBusy(true);
      try {
        const result = await practiceApi.rate(session.id, question.id, rating);
        const due = result.intervalDays === undefined ? undefined : reviewIn(result.intervalDays);
        onRated(rating, due);
      } catch (caught) {
        onError(describeError(caught));
        setBusy(false);
      }
    },
    [session.id, question.id, onRated, onError],
  );
  const latest = useRef({ rate, busy });
  latest.current = { rate, busy };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (latest.current.busy || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      const choice = RATINGS.find((r) => r.key === event.key);
      if (!choice) return;
      event.preventDefault();
      void latest.current.rate(choice.rating);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const answeredFollowUp = followUp?.attempt?.finished === true ? followUp : undefined;
  return (
    <section aria-labelledby="practice-phase-title">
      <h2 id="practice-phase-title" ref={headingRef} tabIndex={-1} className="practice-phase-title">
        {question.drill !== undefined
          ? "Key points you covered"
          : answeredFollowUp
            ? "How your follow-up reads"
            : "How your answer reads"}
      </h2>
      {question.drill !== undefined ? (
        <DrillReview step={question} feedback={question.drill} />
      ) : answeredFollowUp ? (
        <>
          <p className="practice-followup-question">“{answeredFollowUp.questionText}”</p>
          <StepReview step={answeredFollowUp} role={session.role} />
        </>
      ) : (
        <>
          <p className="practice-followup-question" data-testid="reviewed-question">
            “{stepLabel(question)}”
          </p>
          <StepReview step={question} role={session.role} />
        </>
      )}
      <section className="card practice-rate" aria-labelledby="rate-title">
        <h3 id="rate-title" className="card-title">
          {/* A question that ends in its own "?" takes no second one after the quote. */}
          How well did you know “{stepLabel(question)}”{/[?？]$/.test(stepLabel(question).trim()) ? "" : "?"}
        </h3>
        <p className="muted">Your rating decides when this question comes back.</p>
        <div className="practice-rate-buttons">
          {RATINGS.map((r) => (
            <button
              key={r.rating}
              type="button"
              className={`button practice-rate-${r.rating}`}
              disabled={busy}
              onClick={() => void rate(r.rating)}
              aria-keyshortcuts={r.key}
            >
              <span>
                <kbd>{r.key}</kbd> {r.label}
              </span>
              <span className="option-detail">{r.detail}</span>
            </button>
          ))}
        </div>
      </section>
    </section>
  );
}
