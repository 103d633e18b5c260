import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { concernQuotes } from "../../../src/core/packaging/concern-quotes.ts";
import { stripMarkup } from "../../../src/core/packaging/text.ts";
import { api, type DocumentSummary, describeError, type LinkedFollowUp } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HeldButton } from "../components/HeldButton.tsx";
import { Icon } from "../components/Icon.tsx";
import { SampleLeftOut } from "../components/SampleLeftOut.tsx";
import { route } from "../links.ts";
import { useLeaveGuard } from "../route.ts";
import { roleIdOf } from "../use-analysis.ts";
import { useLoad } from "../use-load.ts";
import { AnswerContext, ItemLoadState, isAnswerLike, useAnswerItem } from "./ReanglePage.tsx";

/** Follow-ups (#/followups/:itemId): what they'll ask next and why, prepared or a gap; concerns to defuse. */
export function FollowUpsPage({
  itemId,
  documents,
  documentsError,
}: {
  itemId: string;
  documents: DocumentSummary[] | null;
  documentsError: { code: string; message: string } | null;
}) {
  const { result, reload } = useAnswerItem(itemId);
  useEffect(() => {
    document.title = "Follow-ups · derisk";
  }, []);
  const item = result.state === "ready" && isAnswerLike(result.data) ? result.data : null;
  return (
    <div className="page page-followups">
      {item === null ? (
        <ItemLoadState result={result} reload={reload} />
      ) : (
        <>
          <AnswerContext item={item} title="Follow-ups and concerns" />
          {/* The predictions depend on the document's target role: drawn before the document list
              arrived, they were drawn again for the role, and a "Prepare this" form opened and
              typed into in between was closed with its text. They wait for the list (or its
              failure, then drawn without a role). */}
          {documents === null && documentsError === null ? (
            <div className="skeleton skeleton-block" aria-busy="true" />
          ) : (
            <Predictions
              itemId={item.id}
              role={roleIdOf(documents?.find((doc) => doc.id === item.documentId)?.targetRole)}
              documentId={item.documentId}
              documents={documents}
              canPrepare={item.kind === "answer"}
            />
          )}
        </>
      )}
    </div>
  );
}

function Predictions({
  itemId,
  role,
  documentId,
  documents,
  canPrepare,
}: {
  itemId: string;
  role: ReturnType<typeof roleIdOf>;
  documentId: string;
  documents: DocumentSummary[] | null;
  canPrepare: boolean;
}) {
  const { result, reload } = useLoad(`followups:${itemId}:${role ?? ""}`, () => api.followUps(itemId, role));
  // The follow-up whose answer was just saved: once the list shows it prepared, the keyboard focus
  // moves to the link to that answer (the form it was in is gone, and with it the focus).
  const [justPrepared, setJustPrepared] = useState<string | null>(null);
  if (result.state === "loading") return <div className="skeleton skeleton-block" aria-busy="true" />;
  if (result.state === "error")
    return <ErrorMessage title="Couldn't predict the follow-ups" error={result.error} onRetry={reload} />;
  const { followUps, concerns, sampleLeftOut } = result.data;
  const gaps = followUps.filter((f) => f.gap).length;
  return (
    <>
      <SampleLeftOut note={sampleLeftOut} />
      <p className="coverage-summary" data-testid="followups-summary">
        <strong>{followUps.length}</strong> predicted follow-up{followUps.length === 1 ? "" : "s"} ·{" "}
        <strong>{followUps.length - gaps}</strong> prepared · <strong>{gaps}</strong> gap
        {gaps === 1 ? "" : "s"}
      </p>
      <h2 className="section-title">
        Predicted follow-ups <span className="count">{followUps.length}</span>
      </h2>
      {followUps.length === 0 && (
        <p className="muted">Nothing in this answer invites an obvious follow-up.</p>
      )}
      <ol className="prediction-list">
        {followUps.map((followUp) => (
          <li
            // Two predictions may share a trigger and a sentence; their questions tell them apart.
            key={`${followUp.triggerId}-${followUp.sentence.index}-${followUp.trigger}-${followUp.question}`}
            className="prediction card"
          >
            <p className="prediction-question">{followUp.question}</p>
            {followUp.trigger !== "" && (
              <p className="prediction-trigger">
                <span className="pointer-label">Because you said</span>{" "}
                <q>
                  <Highlighted sentence={stripMarkup(followUp.sentence.text)} phrases={[followUp.trigger]} />
                </q>
              </p>
            )}
            <p className="muted prediction-reason">{followUp.reason}</p>
            <Prepared
              followUp={followUp}
              elsewhere={
                followUp.preparedDocumentId !== undefined && followUp.preparedDocumentId !== documentId
                  ? (documents?.find((doc) => doc.id === followUp.preparedDocumentId)?.title ??
                    "another document")
                  : undefined
              }
              prepare={
                canPrepare
                  ? {
                      itemId,
                      onSaved: () => {
                        setJustPrepared(followUp.question);
                        reload();
                      },
                    }
                  : undefined
              }
              focusPrepared={justPrepared === followUp.question}
            />
          </li>
        ))}
      </ol>
      {/* The page is "Follow-ups and concerns": no concern is said, not left to be guessed. */}
      {concerns.length === 0 && (
        <>
          <h2 className="section-title">
            Concerns it may raise <span className="count">0</span>
          </h2>
          <p className="muted" data-testid="no-concern">
            Nothing in this answer triggers a concern such as “too academic” or “lone wolf”.
          </p>
        </>
      )}
      {concerns.length > 0 && (
        <>
          <h2 className="section-title">
            Concerns it may raise <span className="count">{concerns.length}</span>
          </h2>
          <ul className="prediction-list">
            {concerns.map((concern) => (
              <li key={concern.id} className="prediction card concern-card">
                <p className="concern-judgement">
                  <Icon name="alert" />
                  <span>
                    They may think <q>{concern.judgement}</q>
                  </span>
                </p>
                {concernQuotes(concern)
                  .slice(0, 2)
                  .map((quote) => (
                    <p key={quote.index} className="prediction-trigger">
                      <span className="pointer-label">Because you said</span>{" "}
                      <q>
                        <Highlighted sentence={quote.sentence} phrases={quote.phrases} />
                      </q>
                    </p>
                  ))}
                <p className="muted">{concern.why}</p>
                <p>
                  <strong>Reframe:</strong> {concern.reframe}
                </p>
                {concern.reframes.length > 0 && (
                  <ul className="reframes">
                    {concern.reframes.map((line) => (
                      <li key={line} className="reframe">
                        {line}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Prepared({
  followUp,
  elsewhere,
  prepare,
  focusPrepared = false,
}: {
  followUp: LinkedFollowUp;
  /** The title of the other document that holds the prepared answer. */
  elsewhere: string | undefined;
  prepare: { itemId: string; onSaved: () => void } | undefined;
  /** Move the focus to the link to the prepared answer when it shows (it was just written here). */
  focusPrepared?: boolean;
}) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focusPrepared && followUp.preparedItemId !== undefined) link.current?.focus();
  }, [focusPrepared, followUp.preparedItemId]);
  if (followUp.answeredIn !== undefined && followUp.preparedItemId === undefined) {
    // The answer already says it (its lesson answers "what would you do differently?").
    return (
      <div className="prediction-status is-prepared" data-testid="answered-in-answer">
        <p>
          <span className="tag tag-covered">
            <Icon name="check" size={14} /> answered
          </span>{" "}
          This answer already says it:
        </p>
        <p className="prepared-answer">{stripMarkup(followUp.answeredIn.text)}</p>
      </div>
    );
  }
  if (followUp.gap || followUp.preparedItemId === undefined) {
    return (
      <div className="prediction-status is-gap">
        <p>
          <span className="tag tag-gap">gap</span> Nothing in your bank answers it yet.
        </p>
        {prepare && <PrepareForm question={followUp.question} {...prepare} />}
      </div>
    );
  }
  const other = followUp.preparedQuestion !== undefined && followUp.preparedQuestion !== followUp.question;
  return (
    <div className="prediction-status is-prepared">
      <p>
        <span className="tag tag-covered">
          <Icon name="check" size={14} /> prepared
        </span>{" "}
        <a ref={link} href={route.edit(followUp.preparedItemId)}>
          {followUp.preparedKind === "answer" ? "Your answer" : "Your prepared answer"}
          {other ? <> to “{followUp.preparedQuestion}”</> : null}
        </a>
        {elsewhere !== undefined && <span className="muted"> in {elsewhere}</span>}
      </p>
      {followUp.preparedAnswer !== undefined && (
        <p className="prepared-answer">{stripMarkup(followUp.preparedAnswer)}</p>
      )}
    </div>
  );
}

/** "Prepare this": the user writes what they would say; it is saved under the answer's question. */
function PrepareForm({
  question,
  itemId,
  onSaved,
}: {
  question: string;
  itemId: string;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const fieldId = useId();
  // Cancel closes the form the focus was in: it goes back to the "Prepare this" button.
  const opener = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => {
    if (open || !cancelled) return;
    opener.current?.focus();
    setCancelled(false);
  }, [open, cancelled]);
  const release = useLeaveGuard(
    open && text.trim() !== "",
    "Your answer to this follow-up is not saved yet. Leave this page anyway? What you wrote will be lost.",
  );
  if (!open) {
    return (
      <button ref={opener} type="button" className="link-button prepare-open" onClick={() => setOpen(true)}>
        <Icon name="edit" size={15} />
        Prepare this<span className="visually-hidden">: “{question}”</span>
      </button>
    );
  }
  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.prepareFollowUp(itemId, question, text);
      release();
      setText("");
      setOpen(false);
      setBusy(false);
      onSaved();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }
  return (
    <form className="prepare-form" onSubmit={(event) => void save(event)}>
      <label htmlFor={fieldId}>Your answer to “{question}”</label>
      <textarea
        dir="auto"
        id={fieldId}
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to write this answer.
        autoFocus
      />
      <div className="prepare-actions">
        <HeldButton type="submit" className="button" held={busy || text.trim() === ""}>
          {busy ? "Saving…" : "Save under this question"}
        </HeldButton>
        <HeldButton
          className="link-button"
          held={busy}
          onClick={() => {
            setOpen(false);
            setCancelled(true);
          }}
        >
          Cancel
        </HeldButton>
      </div>
      {error !== null && <ErrorMessage title="Couldn't save this answer" error={error} />}
    </form>
  );
}

/** The sentence with the phrases that trigger the question or concern marked. */
function Highlighted({ sentence, phrases }: { sentence: string; phrases: readonly string[] }) {
  const lower = sentence.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (;;) {
    // The earliest phrase from here on; phrases the markup-free sentence no longer holds are skipped.
    let at = -1;
    let length = 0;
    for (const phrase of phrases) {
      const found = phrase === "" ? -1 : lower.indexOf(phrase.toLowerCase(), from);
      if (found >= 0 && (at < 0 || found < at)) {
        at = found;
        length = phrase.length;
      }
    }
    if (at < 0) break;
    parts.push(sentence.slice(from, at));
    parts.push(
      <mark key={at} className="trigger">
        {sentence.slice(at, at + length)}
      </mark>,
    );
    from = at + length;
  }
  parts.push(sentence.slice(from));
  return <>{parts}</>;
}
