/**
 * The two live parts of a practice answer: the timer (shown every second, announced to screen
 * readers only at each minute and at 30 s left) and the autosave (on the server within a second
 * of typing, a copy in this browser at once, a keepalive save when the tab closes).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AWAY_AFTER_MS, HEARTBEAT_MS } from "../../src/core/answer-time.ts";
import { describeError } from "./api.ts";
import { formatDuration } from "./library.ts";
import { type PracticeSession, practiceApi } from "./practice-api.ts";

/** Seconds since the timer started, ticking while `running`; `elapsedMs` is the server's figure. */
export function useElapsed(elapsedMs: number, running: boolean): number {
  // A new figure from the server (the timer just started, or a resumed session) is the new base.
  // biome-ignore lint/correctness/useExhaustiveDependencies: starting the timer resets the base even when the server's figure is 0 both before and after.
  const base = useMemo(() => ({ ms: elapsedMs, at: performance.now() }), [elapsedMs, running]);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(timer);
  }, [running]);
  return Math.floor((base.ms + (running ? now - base.at : 0)) / 1000);
}

/**
 * While the answer is open (timer running), tells the server every HEARTBEAT_MS that the
 * answering screen is attached: only that time counts toward the attempt, so a closed tab or a
 * sleeping laptop adds nothing. After such a break (the beats stopped for longer than
 * AWAY_AFTER_MS, or the page comes back into view) the server's figure replaces the local tick,
 * which went on counting the time away.
 */
export function useAnsweringHeartbeat(
  sessionId: string,
  stepId: string,
  running: boolean,
  onSession: (session: PracticeSession) => void,
): void {
  const latest = useRef(onSession);
  latest.current = onSession;
  useEffect(() => {
    if (!running) return;
    let lastBeat = Date.now();
    const beat = (refresh: boolean) => {
      lastBeat = Date.now();
      return (
        practiceApi
          .begin(sessionId, stepId)
          .then((session) => {
            if (refresh) latest.current(session);
          })
          // Submitted or skipped meanwhile, or offline for a moment: the next beat will do.
          .catch(() => undefined)
      );
    };
    const timer = window.setInterval(() => void beat(Date.now() - lastBeat > AWAY_AFTER_MS), HEARTBEAT_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void beat(true);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [sessionId, stepId, running]);
}

/** The milestones a screen reader hears, in seconds elapsed: each minute, 30 s left, time up. */
export function timerMilestones(budgetSeconds: number, upTo: number): number[] {
  const marks = new Set<number>();
  for (let s = 60; s <= upTo; s += 60) marks.add(s);
  if (budgetSeconds > 45) marks.add(budgetSeconds - 30);
  marks.add(budgetSeconds);
  return [...marks].filter((s) => s > 0).sort((a, b) => a - b);
}

export function announcementAt(seconds: number, budgetSeconds: number): string {
  if (seconds === budgetSeconds) return `Time is up: ${formatDuration(budgetSeconds)} used. Wrap up.`;
  if (seconds > budgetSeconds) return `${formatDuration(seconds)} used, over the budget.`;
  const left = budgetSeconds - seconds;
  return left === 30 ? "30 seconds left." : `${formatDuration(seconds)} used, ${formatDuration(left)} left.`;
}

/**
 * The sentence for an aria-live region: it changes only when a milestone is crossed, never at
 * the milestones already behind a resumed timer.
 */
export function useTimerAnnouncement(seconds: number, budgetSeconds: number, running: boolean): string {
  const [spoken, setSpoken] = useState<{ mark: number; text: string }>(() => ({
    mark: Math.max(0, ...timerMilestones(budgetSeconds, seconds).filter((s) => s <= seconds)),
    text: "",
  }));
  useEffect(() => {
    if (!running) return;
    const crossed = timerMilestones(budgetSeconds, seconds + 60).filter(
      (s) => s <= seconds && s > spoken.mark,
    );
    const last = crossed[crossed.length - 1];
    if (last !== undefined) setSpoken({ mark: last, text: announcementAt(last, budgetSeconds) });
  }, [seconds, budgetSeconds, running, spoken.mark]);
  return spoken.text;
}

export type SaveState =
  | { state: "saved"; at?: Date }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "offline"; message: string };

/** Longest wait between a keystroke and its save starting. */
export const SAVE_WITHIN_MS = 600;
const RETRY_MS = 2000;

interface LocalCopy {
  text: string;
  revision: number;
}

const localKey = (sessionId: string, stepId: string) => `derisk:practice:${sessionId}:${stepId}`;

function readLocal(sessionId: string, stepId: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(localKey(sessionId, stepId));
    const parsed = raw === null ? null : (JSON.parse(raw) as Partial<LocalCopy>);
    return parsed && typeof parsed.text === "string" && typeof parsed.revision === "number"
      ? { text: parsed.text, revision: parsed.revision }
      : null;
  } catch {
    return null;
  }
}

export function forgetLocalDraft(sessionId: string, stepId: string): void {
  try {
    localStorage.removeItem(localKey(sessionId, stepId));
  } catch {
    // Storage unavailable (private mode): there was nothing to forget.
  }
}

/**
 * The answer's text, autosaved: a save starts at most `SAVE_WITHIN_MS` after a change, one at a
 * time, each with a higher revision (the server ignores an older one arriving late). A copy newer
 * than the server's (typed while it was down) wins on reload and is saved again.
 */
export function useAutosave(
  sessionId: string,
  stepId: string,
  server: { text: string; revision: number },
): {
  text: string;
  setText: (text: string) => void;
  save: SaveState;
  /** True once a save here found a newer text from another tab of the same answer (and replaced it). */
  elsewhere: boolean;
  flush: () => Promise<void>;
} {
  const [initial] = useState(() => {
    const local = readLocal(sessionId, stepId);
    return local !== null && local.revision > server.revision && local.text !== server.text
      ? { text: local.text, revision: local.revision, dirty: true }
      : { text: server.text, revision: server.revision, dirty: false };
  });
  const [text, setTextState] = useState(initial.text);
  const [save, setSave] = useState<SaveState>(initial.dirty ? { state: "pending" } : { state: "saved" });
  const [elsewhere, setElsewhere] = useState(false);
  const latest = useRef({
    text: initial.text,
    revision: initial.revision,
    savedRevision: initial.dirty ? -1 : initial.revision,
  });
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);

  const send = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const { text: body, revision } = latest.current;
    if (latest.current.savedRevision >= revision) return Promise.resolve();
    setSave({ state: "saving" });
    const run = practiceApi
      .saveDraft(sessionId, { stepId, text: body, revision })
      .then(
        (result) => {
          if (!result.saved && result.stored !== undefined && result.stored.text !== body) {
            // Another tab (or window) of this answer saved a newer revision. The text typed here
            // is the one on screen, so it goes in over that one (a resend above the stored
            // revision, from the finally below), and the page says why.
            latest.current.revision = Math.max(latest.current.revision, result.stored.revision + 1);
            setElsewhere(true);
            return;
          }
          latest.current.savedRevision = Math.max(latest.current.savedRevision, revision);
          if (latest.current.revision === revision) {
            setSave({ state: "saved", at: new Date() });
            forgetLocalDraft(sessionId, stepId);
          }
        },
        (error: unknown) => {
          const { code, message } = describeError(error);
          // A finished step or a step moved on in another tab cannot take the text: stop trying.
          if (code === "CONFLICT" || code === "NOT_FOUND" || code === "TOO_LARGE") {
            setSave({ state: "offline", message });
            latest.current.savedRevision = revision;
            return;
          }
          setSave({ state: "offline", message });
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => {
            timer.current = undefined;
            void send();
          }, RETRY_MS);
        },
      )
      .finally(() => {
        inFlight.current = null;
        if (latest.current.revision > latest.current.savedRevision && timer.current === undefined) {
          timer.current = window.setTimeout(() => {
            timer.current = undefined;
            void send();
          }, SAVE_WITHIN_MS);
        }
      });
    inFlight.current = run;
    return run;
  }, [sessionId, stepId]);

  useEffect(() => {
    if (initial.dirty) void send();
  }, [initial.dirty, send]);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      latest.current.text = next;
      latest.current.revision += 1;
      try {
        localStorage.setItem(
          localKey(sessionId, stepId),
          JSON.stringify({ text: next, revision: latest.current.revision }),
        );
      } catch {
        // Storage full or unavailable: the server save still runs.
      }
      setSave((current) => (current.state === "offline" ? current : { state: "pending" }));
      if (timer.current === undefined) {
        timer.current = window.setTimeout(() => {
          timer.current = undefined;
          void send();
        }, SAVE_WITHIN_MS);
      }
    },
    [sessionId, stepId, send],
  );

  // Closing or hiding the tab: send what is unsaved with keepalive, so it outlives the page.
  useEffect(() => {
    const onHide = (): void => {
      const { text: body, revision, savedRevision } = latest.current;
      if (savedRevision >= revision) return;
      void practiceApi.saveDraft(sessionId, { stepId, text: body, revision }, true).catch(() => undefined);
    };
    const onVisibility = (): void => {
      if (document.visibilityState === "hidden") onHide();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      window.clearTimeout(timer.current);
    };
  }, [sessionId, stepId]);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    await send();
  }, [send]);

  return { text, setText, save, elsewhere, flush };
}
