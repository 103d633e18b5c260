import * as z from "zod";
import { DeriskError } from "../errors.ts";
import type { Delivery } from "./measure.ts";

/** Longest recording derisk accepts figures for: 2 hours (an answer is minutes long). */
export const MAX_RECORDING_MS = 2 * 60 * 60 * 1000;

const ms = z
  .number()
  .finite()
  .min(0, "must be 0 or more")
  .max(MAX_RECORDING_MS, `must be at most ${MAX_RECORDING_MS} ms (2 hours)`);

/**
 * What a client measured and sends: the figures of `Delivery` that come from the audio. The
 * budget and the derived figures (silence, share of the budget) are the server's to add.
 */
export const deliveryInput = z.strictObject({
  recordedMs: ms,
  answerMs: ms,
  speakingMs: ms,
  firstWordMs: ms.optional(),
  pauses: z.number().int().min(0, "must be 0 or more").max(10_000, "must be at most 10,000"),
  longestPauseMs: ms,
  pauseMinMs: z.number().finite().min(100, "must be at least 100 ms").max(60_000, "must be at most 60 s"),
});

export type DeliveryInput = z.infer<typeof deliveryInput>;

/**
 * Checks figures a client measured (finite, in range, consistent with each other) and completes
 * them with the question's budget. Throws `BAD_INPUT` saying which figure is wrong.
 * @example checkDelivery({ recordedMs: 9000, answerMs: 8000, speakingMs: 6000, firstWordMs: 500, pauses: 1, longestPauseMs: 1600, pauseMinMs: 1500 }, 120).budgetShare // 0.0667
 */
export function checkDelivery(value: unknown, budgetSeconds: number): Delivery {
  const parsed = deliveryInput.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? `delivery.${issue.path.join(".")}` : "delivery";
    throw new DeriskError(
      "BAD_INPUT",
      `The delivery figures are not usable: ${field} ${issue?.message ?? "has the wrong shape"}.`,
    );
  }
  const d = parsed.data;
  const inconsistent = (what: string): never => {
    throw new DeriskError("BAD_INPUT", `The delivery figures do not add up: ${what}.`);
  };
  if (d.speakingMs > d.recordedMs) inconsistent("speakingMs is longer than recordedMs");
  if (d.answerMs > d.recordedMs) inconsistent("answerMs is longer than recordedMs");
  if (d.firstWordMs !== undefined && d.firstWordMs > d.answerMs)
    inconsistent("firstWordMs comes after answerMs");
  if (d.longestPauseMs > d.recordedMs - d.speakingMs)
    inconsistent("longestPauseMs is longer than the silence of the recording");
  if ((d.pauses === 0) !== (d.longestPauseMs === 0))
    inconsistent("pauses and longestPauseMs disagree (one is 0, the other is not)");
  if (d.pauses > 0 && d.longestPauseMs < d.pauseMinMs)
    inconsistent("longestPauseMs is shorter than the pause threshold pauseMinMs");
  return {
    recordedMs: d.recordedMs,
    answerMs: d.answerMs,
    speakingMs: d.speakingMs,
    silenceMs: d.recordedMs - d.speakingMs,
    ...(d.firstWordMs === undefined ? {} : { firstWordMs: d.firstWordMs }),
    pauses: d.pauses,
    longestPauseMs: d.longestPauseMs,
    pauseMinMs: d.pauseMinMs,
    budgetSeconds,
    budgetShare: budgetSeconds > 0 ? d.answerMs / (budgetSeconds * 1000) : 0,
  };
}
