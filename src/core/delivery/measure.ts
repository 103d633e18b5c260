/**
 * Delivery of a spoken answer, measured from the audio itself: how loud each short frame is,
 * which frames are speech, and from those the speaking time, the silences and pauses, the time
 * to the first word and the share of the time budget used. Pure and synchronous: the browser
 * feeds it the frame levels its audio worklet measured; tests feed it synthetic signals.
 *
 * What counts as speech is decided from the recording's own levels (no fixed microphone gain is
 * assumed): the quiet floor is the 10th percentile of frame levels, the loud level the 95th, and
 * a frame is speech when it is more than 30% of the way from the floor to the loud level (at
 * least 6 dB over the floor) and louder than -60 dBFS. Gaps shorter than `gapMergeMs` (250 ms:
 * the breath between words, a plosive's closure) do not break a stretch of speech, and bursts
 * shorter than `minSpeechMs` (60 ms: a click, a knock) are not speech.
 *
 * A **pause** is a silence of at least `pauseMinMs` (1.5 s by default) between two stretches of
 * speech; the silence before the first word and after the last one are not pauses (they are the
 * time to first word and the tail of the recording).
 */

/** Frame level of digital silence, in dBFS: log10(0) is -Infinity, which JSON cannot carry. */
export const SILENCE_DB = -120;
/** Default length of one level frame, in milliseconds. */
export const FRAME_MS = 10;
/** A silence at least this long between two stretches of speech is a pause. */
export const PAUSE_MIN_MS = 1500;
/** Frames quieter than this are never speech, however quiet the rest of the recording is. */
export const SPEECH_FLOOR_DB = -60;

export interface SpeechOptions {
  /** Length of one frame of `levels`, in milliseconds (default 10). */
  frameMs?: number;
  /** Gaps shorter than this inside speech are not silence (default 250 ms). */
  gapMergeMs?: number;
  /** Bursts shorter than this are not speech (default 60 ms). */
  minSpeechMs?: number;
}

export interface MeasureOptions extends SpeechOptions {
  /** The question's time budget, in seconds. */
  budgetSeconds: number;
  /** Shortest silence that counts as a pause (default 1.5 s). */
  pauseMinMs?: number;
}

/** A stretch of speech, in milliseconds from the start of the recording. */
export interface SpeechSpan {
  startMs: number;
  endMs: number;
}

/** The delivery figures of one spoken answer. Every duration is in milliseconds. */
export interface Delivery {
  /** Length of the recording. */
  recordedMs: number;
  /** From the start of the recording to the end of the last word (the whole recording when no word). */
  answerMs: number;
  /** Time spent speaking (gaps shorter than the merge gap count as speaking). */
  speakingMs: number;
  /** `recordedMs - speakingMs`. */
  silenceMs: number;
  /** Time from the start of the recording to the first word; absent when no speech was heard. */
  firstWordMs?: number;
  /** Silences of at least `pauseMinMs` between words. */
  pauses: number;
  /** The longest of them (0 when there is none). */
  longestPauseMs: number;
  /** The threshold the pauses were counted with. */
  pauseMinMs: number;
  budgetSeconds: number;
  /** `answerMs` over the budget: 1 is exactly on budget. */
  budgetShare: number;
}

/**
 * Level of each frame of samples (RMS, in dBFS; digital silence is `SILENCE_DB`).
 * @example frameLevels(new Float32Array(16_000).fill(0.5), 16_000).length // 100 frames of 10 ms
 */
export function frameLevels(samples: ArrayLike<number>, sampleRate: number, frameMs = FRAME_MS): number[] {
  const size = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const levels: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) {
      const s = samples[i] ?? 0;
      sum += s * s;
    }
    levels.push(levelOf(sum / size));
  }
  return levels;
}

/**
 * dBFS of a mean square (1.0 is a full-scale square wave), clamped at `SILENCE_DB`.
 * @example levelOf(0.25) // ≈ -6.02
 */
export function levelOf(meanSquare: number): number {
  if (!(meanSquare > 0)) return SILENCE_DB;
  return Math.max(SILENCE_DB, 10 * Math.log10(meanSquare));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return SILENCE_DB;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))));
  return sorted[index] ?? SILENCE_DB;
}

/**
 * The level above which a frame is speech, from the recording's own quiet and loud levels;
 * `undefined` when nothing in it is loud enough to be speech.
 * @example speechThreshold([-90, -90, -20, -20]) // -60 (30% of the way from -90 to -20 is -69, under the -60 floor)
 */
export function speechThreshold(levels: ArrayLike<number>): number | undefined {
  const sorted = Array.from(levels, (l) => (Number.isFinite(l) ? l : SILENCE_DB)).sort((a, b) => a - b);
  const floor = percentile(sorted, 0.1);
  const loud = percentile(sorted, 0.95);
  if (loud <= SPEECH_FLOOR_DB) return undefined;
  // One level all along (speech without a gap, or a steady hum): speech when loud enough.
  if (loud - floor < 6) return SPEECH_FLOOR_DB;
  return Math.max(SPEECH_FLOOR_DB, floor + Math.max(6, 0.3 * (loud - floor)));
}

/**
 * The stretches of speech in a recording's frame levels.
 * @example speechSpans(levels, { frameMs: 10 }) // [{ startMs: 1000, endMs: 3000 }, …]
 */
export function speechSpans(levels: ArrayLike<number>, options: SpeechOptions = {}): SpeechSpan[] {
  const frameMs = options.frameMs ?? FRAME_MS;
  const gapMergeMs = options.gapMergeMs ?? 250;
  const minSpeechMs = options.minSpeechMs ?? 60;
  const threshold = speechThreshold(levels);
  if (threshold === undefined) return [];
  const raw: SpeechSpan[] = [];
  let start: number | undefined;
  for (let i = 0; i <= levels.length; i++) {
    const loud = i < levels.length && (levels[i] ?? SILENCE_DB) > threshold;
    if (loud && start === undefined) start = i;
    if (!loud && start !== undefined) {
      raw.push({ startMs: start * frameMs, endMs: i * frameMs });
      start = undefined;
    }
  }
  const merged: SpeechSpan[] = [];
  for (const span of raw) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.startMs - last.endMs < gapMergeMs) last.endMs = span.endMs;
    else merged.push({ ...span });
  }
  return merged.filter((span) => span.endMs - span.startMs >= minSpeechMs);
}

/**
 * The delivery figures of a recording from its frame levels (see the module comment for what
 * counts as speech and as a pause).
 * @example measureDelivery(frameLevels(samples, 48_000), { budgetSeconds: 120 }).pauses
 */
export function measureDelivery(levels: ArrayLike<number>, options: MeasureOptions): Delivery {
  const frameMs = options.frameMs ?? FRAME_MS;
  const pauseMinMs = options.pauseMinMs ?? PAUSE_MIN_MS;
  const recordedMs = levels.length * frameMs;
  const spans = speechSpans(levels, options);
  const speakingMs = spans.reduce((sum, span) => sum + span.endMs - span.startMs, 0);
  let pauses = 0;
  let longestPauseMs = 0;
  for (let i = 1; i < spans.length; i++) {
    const gap = (spans[i]?.startMs ?? 0) - (spans[i - 1]?.endMs ?? 0);
    if (gap >= pauseMinMs) {
      pauses += 1;
      longestPauseMs = Math.max(longestPauseMs, gap);
    }
  }
  const first = spans[0];
  const last = spans[spans.length - 1];
  const answerMs = last === undefined ? recordedMs : last.endMs;
  return {
    recordedMs,
    answerMs,
    speakingMs,
    silenceMs: recordedMs - speakingMs,
    ...(first === undefined ? {} : { firstWordMs: first.startMs }),
    pauses,
    longestPauseMs,
    pauseMinMs,
    budgetSeconds: options.budgetSeconds,
    budgetShare: options.budgetSeconds > 0 ? answerMs / (options.budgetSeconds * 1000) : 0,
  };
}
