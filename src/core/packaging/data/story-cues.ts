import type { Competency } from "../../model.ts";

// Source: written by us from what the episodes behind each competency usually contain
// (the STAR story families of public behavioural question banks: failures, conflicts,
// deadlines, ambiguity…), so that a story with no stated competencies can still be
// matched and counted in the coverage matrix. Two distinct cues make a competency.

export const STORY_COMPETENCY_CUES: ReadonlyArray<readonly [Competency, RegExp]> = [
  [
    "mistake-failure",
    /\b(?:mistakes?|failed|failure|went wrong|i missed|i overlooked|i broke|my fault|outage|post-?mortem|rollback|rolled back)\b/gi,
  ],
  [
    "conflict",
    /\b(?:disagree\w*|conflict\w*|pushed back|push-?back|argument|tension|objected|clash\w*|compromise)\b/gi,
  ],
  [
    "leadership-influence",
    /\b(?:led|lead|convinced|persuad\w*|mentor\w*|influenc\w*|aligned|rallied|stakeholders?)\b/gi,
  ],
  ["ambiguity", /\b(?:unclear|ambigu\w*|no spec|unknowns?|uncertain\w*|vague|assumptions?|open-ended)\b/gi],
  [
    "prioritization-deadline",
    /\b(?:deadlines?|prioriti[sz]\w*|priorit(?:y|ies)|trade-?offs?|time pressure|tight|scope[ds]? down|urgent)\b/gi,
  ],
  ["feedback", /\b(?:feedback|criticism|critique|code review|review comments|constructive)\b/gi],
  ["teamwork", /\b(?:team\w*|together|collaborat\w*|colleagues?|pair(?:ed)?|cross-functional)\b/gi],
  [
    "customer-focus",
    /\b(?:customers?|clients?|users?|merchants?|patients?|support tickets?|complain\w*)\b/gi,
  ],
  [
    "learning-growth",
    /\b(?:learned|learnt|taught myself|new to|picked up|studied|course|upskill\w*|self-taught)\b/gi,
  ],
  [
    "ownership-initiative",
    /\b(?:on my own|initiative|volunteered|nobody asked|no one asked|owned|took ownership|proactively|side project)\b/gi,
  ],
  [
    "technical-challenge",
    /\b(?:bug|debug\w*|latency|performance|scal\w*|architecture|root cause|memory|race condition|bottleneck|optimi[sz]\w*)\b/gi,
  ],
  [
    "ml-engineering",
    /\b(?:models?|training|trained|deploy\w*|pipelines?|inference|features?|serving|retrain\w*|drift|mlops|evaluat\w*)\b/gi,
  ],
  [
    "ml-concept",
    /\b(?:overfitting|regulari[sz]ation|bias-variance|gradient|loss function|cross-validation|embeddings?|attention)\b/gi,
  ],
];
