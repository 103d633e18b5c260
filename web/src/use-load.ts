/** One fetch per key, with loading, error and retry states, that never sets state after unmount. */
import { useCallback, useEffect, useState } from "react";
import { describeError } from "./api.ts";

export type Load<T> =
  | { state: "loading" }
  | { state: "error"; error: { code: string; message: string } }
  | { state: "ready"; data: T };

export function useLoad<T>(key: string, load: () => Promise<T>): { result: Load<T>; reload: () => void } {
  const [result, setResult] = useState<Load<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  // `load` is recreated every render; the key says when the data it fetches changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    let cancelled = false;
    setResult((current) => (current.state === "ready" ? current : { state: "loading" }));
    load().then(
      (data) => {
        if (!cancelled) setResult({ state: "ready", data });
      },
      (error: unknown) => {
        if (!cancelled) setResult({ state: "error", error: describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, reload };
}
