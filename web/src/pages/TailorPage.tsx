import { useEffect, useId, useState } from "react";
import type { Evidence } from "../../../src/core/packaging/index.ts";
import { api, describeError, type TailoringSummary, type TailorResult } from "../api.ts";
import { Blanks } from "../components/Blanks.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HeldButton } from "../components/HeldButton.tsx";
import { Icon } from "../components/Icon.tsx";
import { route } from "../links.ts";
import { scaffoldHint } from "../why-company.ts";

const POSTING_KEY = "derisk:posting";

function remembered(): string {
  try {
    return sessionStorage.getItem(POSTING_KEY) ?? "";
  } catch {
    return "";
  }
}

/**
 * Kept as it is typed or pasted, not only when matched: leaving the page by a link or reloading
 * it before "Match my stories" brings the posting back.
 */
function remember(posting: string): void {
  try {
    sessionStorage.setItem(POSTING_KEY, posting);
  } catch {
    // Keeping the posting for a reload is a convenience only.
  }
}

const BEAT_NAMES = { "why-company": "Why this company", fit: "Why you fit", "why-now": "Why now" } as const;
const SOURCE_NAMES = { story: "Story", answer: "Answer", accomplishment: "Accomplishment" } as const;
const KIND_NAMES = {
  skill: "Skill",
  responsibility: "Responsibility",
  seniority: "Seniority",
  value: "Value",
};

const STRENGTH_NAMES = { strong: "strong evidence", partial: "partial evidence", none: "gap" } as const;
/** One thing a compound requirement names: shown, shown only by a neighbour, or missing. */
const PART_NAMES = { strong: "yes", partial: "partly", none: "no" } as const;

/**
 * Tailor (#/tailor, #/tailor/:id): a pasted job description → what it asks for, your evidence
 * for each (sentence and strength), the gaps. Every tailoring is saved with its posting, listed
 * here, and reopens at #/tailor/:id.
 */
export function TailorPage({ tailoringId }: { tailoringId?: string | undefined }) {
  const [posting, setPosting] = useState(tailoringId === undefined ? remembered : "");
  const [company, setCompany] = useState("");
  const [title, setTitle] = useState("");
  // What the page itself put in the company and role fields (read from a posting, or a reopened
  // tailoring's). A field that still holds it was not typed by the user, so the next posting
  // matched fills it afresh; a field the user typed in is sent, kept, and the result says so.
  const [filled, setFilled] = useState<{ company: string; title: string }>({ company: "", title: "" });
  const [result, setResult] = useState<TailorResult | null>(null);
  const [saved, setSaved] = useState<TailoringSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [deleteError, setDeleteError] = useState<{ code: string; message: string } | null>(null);
  const postingId = useId();
  const companyId = useId();
  const titleId = useId();
  useEffect(() => {
    document.title = "Tailor · derisk";
  }, []);
  useEffect(() => {
    let live = true;
    api.tailorings().then(
      (list) => live && setSaved(list.tailorings),
      () => live && setSaved([]),
    );
    if (tailoringId !== undefined) {
      api.tailoring(tailoringId).then(
        (opened) => {
          if (!live) return;
          setResult(opened);
          setPosting(opened.posting);
          setCompany(opened.tailoring.company ?? "");
          setTitle(opened.tailoring.title ?? "");
          setFilled({ company: opened.tailoring.company ?? "", title: opened.tailoring.title ?? "" });
        },
        (caught) => live && setError(describeError(caught)),
      );
    }
    return () => {
      live = false;
    };
  }, [tailoringId]);

  async function tailor(): Promise<void> {
    setBusy(true);
    setError(null);
    remember(posting);
    try {
      const typed = (value: string, put: string) => value.trim() !== "" && value.trim() !== put.trim();
      const typedCompany = typed(company, filled.company);
      const typedTitle = typed(title, filled.title);
      const names = {
        ...(typedCompany ? { company: company.trim() } : {}),
        ...(typedTitle ? { title: title.trim() } : {}),
      };
      const fresh = await api.tailor(posting, names);
      setResult(fresh);
      // The posting fills what the user did not type: left empty, or filled by an earlier match.
      const next = {
        company: typedCompany ? filled.company : (fresh.tailoring.company ?? ""),
        title: typedTitle ? filled.title : (fresh.tailoring.title ?? ""),
      };
      if (!typedCompany) setCompany(next.company);
      if (!typedTitle) setTitle(next.title);
      setFilled(next);
      setSaved((await api.tailorings()).tailorings);
      if (fresh.id !== undefined && fresh.id !== tailoringId) {
        window.history.replaceState(null, "", route.tailor(fresh.id));
      }
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function remove(item: TailoringSummary): Promise<void> {
    const name = `${item.title ?? "Job description"}${item.company ? ` at ${item.company}` : ""}`;
    if (!window.confirm(`Delete the saved posting “${name}”? Your stories and answers stay as they are.`))
      return;
    setDeleteError(null);
    try {
      await api.deleteTailoring(item.id);
      setSaved((current) => current?.filter((other) => other.id !== item.id) ?? null);
      if (item.id === (result?.id ?? tailoringId)) {
        setResult(null);
        window.history.replaceState(null, "", route.tailor());
      }
    } catch (caught) {
      setDeleteError(describeError(caught));
    }
  }

  return (
    <div className="page page-tailor">
      <header className="page-header">
        <h1>Tailor to a job</h1>
        <p className="lede">
          Paste the job description: derisk lists what it asks for, quotes the sentence from your stories,
          answers and accomplishments that evidences each requirement, with its strength, and shows the ones
          nothing covers yet. The posting is kept, so you can come back to it.
        </p>
      </header>
      {saved !== null && saved.length > 0 && (
        <section className="card saved-tailorings" aria-labelledby="saved-title">
          <h2 id="saved-title" className="card-title">
            Saved postings <span className="count">{saved.length}</span>
          </h2>
          <ul className="saved-list" data-testid="saved-tailorings">
            {saved.map((item) => (
              <li
                key={item.id}
                className={item.id === (result?.id ?? tailoringId) ? "is-current" : undefined}
              >
                <a href={route.tailor(item.id)}>
                  {item.title ?? "Job description"}
                  {item.company ? ` at ${item.company}` : ""}
                </a>{" "}
                <span className="muted">
                  · {item.covered} of {item.requirements} evidenced ·{" "}
                  {/* The day in the user's own calendar and time zone, never split at a hyphen. */}
                  <span className="saved-date">{new Date(item.updatedAt).toLocaleDateString()}</span>
                </span>{" "}
                <button
                  type="button"
                  className="link-button saved-delete"
                  aria-label={`Delete the saved posting “${item.title ?? "Job description"}${item.company ? ` at ${item.company}` : ""}”`}
                  onClick={() => void remove(item)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
          {deleteError !== null && <ErrorMessage title="The posting was not deleted" error={deleteError} />}
        </section>
      )}
      <form
        className="card tailor-form"
        onSubmit={(event) => {
          event.preventDefault();
          void tailor();
        }}
      >
        <label htmlFor={postingId} className="field-label">
          Job description
        </label>
        <textarea
          dir="auto"
          id={postingId}
          className="textarea"
          rows={9}
          value={posting}
          placeholder="Paste the posting here: title, company, responsibilities, requirements…"
          onChange={(event) => {
            setPosting(event.target.value);
            remember(event.target.value);
          }}
        />
        <div className="tailor-names">
          <label htmlFor={companyId} className="field-label">
            Company
          </label>
          <input
            id={companyId}
            className="input"
            value={company}
            maxLength={200}
            placeholder="Filled from the posting"
            onChange={(event) => setCompany(event.target.value)}
          />
          <label htmlFor={titleId} className="field-label">
            Role
          </label>
          <input
            id={titleId}
            className="input"
            value={title}
            maxLength={200}
            placeholder="Filled from the posting"
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <HeldButton type="submit" className="button button-primary" held={busy || posting.trim() === ""}>
            {busy ? "Matching…" : result === null ? "Match my stories" : "Match again"}
          </HeldButton>
          <span className="muted">Nothing leaves this computer.</span>
        </div>
      </form>
      {error !== null && <ErrorMessage title="Couldn't tailor to this posting" error={error} />}
      {result !== null && <TailorView result={result} />}
    </div>
  );
}

/** At most two pieces of evidence, never the same sentence twice (a story drawn from an answer repeats it). */
function distinctEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence
    .filter((item) => {
      const key = item.quote.trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 2);
}

function TailorView({ result }: { result: TailorResult }) {
  const { tailoring, whyCompany } = result;
  const covered = tailoring.requirements.filter((r) => r.covered).length;
  return (
    <div className="tailor-result">
      <h2 className="tailor-heading">
        {[tailoring.title, tailoring.company].filter((part) => part !== undefined).join(" at ") ||
          "This posting"}
      </h2>
      <p className="coverage-summary" data-testid="tailor-summary">
        <strong>{covered}</strong> of {tailoring.requirements.length} requirements have evidence ·{" "}
        <strong>{tailoring.uncovered.length}</strong> uncovered
      </p>
      {tailoring.notes.map((note) => (
        <p key={note} className="callout callout-info">
          {note}
        </p>
      ))}
      <h3 className="section-title">
        Requirements <span className="count">{tailoring.requirements.length}</span>
      </h3>
      <ol className="requirement-list">
        {tailoring.requirements.map((requirement) => (
          <li
            key={requirement.id}
            className={`requirement card${requirement.covered ? "" : " is-uncovered"}`}
          >
            <div className="requirement-head">
              <p className="requirement-text">{requirement.text}</p>
              <span className={`tag ${requirement.covered ? "tag-covered" : "tag-gap"}`}>
                {requirement.covered ? (
                  <>
                    <Icon name="check" size={14} /> {requirement.strength === "strong" ? "strong" : "partial"}
                  </>
                ) : (
                  "gap"
                )}
              </span>
            </div>
            {requirement.yearsCheck !== undefined && (
              <p className="requirement-years" data-testid="years-check">
                {requirement.yearsCheck.note}
              </p>
            )}
            <p className="requirement-meta muted">
              {KIND_NAMES[requirement.kind]}
              {requirement.required ? "" : " · nice to have"}
              {requirement.skills.length > 0 && ` · ${requirement.skills.join(", ")}`}
            </p>
            {requirement.parts?.some((p) => p.strength !== "none") && (
              <div className="requirement-parts" data-testid="requirement-parts">
                <p className="requirement-parts-summary">{requirement.partsSummary}</p>
                <ul>
                  {requirement.parts.map((part) => (
                    <li key={part.name} data-part={part.strength}>
                      <span className={`tag tag-${part.strength === "none" ? "gap" : part.strength}`}>
                        {PART_NAMES[part.strength]}
                      </span>{" "}
                      <strong>{part.name}</strong>
                      {part.evidence === undefined ? (
                        <span className="muted"> — nothing in your stories or answers shows this yet</span>
                      ) : (
                        <span>
                          {" "}
                          — “{part.evidence.quote}”{" "}
                          <span className="muted">
                            ({SOURCE_NAMES[part.evidence.source]}: {part.evidence.title}
                            {part.via === undefined ? "" : `; as “${part.via}”`}
                            {part.related === undefined ? "" : `; shows ${part.related}`})
                          </span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {requirement.evidence.length > 0 ? (
              <ul className="evidence-list">
                {distinctEvidence(requirement.evidence).map((evidence) => (
                  <li key={`${evidence.source}-${evidence.id}`} className="evidence">
                    {evidence.source === "accomplishment" ? (
                      <span className="evidence-source">
                        {SOURCE_NAMES[evidence.source]}: {evidence.title}
                      </span>
                    ) : (
                      <a
                        className="evidence-source"
                        href={
                          evidence.source === "story" ? route.stories(evidence.id) : route.edit(evidence.id)
                        }
                      >
                        {SOURCE_NAMES[evidence.source]}: {evidence.title}
                      </a>
                    )}
                    {evidence.document !== undefined && (
                      <span className="evidence-document muted"> in “{evidence.document}”</span>
                    )}{" "}
                    <span className={`tag tag-${evidence.strength}`} data-strength={evidence.strength}>
                      {STRENGTH_NAMES[evidence.strength]}
                    </span>
                    <blockquote className="evidence-quote">{evidence.quote}</blockquote>
                    {evidence.note !== undefined && (
                      <p className="evidence-note muted" data-testid="evidence-note">
                        {evidence.note}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="requirement-gap">
                Nothing in your stories or answers evidences this yet: prepare a story for it.
              </p>
            )}
          </li>
        ))}
      </ol>
      <section className="card why-company" aria-labelledby="why-title">
        <h3 id="why-title" className="card-title">
          Why {whyCompany.company ?? "this company"}, and why now
        </h3>
        <p className="muted">{scaffoldHint(whyCompany.blanks.length)}</p>
        <dl className="why-lines">
          {whyCompany.lines.map((line) => (
            <div key={`${line.beat}-${line.text}`} className="why-line">
              <dt>{BEAT_NAMES[line.beat]}</dt>
              <dd>
                <Blanks text={line.text} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
