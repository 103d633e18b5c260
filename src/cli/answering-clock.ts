import * as practice from "../app/practice.ts";
import { HEARTBEAT_MS } from "../core/answer-time.ts";
import type { Store } from "../store/index.ts";

/**
 * The timer of one answer typed in the terminal (practice and drill). It starts from the
 * answering time the store has counted (a resumed attempt keeps its time, not the hours it was
 * left), ticks locally, and reports the terminal as attached every HEARTBEAT_MS so thinking
 * without typing still counts; each report's figure becomes the new base.
 * @example const timer = answeringClock(store, userId, sessionId, stepId, view.elapsedMs); … timer.stop();
 */
export function answeringClock(
  store: Store,
  userId: string,
  sessionId: string,
  stepId: string,
  elapsedMs: number,
): { seconds: () => number; stop: () => void } {
  let base = { ms: elapsedMs, at: Date.now() };
  let stopped = false;
  const timer = setInterval(() => {
    practice
      .beginAnswer(store, userId, sessionId, { stepId })
      .then((view) => {
        if (!stopped && view.current?.id === stepId) base = { ms: view.current.elapsedMs, at: Date.now() };
      })
      // The answer was submitted or skipped meanwhile (or the store is busy): the next report will do.
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    seconds: () => (base.ms + Date.now() - base.at) / 1000,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
