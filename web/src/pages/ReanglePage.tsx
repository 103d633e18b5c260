import { useEffect, useRef, useState } from "react";
import { answerText } from "../../../src/core/answer-text.ts";
import type { RoleId } from "../../../src/core/model.ts";
import {
  defaultReangleRoles,
  type ReangleDefault,
  roleInSentence,
} from "../../../src/core/packaging/role-terms.ts";
import { api, type DocumentSummary, describeError, type ReangleResult, type StoredItem } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HeldButton } from "../components/HeldButton.tsx";
import { Icon } from "../components/Icon.tsx";
import { RoleSelect } from "../components/RoleSelect.tsx";
import { SaveVariantForm } from "../components/SaveVariantForm.tsx";
import { route } from "../links.ts";
import { ROLE_NAMES } from "../names.ts";
import { roleIdOf } from "../use-analysis.ts";
import { useLoad } from "../use-load.ts";

type AnswerOrFollowUp = Extract<StoredItem, { kind: "answer" | "follow-up" }>;

/** The header of a page about one stored answer: where it lives and what it answers. */
export function AnswerContext({ item, title }: { item: AnswerOrFollowUp; title: string }) {
  return (
    <>
      <a
        className="back-link back-link-always"
        href={route.library(item.documentId, item.kind === "answer" ? item.id : undefined)}
      >
        <Icon name="back" size={16} />
        Back to the answer
      </a>
      <header className="page-header">
        <p className="eyebrow">{title}</p>
        <h1 className="answer-question">{item.question}</h1>
      </header>
    </>
  );
}

/** Loads a stored answer for the pages that work on one; anything else is explained, not shown blank. */
export function useAnswerItem(itemId: string) {
  return useLoad(`item:${itemId}`, () => api.getItem(itemId));
}

export function ItemLoadState({
  result,
  reload,
}: {
  result: ReturnType<typeof useAnswerItem>["result"];
  reload: () => void;
}) {
  if (result.state === "loading")
    return (
      <div aria-busy="true">
        <p className="visually-hidden" role="status">
          Loading the answer…
        </p>
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-block" />
      </div>
    );
  if (result.state === "error")
    return <ErrorMessage title="Couldn't open this answer" error={result.error} onRetry={reload} />;
  return (
    <ErrorMessage
      title="This item is not an answer"
      error={{ code: "USAGE", message: "Re-angling and follow-ups work on answers and prepared follow-ups." }}
    />
  );
}

export function isAnswerLike(item: StoredItem): item is AnswerOrFollowUp {
  return item.kind === "answer" || item.kind === "follow-up";
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Re-angle (#/reangle/:itemId): the same answer for another role, side by side with what moved. */
export function ReanglePage({ itemId, documents }: { itemId: string; documents: DocumentSummary[] | null }) {
  const { result, reload } = useAnswerItem(itemId);
  useEffect(() => {
    document.title = "Re-angle · derisk";
  }, []);
  const item = result.state === "ready" && isAnswerLike(result.data) ? result.data : null;
  const documentRole = roleIdOf(documents?.find((doc) => doc.id === item?.documentId)?.targetRole);
  // The roles the bank names: its documents' target roles.
  const named = (documents ?? []).map((doc) => roleIdOf(doc.targetRole));
  const start =
    item === null
      ? undefined
      : defaultReangleRoles(
          item.kind === "answer" ? answerText(item) : item.answer,
          documentRole,
          named,
          (role) => ROLE_NAMES[role],
        );
  return (
    <div className="page page-reangle">
      {item === null || start === undefined ? (
        <ItemLoadState result={result} reload={reload} />
      ) : (
        <Reangler key={item.id} item={item} start={start} known={documents !== null} />
      )}
    </div>
  );
}

function Reangler({ item, start, known }: { item: AnswerOrFollowUp; start: ReangleDefault; known: boolean }) {
  const [toRole, setToRole] = useState<RoleId | undefined>(start.toRole);
  const [from, setFrom] = useState<RoleId | undefined>(start.fromRole);
  // The answer can come before the document list (a first visit): the roles are chosen again
  // when the list comes (the role its document targets), unless the user chose one meanwhile.
  const roleChosen = useRef(false);
  useEffect(() => {
    if (roleChosen.current || !known) return;
    setFrom(start.fromRole);
    setToRole(start.toRole);
  }, [known, start.fromRole, start.toRole]);
  const chooseFrom = (next: RoleId | undefined): void => {
    roleChosen.current = true;
    setFrom(next);
  };
  const chooseTo = (next: RoleId | undefined): void => {
    roleChosen.current = true;
    setToRole(next);
  };
  // The result with the role it was re-angled for: choosing another role afterwards does not
  // relabel it (it still says, and saves, the role it was made for until "Re-angle" is pressed).
  const [done, setDone] = useState<{ reangled: ReangleResult; toRole: RoleId } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  // Before the button: the document's own variant that already fits the chosen role better, for
  // the roles it was asked about (a late answer for roles since changed is not shown).
  const [ahead, setAhead] = useState<{
    toRole: RoleId;
    from: RoleId | undefined;
    better: NonNullable<ReangleResult["betterVariant"]>;
  } | null>(null);
  useEffect(() => {
    if (item.kind !== "answer" || toRole === undefined) return;
    let current = true;
    api.betterVariant(item.id, toRole, from).then(
      (better) => {
        if (current) setAhead(better == null ? null : { toRole, from, better });
      },
      // Only a hint: the re-angle itself says what went wrong.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [item.id, item.kind, toRole, from]);
  const aheadShown =
    ahead !== null &&
    ahead.toRole === toRole &&
    ahead.from === from &&
    // Once re-angled for the role, the result says it beside its own figures.
    !(done !== null && done.toRole === toRole)
      ? ahead
      : null;

  async function run(): Promise<void> {
    if (toRole === undefined) return;
    const role = toRole;
    setBusy(true);
    setError(null);
    try {
      setDone({ reangled: await api.reangle(item.id, role, from), toRole: role });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <AnswerContext item={item} title="Re-angle for another role" />
      <form
        className="card reangle-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <div className="form-row">
          <RoleSelect label="Written for" value={from} onChange={chooseFrom} allowNone />
          <RoleSelect label="Re-angle for" value={toRole} onChange={chooseTo} />
          <HeldButton type="submit" className="button button-primary" held={busy}>
            {busy ? "Re-angling…" : "Re-angle"}
          </HeldButton>
        </div>
        {start.note !== undefined &&
          !roleChosen.current &&
          from === start.fromRole &&
          toRole === start.toRole && (
            <p className="muted" data-testid="reangle-default-why">
              {start.note}
            </p>
          )}
        {aheadShown !== null && (
          <BetterVariantHint better={aheadShown.better} toRole={aheadShown.toRole} item={item} before />
        )}
        <p className="muted">
          Your sentences are kept whole and in their order; only those that speak to other skills are trimmed.
          Nothing new is invented.
        </p>
        {from !== undefined && from === toRole && (
          <p className="muted" data-testid="same-role">
            It was written for {roleInSentence(ROLE_NAMES[toRole])} already: re-angling only trims the
            sentences that speak to other skills.
          </p>
        )}
      </form>
      {error !== null && <ErrorMessage title="Couldn't re-angle this answer" error={error} />}
      {done !== null && (
        <>
          {done.reangled.outline !== undefined && (
            <p className="muted" data-testid="reangle-outline">
              {done.reangled.outline}
            </p>
          )}
          {done.reangled.subjectless !== undefined && (
            <p className="muted" data-testid="reangle-subjectless">
              {done.reangled.subjectless}
            </p>
          )}
          {done.reangled.namesOtherRole !== undefined && (
            <p className="muted" data-testid="reangle-names-other-role">
              {done.reangled.namesOtherRole}
            </p>
          )}
          {done.reangled.betterVariant !== undefined && (
            <BetterVariantHint better={done.reangled.betterVariant} toRole={done.toRole} item={item} />
          )}
          <ReangleView reangled={done.reangled} toRole={done.toRole} />
          {item.kind === "answer" &&
            (done.reangled.diff.every((entry) => entry.status === "kept") ? (
              // Nothing trimmed: saving would copy the answer word for word as a new variant.
              <p className="muted" data-testid="reangle-unchanged">
                Every sentence was kept: this answer already fits {roleInSentence(ROLE_NAMES[done.toRole])} as
                written, so there is no new variant to save.
              </p>
            ) : (
              <SaveReangled
                key={`${done.toRole}:${done.reangled.text}`}
                item={item}
                text={done.reangled.text}
                toRole={done.toRole}
              />
            ))}
        </>
      )}
    </>
  );
}

const STATUS_TEXT = { kept: "kept", trimmed: "trimmed" } as const;

/** The document already holds a variant of this question that fits the role better: say so, with both figures. */
function BetterVariantHint({
  better,
  toRole,
  item,
  before = false,
}: {
  better: NonNullable<ReangleResult["betterVariant"]>;
  toRole: RoleId;
  item: AnswerOrFollowUp;
  /** Said before the button is pressed: the re-angle is still to come. */
  before?: boolean;
}) {
  return (
    <p className="callout callout-info" data-testid={before ? "better-variant-before" : "better-variant"}>
      <span>
        Your variant <strong>“{better.variant}”</strong> of this question already fits{" "}
        {roleInSentence(ROLE_NAMES[toRole])} better: {percent(better.coreShare)} core to the role, against{" "}
        {percent(better.reangledCoreShare)} for {before ? "this answer once re-angled" : "this re-angle"}.{" "}
        <a href={route.library(item.documentId, better.itemId)}>Open “{better.variant}”</a>
        {before ? ", or re-angle this one anyway." : ""}
      </span>
    </p>
  );
}

/** Saves the re-angled answer as a new variant of its question, beside the others in the library. */
function SaveReangled({
  item,
  text,
  toRole,
}: {
  item: Extract<AnswerOrFollowUp, { kind: "answer" }>;
  text: string;
  toRole: RoleId;
}) {
  return (
    <section className="card save-reangled" aria-label="Save the re-angled answer">
      <SaveVariantForm
        target={item}
        text={text}
        source="re-angled"
        defaultLabel={`for ${roleInSentence(ROLE_NAMES[toRole])}`}
        once
      />
    </section>
  );
}

function ReangleView({ reangled, toRole }: { reangled: ReangleResult; toRole: RoleId }) {
  const byTarget = [...reangled.diff]
    .filter((entry) => entry.to !== undefined)
    .sort((a, b) => (a.to ?? 0) - (b.to ?? 0));
  const counts = { kept: 0, trimmed: 0 };
  for (const entry of reangled.diff) counts[entry.status] += 1;
  return (
    <section className="reangle-result" aria-labelledby="reangle-title">
      <h2 id="reangle-title" className="visually-hidden">
        Re-angled for {roleInSentence(ROLE_NAMES[toRole])}
      </h2>
      <div className="fit-compare card" data-testid="fit-compare">
        <FitMeter label="Before" share={reangled.coreShare.before} />
        <Icon name="arrow" />
        <FitMeter label={`For ${roleInSentence(ROLE_NAMES[toRole])}`} share={reangled.coreShare.after} />
        <p className="muted fit-counts">
          {counts.kept} kept · {counts.trimmed} trimmed
        </p>
      </div>
      <div className="diff-columns">
        <div className="diff-column card">
          <h3 className="card-title">Original</h3>
          <ol className="diff-list">
            {reangled.diff.map((entry) => (
              <li key={`from-${entry.from}`} className={`diff-entry status-${entry.status}`}>
                <span className="diff-head">
                  <span className="diff-position">{entry.from + 1}</span>
                  <span className={`diff-badge badge-${entry.status}`}>{STATUS_TEXT[entry.status]}</span>
                </span>
                {entry.status === "trimmed" ? <del>{entry.text}</del> : <span>{entry.text}</span>}
                <span className="diff-reason">{entry.reason}</span>
              </li>
            ))}
          </ol>
        </div>
        <div className="diff-column card">
          <h3 className="card-title">For {roleInSentence(ROLE_NAMES[toRole])}</h3>
          <ol className="diff-list">
            {byTarget.map((entry) => (
              <li key={`to-${entry.from}`} className={`diff-entry status-${entry.status}`}>
                <span className="diff-head">
                  <span className="diff-position">{(entry.to ?? 0) + 1}</span>
                  <span className={`diff-badge badge-${entry.status}`}>{STATUS_TEXT[entry.status]}</span>
                </span>
                <span>{entry.text}</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}

function FitMeter({ label, share }: { label: string; share: number }) {
  return (
    <div className="fit-meter">
      <p className="fit-label">
        {label} <strong>{percent(share)}</strong> <span className="muted">core to the role</span>
      </p>
      <div className="fit-bar" role="img" aria-label={`${label}: ${percent(share)} core to the role`}>
        <span className="fit-core" style={{ width: percent(share) }} />
      </div>
    </div>
  );
}
