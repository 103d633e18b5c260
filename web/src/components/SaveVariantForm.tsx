import { useId, useState } from "react";
import { api, describeError } from "../api.ts";
import { route } from "../links.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { HeldButton } from "./HeldButton.tsx";

/** The answer a new variant is saved beside: same document, same question. */
export interface VariantTarget {
  documentId: string;
  questionKey: string;
  question: string;
  questionNumber?: string;
}

interface SavedVariant {
  documentId: string;
  itemId: string;
  variant: string;
  /** The text saved: saving it again would only make an identical variant. */
  text: string;
}

/**
 * Saves a text derisk produced (a composed draft, a re-angled answer) as a new variant of a
 * question, so it sits beside the other variants in the library and in every export. The
 * source is recorded in the item's history.
 */
export function SaveVariantForm({
  target,
  text,
  source,
  defaultLabel,
  once = false,
  onSaved,
}: {
  target: VariantTarget;
  text: string;
  source: "composed" | "re-angled";
  defaultLabel: string;
  /** Saving again is refused once saved (the text cannot change after saving). */
  once?: boolean;
  /** Told the text saved, for a page that guards unsaved text. */
  onSaved?: (text: string) => void;
}) {
  const labelId = useId();
  const [label, setLabel] = useState(defaultLabel);
  const [saved, setSaved] = useState<SavedVariant | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const blanksLeft = /\[[^\]]+\]/.test(text);
  const alreadySaved = saved !== null && saved.text === text;

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const item = await api.saveVariant(target.documentId, {
        questionKey: target.questionKey,
        variant: label,
        text,
        source,
      });
      setSaved({
        documentId: item.documentId,
        itemId: item.id,
        variant: item.kind === "answer" ? item.variant : label,
        text,
      });
      onSaved?.(text);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="save-variant">
      <label htmlFor={labelId} className="field-label">
        Save as a variant of {target.questionNumber ?? "the question"} “{target.question}”
      </label>
      <div className="save-variant-row">
        <input
          id={labelId}
          className="input"
          value={label}
          maxLength={80}
          onChange={(event) => setLabel(event.target.value)}
        />
        <HeldButton
          className="button button-primary button-small"
          held={busy || text.trim() === "" || label.trim() === "" || alreadySaved || (once && saved !== null)}
          onClick={() => void save()}
        >
          Save variant
        </HeldButton>
      </div>
      {blanksLeft && saved === null && (
        <p className="muted">Blanks are saved as written; fill them first for an answer you can say.</p>
      )}
      {saved !== null && (
        <p role="status">
          Saved as “{saved.variant}”.{" "}
          <a href={route.library(saved.documentId, saved.itemId)}>Open it in the library</a>
          {!alreadySaved && !once && " You have changed the text since: save it again for another variant."}
        </p>
      )}
      {error !== null && <ErrorMessage title="The variant was not saved" error={error} />}
    </div>
  );
}
