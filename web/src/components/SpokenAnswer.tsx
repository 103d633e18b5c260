/**
 * "Answer out loud": the microphone is asked for only when the user clicks (or presses R), a
 * level meter and the recording's clock run against the budget, Stop (R again) or an automatic
 * stop well past the budget ends it, and the delivery measured from the audio is shown and saved.
 * The recorder code loads on first use (web/src/recorder.ts), so the page stays light.
 */
import { useCallback, useEffect, useRef, useState } from "react";
// Not the delivery index: its checks use zod, whose `Function("")` probe the app's CSP reports.
import { describeDelivery } from "../../../src/core/delivery/describe.ts";
import type { DeliveryInput } from "../../../src/core/delivery/figures.ts";
import { type Delivery, measureDelivery } from "../../../src/core/delivery/measure.ts";
import { describeError } from "../api.ts";
import { formatDuration } from "../library.ts";
import { type PracticeSession, type PracticeStep, practiceApi } from "../practice-api.ts";
import type { Recorder } from "../recorder.ts";

/** While recording, the figures so far are saved this often (a closed tab loses at most this much). */
const SAVE_EVERY_MS = 2000;

/** Recording stops by itself this long after it started: the budget plus half of it, at least a minute more. */
export function autoStopSeconds(budgetSeconds: number): number {
  return budgetSeconds + Math.max(60, Math.round(budgetSeconds / 2));
}

function inputOf(d: Delivery): DeliveryInput {
  return {
    recordedMs: d.recordedMs,
    answerMs: d.answerMs,
    speakingMs: d.speakingMs,
    ...(d.firstWordMs === undefined ? {} : { firstWordMs: d.firstWordMs }),
    pauses: d.pauses,
    longestPauseMs: d.longestPauseMs,
    pauseMinMs: d.pauseMinMs,
  };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return target.isContentEditable || tag === "TEXTAREA" || tag === "SELECT" || tag === "INPUT";
}

/** mm:ss */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The delivery figures in plain words. */
export function DeliveryFigures({ delivery, title }: { delivery: Delivery; title?: string }) {
  return (
    <section className="card delivery-figures" aria-label={title ?? "Delivery, measured from the audio"}>
      <h3 className="card-title">{title ?? "Delivery, measured from the audio"}</h3>
      <ul className="plain-list">
        {describeDelivery(delivery).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** A kept recording: play it back, or delete it (the figures and the transcript stay). */
export function KeptRecording({ attemptId, onDeleted }: { attemptId: string; onDeleted?: () => void }) {
  const [state, setState] = useState<"kept" | "deleting" | "deleted">("kept");
  const [error, setError] = useState("");
  if (state === "deleted") return <p className="muted">Recording deleted.</p>;
  return (
    <div className="kept-recording">
      {/* biome-ignore lint/a11y/useMediaCaption: the user's own voice; the transcript is beside it. */}
      <audio controls preload="none" src={practiceApi.recordingUrl(attemptId)} aria-label="Your recording" />
      <button
        type="button"
        className="button button-small"
        disabled={state === "deleting"}
        onClick={() => {
          setState("deleting");
          practiceApi.deleteRecording(attemptId).then(
            () => {
              setState("deleted");
              onDeleted?.();
            },
            (caught: unknown) => {
              setState("kept");
              setError(describeError(caught).message);
            },
          );
        }}
      >
        Delete the recording
      </button>
      {error !== "" && <p className="form-error">{error}</p>}
    </div>
  );
}

type Phase =
  | { kind: "idle" }
  | { kind: "asking" }
  | { kind: "recording"; startedAt: number }
  | { kind: "stopping" }
  | { kind: "done"; delivery: Delivery; autoStopped: boolean }
  | { kind: "refused"; message: string };

/**
 * The spoken-answer controls of one question. `begin` starts the question's timer (once); the
 * figures are saved on the server every 2 s while recording, at Stop, and when the tab closes.
 */
export function SpokenAnswer({
  session,
  step,
  started,
  begin,
  onRecordingChange,
}: {
  session: PracticeSession;
  step: PracticeStep;
  started: boolean;
  begin: () => Promise<boolean>;
  /** True while the microphone is on (the page keeps focus off the answer box meanwhile). */
  onRecordingChange: (recording: boolean) => void;
}) {
  const measured = step.attempt?.delivery;
  const [phase, setPhase] = useState<Phase>(
    measured === undefined ? { kind: "idle" } : { kind: "done", delivery: measured, autoStopped: false },
  );
  const [keep, setKeep] = useState(false);
  const [level, setLevel] = useState(-120);
  const [now, setNow] = useState(() => performance.now());
  const [kept, setKept] = useState<"no" | "saving" | "kept" | { error: string }>(
    step.attempt?.hasRecording ? "kept" : "no",
  );
  const [transcriptNote, setTranscriptNote] = useState("");
  const recorder = useRef<Recorder | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const budget = step.budgetSeconds;
  const autoStop = autoStopSeconds(budget);

  const figures = useCallback(
    (levels: number[]): Delivery => measureDelivery(levels, { budgetSeconds: budget }),
    [budget],
  );

  const start = useCallback(async (): Promise<void> => {
    setPhase({ kind: "asking" });
    try {
      const { startRecorder } = await import("../recorder.ts");
      recorder.current = await startRecorder({
        keep,
        onLevels: (levels) => setLevel(levels[levels.length - 1] ?? -120),
      });
    } catch (caught) {
      setPhase({ kind: "refused", message: caught instanceof Error ? caught.message : String(caught) });
      return;
    }
    onRecordingChange(true);
    if (!started && !(await begin())) {
      await recorder.current.stop();
      recorder.current = null;
      onRecordingChange(false);
      setPhase({ kind: "idle" });
      return;
    }
    setPhase({ kind: "recording", startedAt: performance.now() });
  }, [keep, started, begin, onRecordingChange]);

  const stop = useCallback(
    async (autoStopped: boolean): Promise<void> => {
      const running = recorder.current;
      if (running === null) return;
      recorder.current = null;
      setPhase({ kind: "stopping" });
      const recording = await running.stop();
      onRecordingChange(false);
      const delivery = figures(recording.levels);
      setPhase({ kind: "done", delivery, autoStopped });
      try {
        const saved = await practiceApi.saveDelivery(session.id, {
          stepId: step.id,
          delivery: inputOf(delivery),
        });
        if (recording.audio !== undefined) {
          setKept("saving");
          const result = await practiceApi.keepRecording(saved.attemptId, recording.audio);
          setKept("kept");
          if (result.transcript !== undefined)
            setTranscriptNote("Transcribed on this machine: check it below.");
        }
      } catch (caught) {
        setKept({ error: describeError(caught).message });
      }
    },
    [figures, session.id, step.id, onRecordingChange],
  );

  // The clock and the periodic save while recording.
  useEffect(() => {
    if (phase.kind !== "recording") return;
    const tick = window.setInterval(() => setNow(performance.now()), 250);
    const save = window.setInterval(() => {
      const levels = recorder.current?.levels;
      if (levels === undefined || levels.length === 0) return;
      void practiceApi
        .saveDelivery(session.id, { stepId: step.id, delivery: inputOf(figures(levels)) })
        .catch(() => undefined);
    }, SAVE_EVERY_MS);
    // A closing tab: the figures so far go out with keepalive (the audio itself is lost).
    const onHide = (): void => {
      const levels = recorder.current?.levels;
      if (levels === undefined || levels.length === 0) return;
      void practiceApi
        .saveDelivery(session.id, { stepId: step.id, delivery: inputOf(figures(levels)) }, true)
        .catch(() => undefined);
    };
    window.addEventListener("pagehide", onHide);
    stopButton.current?.focus();
    return () => {
      window.clearInterval(tick);
      window.clearInterval(save);
      window.removeEventListener("pagehide", onHide);
    };
  }, [phase.kind, session.id, step.id, figures]);

  const recordingSeconds = phase.kind === "recording" ? (now - phase.startedAt) / 1000 : 0;
  useEffect(() => {
    if (phase.kind === "recording" && recordingSeconds >= autoStop) void stop(true);
  }, [phase.kind, recordingSeconds, autoStop, stop]);

  // Leaving the question (or the page) releases the microphone.
  useEffect(
    () => () => {
      void recorder.current?.stop();
      recorder.current = null;
    },
    [],
  );

  // R starts and stops, like S starts a typed answer (never while typing in a field).
  const latest = useRef({ phase, start, stop });
  latest.current = { phase, start, stop };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== "r" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      const current = latest.current.phase.kind;
      if (current === "idle" || current === "refused") {
        event.preventDefault();
        void latest.current.start();
      } else if (current === "recording") {
        event.preventDefault();
        void latest.current.stop(false);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (phase.kind === "done") {
    return (
      <div className="spoken-answer" data-testid="spoken-answer">
        {phase.autoStopped && (
          <p className="callout callout-info" role="status">
            Recording stopped by itself at {clock(autoStop)}, well past the {formatDuration(budget)} budget.
          </p>
        )}
        <DeliveryFigures delivery={phase.delivery} />
        {kept === "saving" && <p className="muted">Keeping the recording on this machine…</p>}
        {kept === "kept" && step.attempt !== undefined && <KeptRecording attemptId={step.attempt.id} />}
        {kept === "kept" && step.attempt === undefined && (
          <p className="muted">Recording kept on this machine.</p>
        )}
        {typeof kept === "object" && (
          <p className="form-error" role="alert">
            The figures or the recording were not saved: {kept.error}
          </p>
        )}
        {transcriptNote !== "" && <p className="muted">{transcriptNote}</p>}
      </div>
    );
  }

  const recording = phase.kind === "recording";
  const meter = Math.max(0, Math.min(1, (level + 60) / 60));
  return (
    <div className="spoken-answer" data-testid="spoken-answer">
      {recording || phase.kind === "stopping" ? (
        <div className="spoken-recording">
          <span className="spoken-dot" aria-hidden="true" />
          <span role="timer" aria-label={`Recording: ${formatDuration(recordingSeconds)}`}>
            Recording {clock(recordingSeconds)} / {clock(budget)}
          </span>
          <span className="spoken-meter" aria-hidden="true" data-testid="level-meter">
            <span style={{ width: `${Math.round(meter * 100)}%` }} />
          </span>
          <button
            ref={stopButton}
            type="button"
            className="button button-primary"
            disabled={!recording}
            onClick={() => void stop(false)}
            aria-keyshortcuts="r"
          >
            {recording ? "Stop" : "Stopping…"} <kbd>R</kbd>
          </button>
          {recordingSeconds > budget && (
            <p className="practice-over" role="status">
              Over the budget: land the result and stop. Recording stops by itself at {clock(autoStop)}.
            </p>
          )}
        </div>
      ) : (
        <div className="spoken-start">
          <button
            type="button"
            className="button"
            disabled={phase.kind === "asking"}
            onClick={() => void start()}
            aria-keyshortcuts="r"
          >
            {phase.kind === "asking" ? "Waiting for the microphone…" : "Answer out loud"} <kbd>R</kbd>
          </button>
          <label className="spoken-keep">
            <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} /> Keep
            the recording on this machine
          </label>
          <p className="muted spoken-privacy">
            The microphone is asked for only now. Pauses and timing are measured in this browser; the audio is
            kept only if you tick the box, and then only in your derisk database, never sent anywhere else.
          </p>
        </div>
      )}
      {phase.kind === "refused" && (
        <p className="callout callout-error" role="alert" data-testid="microphone-refused">
          {phase.message}
        </p>
      )}
    </div>
  );
}
