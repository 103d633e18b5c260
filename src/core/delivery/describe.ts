import { formatDuration } from "../words.ts";
import type { Delivery } from "./measure.ts";

// Kept apart from figures.ts, whose checks use zod: the web app imports this file, and zod
// probes `Function("")` when its schemas are built, which the app's CSP reports as an eval.

/** Seconds with one decimal under a minute ("4.2 s", "2.0 s"), `formatDuration` from a minute on. */
function seconds(ms: number): string {
  const s = ms / 1000;
  return s < 59.95 ? `${s.toFixed(1)} s` : formatDuration(s);
}

/**
 * The delivery figures in plain words, one sentence each: length against the budget, speech
 * and silence, pauses, first word.
 * @example describeDelivery(d) // ["You spoke for 1 min 48 s of a 2 min budget (90%).", "3 pauses over 1.5 s, longest 4.2 s.", …]
 */
export function describeDelivery(d: Delivery): string[] {
  if (d.firstWordMs === undefined) {
    return [
      `No speech was heard in the ${seconds(d.recordedMs)} recorded: check the microphone, or answer by typing.`,
    ];
  }
  const share = Math.round(d.budgetShare * 100);
  const budget = formatDuration(d.budgetSeconds);
  const length =
    d.budgetShare > 1
      ? `You spoke for ${seconds(d.answerMs)}, over the ${budget} budget (${share}%).`
      : `You spoke for ${seconds(d.answerMs)} of a ${budget} budget (${share}%).`;
  const threshold = seconds(d.pauseMinMs);
  const pauses =
    d.pauses === 0
      ? `No pause over ${threshold}.`
      : d.pauses === 1
        ? `1 pause over ${threshold}, of ${seconds(d.longestPauseMs)}.`
        : `${d.pauses} pauses over ${threshold}, longest ${seconds(d.longestPauseMs)}.`;
  return [
    length,
    `Speech ${seconds(d.speakingMs)}, silence ${seconds(d.silenceMs)} of the ${seconds(d.recordedMs)} recorded.`,
    pauses,
    `First word after ${seconds(d.firstWordMs)}.`,
  ];
}
