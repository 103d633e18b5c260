import { describe, expect, it } from "vitest";
import { describeDelivery } from "./describe.ts";
import { checkDelivery } from "./figures.ts";
import { frameLevels, levelOf, measureDelivery, SILENCE_DB, speechSpans } from "./measure.ts";

const RATE = 16_000;

/** A seeded generator (mulberry32), so the noise is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Part = { tone: number } | { silence: number };

/**
 * A signal of tone bursts and silences (seconds), over a noise floor. A burst is a 220 Hz tone
 * whose loudness swings at 4 Hz between full and a tenth (syllables), unless `steady`.
 */
function signal(parts: Part[], options: { noise?: number; amplitude?: number; steady?: boolean } = {}) {
  const random = seeded(7);
  const noise = options.noise ?? 0.001;
  const amplitude = options.amplitude ?? 0.3;
  const total = parts.reduce((sum, p) => sum + ("tone" in p ? p.tone : p.silence), 0);
  const samples = new Float32Array(Math.round(total * RATE));
  let at = 0;
  for (const part of parts) {
    const length = Math.round(("tone" in part ? part.tone : part.silence) * RATE);
    for (let i = 0; i < length; i++) {
      const t = i / RATE;
      const envelope = options.steady ? 1 : 0.55 + 0.45 * Math.cos(2 * Math.PI * 4 * t);
      const tone = "tone" in part ? amplitude * envelope * Math.sin(2 * Math.PI * 220 * t) : 0;
      samples[at + i] = tone + noise * (random() * 2 - 1);
    }
    at += length;
  }
  return samples;
}

describe("frame levels", () => {
  it("gives dBFS per 10 ms frame, digital silence at the floor", () => {
    expect(frameLevels(new Float32Array(RATE).fill(0.5), RATE)).toHaveLength(100);
    expect(frameLevels(new Float32Array(RATE).fill(0.5), RATE)[0]).toBeCloseTo(-6.02, 2);
    expect(frameLevels(new Float32Array(RATE), RATE)[0]).toBe(SILENCE_DB);
    expect(levelOf(Number.NaN)).toBe(SILENCE_DB);
  });
});

describe("delivery from tone bursts with known gaps", () => {
  // 1.2 s before the first word; gaps of 0.3 s (not a pause), 1.8 s, 0.9 s, 4.2 s; 2 s tail.
  const parts: Part[] = [
    { silence: 1.2 },
    { tone: 3 },
    { silence: 0.3 },
    { tone: 2 },
    { silence: 1.8 },
    { tone: 4 },
    { silence: 0.9 },
    { tone: 2.5 },
    { silence: 4.2 },
    { tone: 3 },
    { silence: 2 },
  ];
  const delivery = measureDelivery(frameLevels(signal(parts), RATE), { budgetSeconds: 30 });

  it("counts the pauses over 1.5 s and the longest within a frame or two", () => {
    expect(delivery.pauses).toBe(2);
    expect(Math.abs(delivery.longestPauseMs - 4200)).toBeLessThanOrEqual(40);
    expect(delivery.pauseMinMs).toBe(1500);
  });

  it("finds the first word, the speech, the silence and the answer's length", () => {
    expect(Math.abs((delivery.firstWordMs ?? -1) - 1200)).toBeLessThanOrEqual(40);
    // Speech is the 14.5 s of tone: the 0.3 s and 0.9 s gaps are silence, not pauses.
    expect(Math.abs(delivery.speakingMs - 14_500)).toBeLessThanOrEqual(150);
    expect(delivery.recordedMs).toBe(24_900);
    expect(delivery.silenceMs).toBe(delivery.recordedMs - delivery.speakingMs);
    expect(Math.abs(delivery.answerMs - 22_900)).toBeLessThanOrEqual(40);
    expect(delivery.budgetShare).toBeCloseTo(delivery.answerMs / 30_000, 6);
  });

  it("says it in plain words", () => {
    const words = describeDelivery(delivery);
    expect(words[0]).toMatch(/^You spoke for 22\.\d s of a 30 s budget \(76%\)\.$/);
    expect(words[2]).toMatch(/^2 pauses over 1\.5 s, longest 4\.\d s\.$/);
    expect(words[3]).toMatch(/^First word after 1\.\d s\.$/);
  });
});

describe("robustness of the speech detector", () => {
  it("keeps the same pauses 30 dB quieter and over a louder room", () => {
    const parts: Part[] = [{ silence: 0.5 }, { tone: 2 }, { silence: 2 }, { tone: 2 }, { silence: 0.5 }];
    const quiet = measureDelivery(frameLevels(signal(parts, { amplitude: 0.01, noise: 0.0002 }), RATE), {
      budgetSeconds: 60,
    });
    const noisy = measureDelivery(frameLevels(signal(parts, { noise: 0.02 }), RATE), { budgetSeconds: 60 });
    for (const d of [quiet, noisy]) {
      expect(d.pauses).toBe(1);
      expect(Math.abs(d.longestPauseMs - 2000)).toBeLessThanOrEqual(60);
    }
  });

  it("hears no speech in silence or in a steady faint hiss", () => {
    for (const noise of [0, 0.0005]) {
      const d = measureDelivery(frameLevels(signal([{ silence: 5 }], { noise }), RATE), {
        budgetSeconds: 60,
      });
      expect(d.firstWordMs).toBeUndefined();
      expect(d.speakingMs).toBe(0);
      expect(d.pauses).toBe(0);
      expect(describeDelivery(d)[0]).toMatch(/^No speech was heard in the 5.0 s recorded/);
    }
  });

  it("takes an answer with no gap at all for one stretch of speech", () => {
    const d = measureDelivery(frameLevels(signal([{ tone: 6 }], { steady: true }), RATE), {
      budgetSeconds: 60,
    });
    expect(d.speakingMs).toBe(6000);
    expect(d.firstWordMs).toBe(0);
    expect(d.pauses).toBe(0);
  });

  it("ignores a click shorter than 60 ms and merges gaps under 250 ms", () => {
    const levels = [
      ...Array(100).fill(-90),
      ...Array(3).fill(-20), // a 30 ms click
      ...Array(100).fill(-90),
      ...Array(50).fill(-20),
      ...Array(20).fill(-90), // 200 ms between words
      ...Array(50).fill(-20),
      ...Array(100).fill(-90),
    ];
    expect(speechSpans(levels)).toEqual([{ startMs: 2030, endMs: 3230 }]);
  });

  it("counts a pause at the threshold exactly, not one a frame shorter", () => {
    const at = (gapFrames: number) =>
      measureDelivery([...Array(50).fill(-20), ...Array(gapFrames).fill(-90), ...Array(50).fill(-20)], {
        budgetSeconds: 60,
      }).pauses;
    expect(at(150)).toBe(1);
    expect(at(149)).toBe(0);
  });
});

describe("checking a client's figures", () => {
  const good = {
    recordedMs: 9000,
    answerMs: 8000,
    speakingMs: 6000,
    firstWordMs: 500,
    pauses: 1,
    longestPauseMs: 1600,
    pauseMinMs: 1500,
  };

  it("completes good figures with the budget", () => {
    expect(checkDelivery(good, 120)).toMatchObject({ silenceMs: 3000, budgetSeconds: 120 });
    expect(checkDelivery(good, 120).budgetShare).toBeCloseTo(8000 / 120_000, 6);
  });

  it.each([
    [{ ...good, speakingMs: -1 }, /delivery\.speakingMs must be 0 or more/],
    [{ ...good, recordedMs: Number.NaN }, /delivery\.recordedMs/],
    [{ ...good, recordedMs: 1e12 }, /delivery\.recordedMs must be at most 7200000 ms/],
    [{ ...good, pauses: 1.5 }, /delivery\.pauses/],
    [{ ...good, extra: 1 }, /delivery/],
    [{ ...good, speakingMs: 9500 }, /speakingMs is longer than recordedMs/],
    [{ ...good, longestPauseMs: 5000 }, /longestPauseMs is longer than the silence/],
    [{ ...good, pauses: 0 }, /pauses and longestPauseMs disagree/],
    ["nine seconds", /delivery has the wrong shape|delivery/],
  ])("refuses %j", (value, message) => {
    expect(() => checkDelivery(value, 120)).toThrow(message);
    try {
      checkDelivery(value, 120);
    } catch (error) {
      expect((error as { code: string }).code).toBe("BAD_INPUT");
    }
  });
});
