/**
 * The risk-lens analysis of an answer, remembered: the prep sheet analyses every answer for
 * its score and fixes, and the same bank is exported again and again (HTML, then PDF, then cue
 * cards). Keyed by a hash of everything the analysis depends on — the text, the question, the
 * role, the speaking rate, the budget and the lens model itself — so an edit, another role or
 * a retrained model is a miss, never a stale hit. In memory, per process, least recently used
 * first out; nothing is stored.
 */
import { createHash } from "node:crypto";
import { analyze } from "../core/analysis/analyze.ts";
import { LENS_MODEL } from "../core/analysis/lens/weights.ts";
import type { Analysis, AnalyzeOptions } from "../core/analysis/types.ts";

/** Analyses kept: a 5,000-answer bank in several roles fits. */
export const ANALYSIS_CACHE_SIZE = 20_000;

let modelHash: string | undefined;
/** The lens model's fingerprint (hashed once): a retrained model never reuses an old analysis. */
export function lensModelHash(): string {
  modelHash ??= createHash("sha256").update(JSON.stringify(LENS_MODEL)).digest("hex").slice(0, 16);
  return modelHash;
}

const cache = new Map<string, Analysis>();
let hits = 0;
let misses = 0;

function keyOf(text: string, options: AnalyzeOptions): string {
  const { question, role, budgetSeconds, wordsPerMinute, followUp, maxChars } = options;
  return createHash("sha256")
    .update(
      JSON.stringify([
        lensModelHash(),
        text,
        question,
        role,
        budgetSeconds,
        wordsPerMinute,
        followUp,
        maxChars,
      ]),
    )
    .digest("base64");
}

/**
 * `analyze`, remembered (see the module comment). The analysis returned is shared: read it,
 * do not change it.
 * @example const a = cachedAnalyze(text, { question }); cachedAnalyze(text, { question }) === a // true
 */
export function cachedAnalyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const key = keyOf(text, options);
  const found = cache.get(key);
  if (found) {
    hits++;
    // Most recently used last: Map keeps insertion order.
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  misses++;
  const analysis = analyze(text, options);
  cache.set(key, analysis);
  if (cache.size > ANALYSIS_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return analysis;
}

/** Hits and misses so far, and the entries held: for the benchmark and tests. */
export function analysisCacheStats(): { hits: number; misses: number; size: number } {
  return { hits, misses, size: cache.size };
}

/** Forgets every analysis (a benchmark's cold run). */
export function clearAnalysisCache(): void {
  cache.clear();
  hits = 0;
  misses = 0;
}
