import type { Competency } from "../../model.ts";

/**
 * The sentences that answer a question of a competency, which compose keeps and re-angle never
 * trims whatever the role: for a mistake question, the mistake itself, owning it and the fix
 * ("how you handled it"; the lesson is found by the lens's tagger). Written by us from the wording of the mistake stories in our
 * sample document and in the answers of eval/corpus: a mistake is said as something done wrong
 * ("I had accidentally dropped rows", "I had loaded the history from disk on every request": what
 * the speaker had done, told once the trouble showed, "I assumed", "I traced the issue to a misconfiguration", "I went
 * back and realised my split had leaked"),
 * owning it as acknowledging it, telling the team or taking responsibility.
 */
export const ANSWER_CUES: Partial<Record<Competency, readonly RegExp[]>> = {
  "mistake-failure": [
    // The mistake.
    /\b(?:accidentally|by mistake|mistakenly|inadvertently|misconfigur\w*|misjudg\w*|overlook\w*|i assumed|i had assumed|i forgot|i missed|i didn'?t (?:check|test|notice|realise|realize|validate|verify)|without (?:checking|testing|validating|verifying)|my (?:mistake|error|fault)|the (?:root )?cause|traced (?:the|it)|turned out|went wrong|i was wrong|i had (?!been\b)(?:\w+ed|built|made|left|set|put|run|written|taken|chosen|kept)|i (?:[\w-]+ ){0,3}(?:reali[sz]ed|discovered|found|saw|noticed) (?:that )?(?:my|i had|i'?d)\b)\b/i,
    // Owning it.
    /\b(?:i (?:\w+ly )?(?:acknowledged|admitted|owned|apologi[sz]ed|took (?:ownership|responsibility)|(?:told|warned|alerted) (?:the|my) (?:team|manager|lead|colleagues?|users?))|my responsibility|i (?:should|shouldn'?t) have)\b/i,
    // How it was handled: the fix ("To resolve it, I rewrote…", "I rolled back and fixed…").
    /\b(?:to (?:resolve|fix|correct|repair) (?:it|this|that|the (?:issue|problem|mistake|bug))|i (?:\w+ly )?(?:fixed|rolled back|reverted|patched|corrected|rewrote|refactored|re-?ran)|once i (?:identified|found|saw|understood) (?:the|that|it))\b/i,
  ],
};

/**
 * For each cue of the competency, the sentence that answers it best (most cue hits, earliest on
 * a tie): for a mistake question, the sentence that states the mistake and the one that owns it.
 * @example answeringSentences(["Sales were off.", "I had accidentally dropped rows."], "mistake-failure") // [1]
 */
export function answeringSentences(
  sentences: readonly string[],
  competency: Competency | undefined,
): number[] {
  const cues = competency === undefined ? undefined : ANSWER_CUES[competency];
  const out: number[] = [];
  for (const cue of cues ?? []) {
    const global = new RegExp(cue.source, "gi");
    let best = -1;
    let bestHits = 0;
    sentences.forEach((sentence, i) => {
      const hits = sentence.match(global)?.length ?? 0;
      if (hits > bestHits) {
        best = i;
        bestHits = hits;
      }
    });
    if (best >= 0 && !out.includes(best)) out.push(best);
  }
  return out;
}
