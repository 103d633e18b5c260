import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { Competency, RoleId, StarPart } from "../../../src/core/model.ts";
import { stripMarkup, withoutBlanks } from "../../../src/core/packaging/text.ts";
import {
  api,
  type DocumentSummary,
  type Draft,
  describeError,
  type Ranking,
  type StoredStory,
} from "../api.ts";
import { Blanks } from "../components/Blanks.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HeldButton } from "../components/HeldButton.tsx";
import { RiskLens } from "../components/RiskLens.tsx";
import { RoleSelect } from "../components/RoleSelect.tsx";
import { SampleLeftOut } from "../components/SampleLeftOut.tsx";
import { SaveVariantForm } from "../components/SaveVariantForm.tsx";
import { formatDuration } from "../library.ts";
import { route } from "../links.ts";
import { COMPETENCY_NAMES } from "../names.ts";
import { navigate, useLeaveGuard } from "../route.ts";
import { currentDocument, newAnswerDraftKey, saveDraft } from "../storage.ts";
import { roleIdOf, useAnalysis } from "../use-analysis.ts";
import { useLoad } from "../use-load.ts";
import { useSampleItemIds } from "../use-sample-items.ts";
import { ownStoriesFirst } from "./StoriesPage.tsx";

// From 20 s, as the CLI and the API take: a reply to a follow-up runs 20–45 s (before, the least was 45 s).
const BUDGETS = [20, 30, 45, 60, 90, 120, 180] as const;

/** A question to start from, by the competency a story serves first. */
const QUESTION_FOR: Partial<Record<Competency, string>> = {
  "technical-challenge": "Tell me about the hardest technical problem you solved.",
  "mistake-failure": "Tell me about a time you made a mistake.",
  conflict: "Tell me about a disagreement with a colleague.",
  "leadership-influence": "Tell me about a time you led without authority.",
  ambiguity: "Tell me about a time the requirements were unclear.",
  "prioritization-deadline": "Tell me about a time you had to meet a tight deadline.",
  feedback: "Tell me about a time you received difficult feedback.",
  teamwork: "Tell me about a time you helped your team succeed.",
  "customer-focus": "Tell me about a time you went out of your way for a user.",
  "learning-growth": "Tell me about a time you had to learn something fast.",
  "ownership-initiative": "Tell me about a time you took ownership of a problem.",
  "ml-engineering": "Tell me about a model you took to production.",
};
const DEFAULT_QUESTION = "Tell me about a project you are proud of.";

function questionFor(story: StoredStory | undefined): string {
  const competency = story?.competencies.find((c) => QUESTION_FOR[c] !== undefined);
  return (competency === undefined ? undefined : QUESTION_FOR[competency]) ?? DEFAULT_QUESTION;
}

const PART_NAMES: Record<StarPart, string> = {
  situation: "situation",
  task: "task",
  action: "action",
  result: "result",
  lesson: "lesson",
};

/** Compose (#/compose/:storyId): a story, a question, a role and a budget → a draft in the user's words. */
export function ComposePage({
  storyId,
  documents,
}: {
  storyId?: string;
  documents: DocumentSummary[] | null;
}) {
  const { result, reload } = useLoad("stories", api.listStories);
  useEffect(() => {
    document.title = "Compose · derisk";
  }, []);
  const targetRole = currentDocument(documents)?.targetRole;
  const sampleItemIds = useSampleItemIds(documents);
  return (
    <div className="page page-compose">
      <header className="page-header">
        <h1>Compose an answer</h1>
        <p className="lede">
          Pick a story and the question: derisk drafts the answer from your own sentences, told in the order
          it happened, picked for the role and trimmed to the time, and leaves a visible blank wherever a part
          is missing.
        </p>
      </header>
      {result.state === "loading" && <div className="skeleton skeleton-block" aria-busy="true" />}
      {result.state === "error" && (
        <ErrorMessage title="Couldn't load your stories" error={result.error} onRetry={reload} />
      )}
      {result.state === "ready" && result.data.length === 0 && (
        <EmptyState icon="book" title="Compose needs a story">
          {documents !== null && documents.length === 0 ? (
            // An empty bank has no document to make stories from: the first step is the import.
            <>
              <p className="muted">
                Import your prep document to make stories from its STAR answers, or write one from scratch on
                the Stories page, then come back.
              </p>
              <a className="button button-primary" href="#/">
                Import a document
              </a>
            </>
          ) : (
            <>
              <p className="muted">Make stories from your document, or write one, then come back.</p>
              <a className="button button-primary" href={route.stories()}>
                Go to your stories
              </a>
            </>
          )}
        </EmptyState>
      )}
      {result.state === "ready" && result.data.length > 0 && (
        <Composer
          stories={result.data}
          sampleItemIds={sampleItemIds}
          storyId={storyId}
          defaultRole={roleIdOf(targetRole) ?? "ml-engineer"}
        />
      )}
    </div>
  );
}

function Composer({
  stories: loaded,
  sampleItemIds,
  storyId,
  defaultRole,
}: {
  stories: StoredStory[];
  sampleItemIds: ReadonlySet<string>;
  storyId: string | undefined;
  defaultRole: RoleId;
}) {
  // The candidate's own stories first, those drawn from the sample apart under their own heading:
  // two stories of the same question ("Tell me about a time you made a mistake…") read the same.
  const ordered = ownStoriesFirst(loaded, sampleItemIds);
  const stories = ordered.map((entry) => entry.story);
  const own = ordered.filter((entry) => !entry.fromSample).map((entry) => entry.story);
  const fromSample = ordered.filter((entry) => entry.fromSample).map((entry) => entry.story);
  const story = stories.find((s) => s.id === storyId) ?? stories[0];
  const [question, setQuestion] = useState(() => questionFor(story));
  const [role, setRole] = useState<RoleId | undefined>(defaultRole);
  // The stories can come before the document list (a first visit): the role the document targets
  // is taken when the list comes, unless the user chose one meanwhile.
  const roleChosen = useRef(false);
  useEffect(() => {
    if (!roleChosen.current) setRole(defaultRole);
  }, [defaultRole]);
  const chooseRole = (next: RoleId | undefined): void => {
    roleChosen.current = true;
    setRole(next);
  };
  const [budget, setBudget] = useState(90);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [ranking, setRanking] = useState<(Ranking & { sampleLeftOut?: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  // Whether the working copy below holds edits not saved as a variant (a new draft replaces it).
  const workingEdited = useRef(false);
  const onEdited = useCallback((edited: boolean) => {
    workingEdited.current = edited;
  }, []);
  // Another story: the draft on screen no longer belongs to it.
  const shownStory = story?.id;
  useEffect(() => {
    if (shownStory !== undefined) setDraft(null);
  }, [shownStory]);
  const storyFieldId = useId();
  const questionId = useId();
  const budgetId = useId();

  // `whole`: the whole story, where the draft was its shortest telling and still ran over.
  async function compose(whole = false): Promise<void> {
    if (story === undefined) return;
    if (workingEdited.current && !window.confirm(REPLACE_WORKING_COPY)) return;
    setBusy(true);
    setError(null);
    try {
      setDraft(
        await api.compose({
          storyId: story.id,
          question,
          budgetSeconds: budget,
          ...(role === undefined ? {} : { role }),
          ...(whole ? { whole: true } : {}),
        }),
      );
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function findStories(): Promise<void> {
    setError(null);
    try {
      setRanking(await api.match(question, role));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <>
      <form
        className="compose-form card"
        onSubmit={(event) => {
          event.preventDefault();
          void compose();
        }}
      >
        <div className="field field-wide">
          <label htmlFor={storyFieldId} className="field-label">
            Story
          </label>
          <select
            id={storyFieldId}
            className="select"
            value={story?.id ?? ""}
            onChange={(event) =>
              navigate({ page: "compose", storyId: event.target.value }, { replace: true })
            }
          >
            {fromSample.length === 0 || own.length === 0 ? (
              stories.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))
            ) : (
              <>
                <optgroup label="Your stories">
                  {own.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="From the sample document">
                  {fromSample.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={questionId} className="field-label">
            Question
          </label>
          <input
            id={questionId}
            className="input"
            value={question}
            required
            onChange={(event) => {
              setQuestion(event.target.value);
              setRanking(null);
            }}
          />
          <button
            type="button"
            className="link-button match-button"
            disabled={question.trim() === ""}
            onClick={() => void findStories()}
          >
            Which of my stories fits this question best?
          </button>
          {ranking !== null && (
            <StoryRanking ranking={ranking} currentId={story?.id} onPick={() => setRanking(null)} />
          )}
        </div>
        <div className="form-row">
          <RoleSelect label="Role" value={role} onChange={chooseRole} />
          <div className="field field-inline">
            <label htmlFor={budgetId} className="field-label">
              Time budget
            </label>
            <select
              id={budgetId}
              className="select"
              value={budget}
              onChange={(event) => setBudget(Number(event.target.value))}
            >
              {BUDGETS.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {formatDuration(seconds)}
                </option>
              ))}
            </select>
          </div>
          <HeldButton type="submit" className="button button-primary compose-submit" held={busy}>
            {busy ? "Composing…" : "Compose the draft"}
          </HeldButton>
        </div>
      </form>
      {error !== null && <ErrorMessage title="Couldn't compose a draft" error={error} />}
      {draft !== null && (
        <DraftView
          key={draft.text}
          draft={draft}
          role={role}
          fromAnswer={story?.sourceItemId !== undefined}
          onEdited={onEdited}
          onWhole={() => void compose(true)}
          busy={busy}
        />
      )}
    </>
  );
}

function StoryRanking({
  ranking,
  currentId,
  onPick,
}: {
  ranking: Ranking & { sampleLeftOut?: string };
  currentId: string | undefined;
  onPick: () => void;
}) {
  if (ranking.results.length === 0)
    return (
      <>
        <p className="muted ranking-empty">None of your stories matches this question yet.</p>
        <SampleLeftOut note={ranking.sampleLeftOut} />
      </>
    );
  return (
    <section className="ranking" aria-label="Stories ranked for this question">
      <p className="ranking-title">
        Reads as <strong>{COMPETENCY_NAMES[ranking.competency]}</strong>. Best stories:
      </p>
      <ol className="ranking-list">
        {ranking.results.slice(0, 3).map((ranked) => (
          <li key={ranked.storyId} className="ranking-item">
            <span className="ranking-name">{ranked.title}</span>
            {ranked.reasons.length > 0 && (
              <span className="muted ranking-reasons">{ranked.reasons.slice(0, 2).join(" · ")}</span>
            )}
            {ranked.storyId === currentId ? (
              <span className="tag tag-covered">selected</span>
            ) : (
              <a className="link-button" href={route.compose(ranked.storyId)} onClick={onPick}>
                Use this story
              </a>
            )}
          </li>
        ))}
      </ol>
      <SampleLeftOut note={ranking.sampleLeftOut} />
    </section>
  );
}

const REPLACE_WORKING_COPY =
  "Your working copy has edits that are not saved as a variant. Compose a new draft and replace them?";
const LEAVE_WORKING_COPY =
  "Your working copy has edits that are not saved as a variant. Leave anyway? (Save variant or Copy the text keeps them.)";

function DraftView({
  draft,
  role,
  fromAnswer,
  onEdited,
  onWhole,
  busy,
}: {
  draft: Draft;
  role: RoleId | undefined;
  /** The story was drawn from an answer of a document (not written in Stories). */
  fromAnswer: boolean;
  /** Whether the working copy now holds edits that would be lost. */
  onEdited: (edited: boolean) => void;
  /** Composes the whole story again, where the draft is its shortest telling (draft.wholeSeconds). */
  onWhole: () => void;
  busy: boolean;
}) {
  const [composed] = useState(() => stripMarkup(draft.text));
  const [text, setText] = useState(composed);
  const [copied, setCopied] = useState(false);
  const [keptText, setKeptText] = useState<string | null>(null);
  // Edits are at stake until saved as a variant or copied out.
  const edited = text !== composed && text !== keptText;
  const release = useLeaveGuard(edited, LEAVE_WORKING_COPY);
  useEffect(() => {
    onEdited(edited);
  }, [edited, onEdited]);
  useEffect(() => () => onEdited(false), [onEdited]);
  const blanksLeft = text.match(/\[[^\]]+\]/g)?.length ?? 0;
  const workingId = useId();
  // The draft's own sentences keep the part the story filed them under (the tints above): read
  // without the STAR headings, the lens would guess them again and could call the result or the
  // lesson missing beside the sentence tinted as it. A sentence the user rewrites is read afresh.
  const parts = useMemo(
    () =>
      draft.sentences
        .filter((sentence) => sentence.origin.from === "story")
        .map((sentence) => ({ text: stripMarkup(sentence.text), part: sentence.part })),
    [draft],
  );
  // The lens reads what can be said today: a blank is neither a lesson nor time.
  const analysis = useAnalysis(withoutBlanks(text), {
    question: draft.question,
    budgetSeconds: draft.budgetSeconds,
    parts,
    ...(role === undefined ? {} : { role }),
  });
  const over = draft.seconds > draft.budgetSeconds;
  return (
    <div className="compose-layout">
      <div className="compose-main">
        <section className="card draft-card" aria-labelledby="draft-title">
          <header className="draft-header">
            <h2 id="draft-title" className="card-title">
              Draft
            </h2>
            <p className={`muted draft-meta${over ? " over-budget" : ""}`}>
              {draft.words} words · ≈ {formatDuration(draft.seconds)} of {formatDuration(draft.budgetSeconds)}
            </p>
          </header>
          <p className="draft-text" data-testid="draft-text">
            {draft.sentences.map((sentence, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a draft's sentences are fixed once composed.
              <span key={index}>
                {index > 0 && " "}
                {sentence.origin.from === "story" ? (
                  <span className={`tint tint-${sentence.part}`}>
                    <span className="visually-hidden">(your {PART_NAMES[sentence.part]}) </span>
                    {stripMarkup(sentence.text)}
                  </span>
                ) : (
                  <span className="draft-template">
                    <span className="visually-hidden">(suggested line, fill the blank) </span>
                    <Blanks text={sentence.text} />
                  </span>
                )}
              </span>
            ))}
          </p>
          <ul className="draft-legend" aria-label="Legend">
            <li>
              <span className="legend-swatch tint tint-action" aria-hidden="true" />
              Your sentence, tinted by STAR part
            </li>
            <li>
              <span className="legend-swatch draft-template" aria-hidden="true" />
              Suggested line
            </li>
            <li>
              <mark className="blank">[blank]</mark> still to fill
            </li>
          </ul>
          {draft.blanks.length > 0 && (
            <p className="draft-blanks" data-testid="draft-blanks">
              {draft.blanks.length} blank{draft.blanks.length === 1 ? "" : "s"} to fill:{" "}
              {draft.blanks.map((blank) => (
                <mark key={blank} className="blank">
                  {blank}
                </mark>
              ))}
            </p>
          )}
          {draft.trimmed.length > 0 && (
            <details className="draft-trimmed">
              <summary>
                {draft.trimmed.length} sentence{draft.trimmed.length === 1 ? "" : "s"} left out to fit the
                budget
              </summary>
              <ul>
                {draft.trimmed.map((sentence) => (
                  <li key={`${sentence.field}-${sentence.index}-${sentence.sentence}`}>
                    {stripMarkup(sentence.text)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {draft.warnings.map((warning) => (
            <p key={warning} className="callout callout-info">
              {warning}
            </p>
          ))}
          {/* Even the shortest telling runs over: the whole story is one step away. */}
          {draft.wholeSeconds !== undefined && (
            <p>
              <button type="button" className="button button-small" disabled={busy} onClick={onWhole}>
                Show the whole story (≈ {formatDuration(draft.wholeSeconds)})
              </button>
            </p>
          )}
        </section>
        <section className="card working-card" aria-labelledby={workingId}>
          <h2 id={workingId} className="card-title">
            Your working copy
          </h2>
          <p className="muted">Fill the blanks and rework the wording; the risk lens follows as you type.</p>
          <textarea
            dir="auto"
            className="textarea working-text"
            aria-labelledby={workingId}
            rows={10}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setCopied(false);
            }}
          />
          <div className="working-footer">
            <span className="muted" role="status">
              {blanksLeft === 0
                ? "No blanks left."
                : `${blanksLeft} blank${blanksLeft === 1 ? "" : "s"} left to fill.`}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                void navigator.clipboard.writeText(text).then(
                  () => {
                    setCopied(true);
                    setKeptText(text);
                  },
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy the text"}
            </button>
          </div>
          {/* A variant of the question the draft answers (the server matched it), never of
              another question the story was drawn from. */}
          {draft.variantOf !== undefined ? (
            <SaveVariant sourceItemId={draft.variantOf} text={text} onSaved={setKeptText} />
          ) : (
            <div className="save-variant">
              <p className="muted">
                {fromAnswer
                  ? "No question of the story's document asks this one, so the draft is not a variant of any of them. Take the working copy to a new answer to the question above."
                  : "This story was written in Stories, not drawn from an answer: there is no question to save a variant under. Take the working copy to a new answer to the question above."}
              </p>
              <button
                type="button"
                className="button button-primary button-small"
                disabled={text.trim() === ""}
                onClick={() => {
                  // The new-answer page opens on its draft: the working copy goes there, nothing is left.
                  saveDraft(newAnswerDraftKey(draft.question), {
                    text,
                    baseVersion: 0,
                    savedAt: new Date().toISOString(),
                  });
                  release();
                  navigate({ page: "new-answer", question: draft.question });
                }}
              >
                Save as a new answer
              </button>
            </div>
          )}
        </section>
      </div>
      <RiskLens state={analysis} title="Risk lens of the draft" />
    </div>
  );
}

/**
 * Saves the working copy as a new variant of the question the draft answers (the answer
 * `sourceItemId` names), so it sits beside the other variants in the library (and in every export).
 */
function SaveVariant({
  sourceItemId,
  text,
  onSaved,
}: {
  sourceItemId: string;
  text: string;
  onSaved: (text: string) => void;
}) {
  const { result: source } = useLoad(sourceItemId, () => api.getItem(sourceItemId));
  if (source.state !== "ready" || source.data.kind !== "answer") return null;
  return (
    <SaveVariantForm
      target={source.data}
      text={text}
      source="composed"
      defaultLabel="composed"
      onSaved={onSaved}
    />
  );
}
