import { useState } from "react";
import { describeError } from "../api.ts";
import { practiceApi } from "../practice-api.ts";
import { navigate } from "../route.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** Starts a one-question practice session on an answer or a technical question, and opens it. */
export function PracticeButton({ id, className = "link-button" }: { id: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          practiceApi.startOne(id).then(
            (session) => navigate({ page: "practice", sessionId: session.id }),
            (caught: unknown) => {
              setError(describeError(caught));
              setBusy(false);
            },
          );
        }}
      >
        {busy ? "Starting…" : "Practise this question"}
      </button>
      {error !== null && <ErrorMessage title="Couldn't start practising" error={error} />}
    </>
  );
}
