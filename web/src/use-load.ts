/** One fetch per key, with loading, error and retry states, that never sets state after unmount. */
import { useCallback, useEffect, useState } from "react";
import { describeError } from "./api.ts";

export type Load<T> =
  | { state: "loading" }
  | { state: "error"; error: { code: string; message: string } }
  | { state: "ready"; data: T };

export function useLoad<T>(key: string, load: () => Promise<T>): { result: Load<T>; reload: () => void } {
  // The result remembers the key it was loaded for: a retry of the same key keeps showing the
  // data it has, but data loaded for another key (another answer) is never shown for this one.
  const [loaded, setLoaded] = useState<{ key: string; result: Load<T> }>({
    key,
    result: { state: "loading" },
  });
  const [attempt, setAttempt] = useState(0);
  // `load` is recreated every render; the key says when the data it fetches changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    let cancelled = false;
    setLoaded((current) =>
      current.key === key && current.result.state === "ready"
        ? current
        : { key, result: { state: "loading" } },
    );
    load().then(
      (data) => {
        if (!cancelled) setLoaded({ key, result: { state: "ready", data } });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ key, result: { state: "error", error: describeError(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result: loaded.key === key ? loaded.result : { state: "loading" }, reload };
}
