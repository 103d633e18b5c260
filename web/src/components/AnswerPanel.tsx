import { type KeyboardEvent, useRef, useState } from "react";
import { answerText } from "../../../src/core/answer-text.ts";
import type { AnswerScoreReading } from "../../../src/core/attempt-score.ts";
import { remarkToShow } from "../../../src/core/markdown/patterns.ts";
import type { RoleId } from "../../../src/core/model.ts";
import { tellsEpisode } from "../../../src/core/packaging/episode.ts";
import { withoutPartLabels } from "../../../src/core/words.ts";
import { api, describeError } from "../api.ts";
import {
  type AnswerEntry,
  countWords,
  formatDuration,
  type QuestionGroup,
  speakingSeconds,
  WORDS_PER_MINUTE,
} from "../library.ts";
import { route } from "../links.ts";
import { plural } from "../report.ts";
import { navigate } from "../route.ts";
import { loadDraft } from "../storage.ts";
import { type AnalysisState, useAnalysis } from "../use-analysis.ts";
import { AnswerBody } from "./AnswerBody.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Concerns, FollowUps } from "./FollowUps.tsx";
import { Icon } from "./Icon.tsx";
import { PracticeButton } from "./PracticeButton.tsx";
import { AnswerScore } from "./QuestionList.tsx";
import { RiskLens } from "./RiskLens.tsx";
import { TextBlock } from "./TextBlock.tsx";
import { TintedText } from "./TintedText.tsx";
import { VariantComparison } from "./VariantComparison.tsx";

interface Props {
  documentId: string;
  group: QuestionGroup;
  variant: AnswerEntry;
  sectionTitle: string | null;
  role: RoleId | undefined;
  onSelectVariant: (variant: AnswerEntry) => void;
  /** The analyzer's score of each answer, by id, once known (shown on the variant tabs). */
  scores?: ReadonlyMap<string, AnswerScoreReading>;
}

/** One question: its variants as tabs, the selected answer, then what they'll ask and what to avoid. */
export function AnswerPanel({
  documentId,
  group,
  variant,
  sectionTitle,
  role,
  onSelectVariant,
  scores,
}: Props) {
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [tinted, setTinted] = useState(false);
  const [comparing, setComparing] = useState(false);
  const analysis = useAnalysis(answerText(variant), {
    question: group.question,
    ...(role === undefined ? {} : { role }),
    ...(variant.budgetSeconds === undefined ? {} : { budgetSeconds: variant.budgetSeconds }),
  });
  const ready = analysis.state === "ready" ? analysis.analysis : null;
  // Drafts live in this browser only; reading one is cheap and shows work the user has not lost.
  const stored = loadDraft(variant.id);
  const draft = stored !== null && stored.text !== answerText(variant) ? stored : null;
  const panelId = `answer-panel-${variant.id}`;
  const remark = remarkToShow(variant.remark);
  const words = countWords(withoutPartLabels(variant.text));
  const seconds = speakingSeconds(withoutPartLabels(variant.text));
  const overBudget = variant.budgetSeconds !== undefined && seconds > variant.budgetSeconds;

  // Arrow keys move between tabs, as in every tab strip (WAI-ARIA tabs pattern).
  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const count = group.variants.length;
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % count;
    if (event.key === "ArrowLeft") next = (index - 1 + count) % count;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = count - 1;
    const target = next === null ? undefined : group.variants[next];
    if (next === null || target === undefined) return;
    event.preventDefault();
    onSelectVariant(target);
    tabRefs.current[next]?.focus();
  }

  return (
    <article className="answer-panel" aria-labelledby="answer-question">
      <a className="back-link" href={route.library(documentId)}>
        <Icon name="back" size={16} />
        All questions
      </a>
      <header className="answer-header">
        <p className="eyebrow">
          {group.number !== undefined && <span className="question-number">{group.number}</span>}
          {sectionTitle !== null && <span>{sectionTitle}</span>}
        </p>
        <h2 id="answer-question" className="answer-question">
          {group.question}
        </h2>
      </header>

      {group.variants.length > 1 && (
        <div className="variant-bar">
          <div className="tabs" role="tablist" aria-label="Answer variants">
            {group.variants.map((entry, index) => {
              const selected = entry.id === variant.id;
              return (
                <button
                  key={entry.id}
                  ref={(node) => {
                    tabRefs.current[index] = node;
                  }}
                  type="button"
                  role="tab"
                  id={`tab-${entry.id}`}
                  className="tab"
                  aria-selected={selected}
                  aria-controls={selected ? panelId : undefined}
                  tabIndex={selected ? 0 : -1}
                  onClick={() => onSelectVariant(entry)}
                  onKeyDown={(event) => onTabKeyDown(event, index)}
                >
                  {entry.variant}
                  <AnswerScore score={scores?.get(entry.id)} />
                </button>
              );
            })}
          </div>
          <button
            type="button"
            className="button button-small compare-toggle"
            aria-pressed={comparing}
            onClick={() => setComparing((on) => !on)}
          >
            {comparing ? "Hide comparison" : "Compare side by side"}
          </button>
        </div>
      )}

      {comparing && group.variants.length > 1 && (
        <VariantComparison question={group.question} variants={group.variants} role={role} />
      )}

      {draft !== null && (
        <div className="callout callout-info draft-callout">
          <Icon name="info" />
          <div>
            <p>You have an unsaved draft of this answer from {new Date(draft.savedAt).toLocaleString()}.</p>
            <a className="button button-small" href={route.edit(variant.id)}>
              Continue editing
            </a>
          </div>
        </div>
      )}

      <div
        id={panelId}
        className="answer-card card"
        {...(group.variants.length > 1
          ? { role: "tabpanel", "aria-labelledby": `tab-${variant.id}` }
          : { role: "region", "aria-label": `${variant.variant} answer` })}
      >
        {remark !== undefined && (
          <aside className="remark">
            <span className="remark-label">Lead-in</span>
            <TextBlock className="remark-text" text={remark} />
          </aside>
        )}
        {tinted && ready !== null ? (
          <TintedText text={variant.text} analysis={ready} />
        ) : (
          <AnswerBody answer={variant} />
        )}
        <footer className="answer-meta">
          {group.variants.length === 1 && <span className="chip">{variant.variant}</span>}
          <span className="meta-item">{plural(words, "word", "words")}</span>
          <span className={`meta-item${overBudget ? " over-budget" : ""}`}>
            ≈ {formatDuration(seconds)} at {WORDS_PER_MINUTE} wpm
            {variant.budgetSeconds !== undefined && ` · budget ${formatDuration(variant.budgetSeconds)}`}
          </span>
          <button
            type="button"
            className="button button-small button-quiet tint-toggle"
            aria-pressed={tinted}
            disabled={ready === null}
            onClick={() => setTinted((on) => !on)}
          >
            Tint STAR parts
          </button>
          <a className="button button-small edit-button" href={route.edit(variant.id)} aria-keyshortcuts="e">
            <Icon name="edit" size={16} />
            Edit answer
          </a>
        </footer>
      </div>

      <AnswerTools variant={variant} analysis={analysis} />

      <RiskLens state={analysis} />

      <FollowUps followUps={group.followUps} />
      <Concerns concerns={group.concerns} />
    </article>
  );
}

/** What the user can do with an answer beyond editing it: re-angle it, see what they'll ask, make it a story. */
function AnswerTools({ variant, analysis }: { variant: AnswerEntry; analysis: AnalysisState }) {
  // A story holds one episode: an introduction or a "why" is refused, so it is not offered.
  // The lens classifies the question; until it has (its model loads in a worker, seconds on a
  // slow machine), it is offered only where any question would do (an answer in STAR sections),
  // never on an answer it may refuse; with no lens at all, the server decides.
  const competency = analysis.state === "ready" ? analysis.analysis.competency : undefined;
  const offerStory =
    competency !== undefined
      ? tellsEpisode(variant, competency)
      : tellsEpisode(variant, "about-me") || (analysis.state === "error" && variant.format !== "beats");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  async function makeStory(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { story } = await api.storyFromAnswer(variant.id);
      navigate({ page: "stories", storyId: story.id });
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }
  return (
    <>
      <nav className="answer-tools" aria-label="Work on this answer">
        <PracticeButton id={variant.id} />
        <a className="link-button" href={route.followUps(variant.id)}>
          Follow-ups and concerns
        </a>
        <a className="link-button" href={route.reangle(variant.id)}>
          Re-angle for another role
        </a>
        {offerStory && (
          <button type="button" className="link-button" disabled={busy} onClick={() => void makeStory()}>
            {busy ? "Making a story…" : "Make a story"}
          </button>
        )}
      </nav>
      {error !== null && <ErrorMessage title="Couldn't make a story from this answer" error={error} />}
    </>
  );
}
