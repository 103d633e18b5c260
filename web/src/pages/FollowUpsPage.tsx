import { useEffect } from "react";
import { api, type DocumentSummary, type LinkedFollowUp } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { route } from "../links.ts";
import { roleIdOf } from "../use-analysis.ts";
import { useLoad } from "../use-load.ts";
import { AnswerContext, ItemLoadState, isAnswerLike, useAnswerItem } from "./ReanglePage.tsx";

/** Follow-ups (#/followups/:itemId): what they'll ask next and why, prepared or a gap; concerns to defuse. */
export function FollowUpsPage({
  itemId,
  documents,
}: {
  itemId: string;
  documents: DocumentSummary[] | null;
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
          <Predictions
            itemId={item.id}
            role={roleIdOf(documents?.find((doc) => doc.id === item.documentId)?.targetRole)}
          />
        </>
      )}
    </div>
  );
}

function Predictions({ itemId, role }: { itemId: string; role: ReturnType<typeof roleIdOf> }) {
  const { result, reload } = useLoad(`followups:${itemId}:${role ?? ""}`, () => api.followUps(itemId, role));
  if (result.state === "loading") return <div className="skeleton skeleton-block" aria-busy="true" />;
  if (result.state === "error")
    return <ErrorMessage title="Couldn't predict the follow-ups" error={result.error} onRetry={reload} />;
  const { followUps, concerns } = result.data;
  const gaps = followUps.filter((f) => f.gap).length;
  return (
    <>
      <p className="coverage-summary" data-testid="followups-summary">
        <strong>{followUps.length}</strong> likely follow-up{followUps.length === 1 ? "" : "s"} ·{" "}
        <strong>{followUps.length - gaps}</strong> prepared · <strong>{gaps}</strong> gap
        {gaps === 1 ? "" : "s"}
      </p>
      <h2 className="section-title">
        They’ll likely ask <span className="count">{followUps.length}</span>
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
            <p className="prediction-trigger">
              <span className="pointer-label">Because you said</span>{" "}
              <q>
                <Highlighted sentence={followUp.sentence.text} phrase={followUp.trigger} />
              </q>
            </p>
            <p className="muted prediction-reason">{followUp.reason}</p>
            <Prepared followUp={followUp} />
          </li>
        ))}
      </ol>
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
                {concern.triggers.slice(0, 2).map((trigger) => (
                  <p key={`${trigger.index}-${trigger.phrase}`} className="prediction-trigger">
                    <span className="pointer-label">Because you said</span>{" "}
                    <q>
                      <Highlighted sentence={trigger.sentence} phrase={trigger.phrase} />
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

function Prepared({ followUp }: { followUp: LinkedFollowUp }) {
  if (followUp.gap || followUp.preparedItemId === undefined) {
    return (
      <p className="prediction-status is-gap">
        <span className="tag tag-gap">gap</span> Prepare this: nothing in your bank answers it yet.
      </p>
    );
  }
  return (
    <div className="prediction-status is-prepared">
      <p>
        <span className="tag tag-covered">
          <Icon name="check" size={14} /> prepared
        </span>{" "}
        <a href={route.edit(followUp.preparedItemId)}>Your prepared answer</a>
      </p>
      {followUp.preparedAnswer !== undefined && <p className="prepared-answer">{followUp.preparedAnswer}</p>}
    </div>
  );
}

/** The sentence with the phrase that triggers the question marked. */
function Highlighted({ sentence, phrase }: { sentence: string; phrase: string }) {
  const at = sentence.toLowerCase().indexOf(phrase.toLowerCase());
  if (phrase === "" || at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark className="trigger">{sentence.slice(at, at + phrase.length)}</mark>
      {sentence.slice(at + phrase.length)}
    </>
  );
}
