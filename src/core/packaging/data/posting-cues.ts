// Source: written by us from the structure of public job postings (company career pages
// and job-board READMEs: "What you'll do", "Responsibilities", "Minimum requirements",
// "Preferred qualifications", "Not required, but…", "About us", benefits blocks, "Apply
// now" buttons and footers). Patterns are tested against a heading's text, lower-cased.

export type PostingSection =
  | "responsibilities"
  | "requirements"
  | "preferred"
  | "values"
  | "about"
  | "benefits"
  | "other";

export const SECTION_CUES: ReadonlyArray<readonly [PostingSection, RegExp]> = [
  [
    "preferred",
    /\b(?:nice to have|preferred|bonus|plus(?:es)?|not required|good to have|would be great|extra credit|desired)\b/,
  ],
  [
    "requirements",
    /\b(?:requirements?|qualifications?|who you are|what you(?:'ll)? (?:bring|need|have)|must[- ]haves?|skills|you have|you are|about you|experience|we(?:'re| are) looking for|what we(?:'re| are)? ?look(?:ing)? for|who we(?:'re| are)? ?look(?:ing)? for|what we (?:need|expect|ask)|what we(?:'re| are) hoping for|you(?:'ll| will) need|ideal candidate|you might be)\b/,
  ],
  [
    "responsibilities",
    /\b(?:responsibilit(?:y|ies)|what you(?:'ll| will) do|the role|your role|day[- ]to[- ]day|you will|in this role|job description|problems you (?:may|will) tackle|what you(?:'ll| will) work on|the job)\b/,
  ],
  ["values", /\b(?:values|culture|how we work|what we value|principles|our team|working here|life at)\b/],
  [
    "benefits",
    /\b(?:benefits|perks|what we offer|compensation|salary|we offer|package|rewards|equal opportunity|what you(?:'ll| will)? (?:get|receive|enjoy)|what's in it for you|in return|why join(?: us)?|we provide)\b/,
  ],
  ["about", /\b(?:about|who we are|our mission|the company|the team|overview)\b/],
];

/** Lines of site chrome around a posting: apply buttons, footers, navigation. */
export const CHROME_LINE =
  /\b(?:apply (?:now|here|today|for this (?:job|role|position))|submit (?:your )?(?:application|resume|cv)|equal (?:employment )?opportunity|eeo\b|privacy (?:policy|notice)|share (?:this )?(?:job|posting)|back to (?:all )?(?:jobs|careers|openings)|view all (?:jobs|openings)|sign in|log in|cookie|powered by|subscribe|job alerts?|similar jobs|posted (?:on|\d)|©|all rights reserved)/i;

/** A sentence that asks for something (outside bullets, where structure is weaker). */
export const REQUIREMENT_CUE =
  /\b(?:experience (?:with|in|building|deploying)|proficien(?:t|cy)|knowledge of|familiar(?:ity)? with|ability to|able to|strong|you have|you(?:'ll| will)|responsible for|degree in|years? of|understanding of|comfortable with|track record)\b/i;

export const SENIORITY_CUE =
  /\b(?:\d+\s*(?:\+|-\s*\d+)?\s*(?:years?|yrs)\b|senior (?:engineer|scientist|developer|level)|(?:staff|principal)[- ](?:engineer|scientist|level)|junior|entry[- ]level|mid[- ]level|tech lead|new grad|internship)/i;

export const VALUE_CUE =
  /\b(?:passionate|curious|curiosity|ownership|own(?:ing)? (?:the|your)|bias (?:towards|for) action|initiative|collaborat\w*|ambiguity|humble|humility|customer[- ]obsess\w*|delight customers|growth mindset|integrity|transparen\w*|kind(?:ness)?|empath\w*|inclusive|diverse|learn(?:ing)? quickly|high standards|autonom\w*|communicat\w*)/i;

/** Sentences that state what a company is for: the raw material of "Why <company>". */
export const MISSION_CUE =
  /\b(?:mission|we believe|our goal|vision|we(?:'re| are) (?:building|on a)|we build|we help|helps?|to make|enable|empower|platform for)\b/i;

/** Additional skill phrases (beyond data/tools.ts) postings ask for. */
export const SKILL_PHRASES: readonly string[] = [
  "machine learning",
  "deep learning",
  "statistics",
  "nlp",
  "natural language processing",
  "computer vision",
  "distributed systems",
  "data pipelines",
  "experimentation",
  "a/b testing",
  "recommendation systems",
  "fraud",
  "payments",
  "mlops",
  "model deployment",
  "feature engineering",
  "data visualization",
  "technical writing",
  "public speaking",
  "mentoring",
  "communication",
  "backend",
  "microservices",
  "privacy",
  "open-source",
  "open source",
];

/** Words every posting uses; they say nothing about one requirement. */
export const POSTING_STOPWORDS: ReadonlySet<string> = new Set([
  "experience",
  "year",
  "years",
  "ability",
  "strong",
  "skill",
  "knowledge",
  "work",
  "working",
  "role",
  "team",
  "familiar",
  "familiarity",
  "understand",
  "understanding",
  "proficient",
  "excellent",
  "good",
  "great",
  "plus",
  "relevant",
  "related",
  "including",
  "etc",
  "new",
  "use",
  "using",
  "build",
  "help",
  "well",
]);
