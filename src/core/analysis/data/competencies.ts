import type { Competency } from "../../model.ts";

// Source: written by us from the way behavioural and technical interview questions are
// phrased in public question banks (the "tell me about a time…" families that Amazon's
// leadership principles, the Google/Meta behavioural rounds and career-centre lists group
// questions into) and from the competency definitions in PRODUCT.md. Each pattern names a
// family of phrasings; weights say how decisive the phrase is.

export interface CompetencyCue {
  competency: Competency;
  weight: number;
  pattern: RegExp;
}

export const COMPETENCY_CUES: readonly CompetencyCue[] = [
  // About me: the opener and its variants.
  {
    competency: "about-me",
    weight: 4,
    pattern:
      /\b(tell|walk) (me|us) (about|through) (yourself|your (background|resume|résumé|career|journey))\b/,
  },
  {
    competency: "about-me",
    weight: 3,
    pattern: /\b(introduce yourself|describe yourself|who are you|your background|about yourself)\b/,
  },
  {
    competency: "about-me",
    weight: 2,
    pattern: /\b(most interesting|proudest|favou?rite) (past )?projects?\b/,
  },
  {
    competency: "about-me",
    weight: 5,
    pattern:
      /\bwhat do you (believe|think) that\b|\bhow would (your friends|others|colleagues) describe you\b/,
  },
  // Motivation: why here, why now, why leave.
  {
    competency: "motivation",
    weight: 4,
    pattern:
      /\bwhy (do you want|would you like|are you interested|this (company|role|team|job|position)|us|here|now|(do|did) you (choose|apply (to|for)|pick) (us|this|our|the (company|role|field|team|job)))\b/,
  },
  {
    competency: "motivation",
    weight: 3,
    pattern:
      /\b(want to work (here|for us|with us)|makes? you want to|appeal(s)? to you|interests? you about|drew you|brought you (into|to)|prompting you to leave|leav(e|ing) (your|this|the) (current|last|previous)?\s?(job|role|company|employer)|looking for a new|good (match|fit) for|right (fit|person) for|first day (with|here)|what would you want to work on|motivates? you|excites? you)\b/,
  },
  {
    competency: "motivation",
    weight: 2,
    pattern:
      /\b(career goals?|where do you see yourself|five years|5 years|why did you (choose|go into|get into))\b/,
  },
  // Technical challenge.
  {
    competency: "technical-challenge",
    weight: 3,
    pattern:
      /\b(toughest|hardest|most (difficult|challenging|complex|complicated)|difficult|complicated|hard|challenging|tricky) (technical )?(problem|bug|challenge|project|issue|dataset|system|decision)s?\b/,
  },
  {
    competency: "technical-challenge",
    weight: 3,
    pattern:
      /\b(perform better|optimi[sz]ed?|improv(e|ed) (the )?performance|debug(ged)?|new (algorithm|technology|tool|framework)|technical (challenge|problem|decision)|architecture|scal(ed|ing) (a|the) system)\b/,
  },
  {
    competency: "technical-challenge",
    weight: 1.5,
    pattern: /\b(how did you (solve|get past|overcome) it|approach challenges|problem[- ]solving)\b/,
  },
  // Mistakes and failure.
  {
    competency: "mistake-failure",
    weight: 4,
    pattern:
      /\b(fail(ed|ure|ures)?|mistakes?|wrong|screwed up|messed up|regret|setback|went badly|didn't go (as planned|well))\b/,
  },
  // Conflict.
  {
    competency: "conflict",
    weight: 4,
    pattern:
      /\b(conflict|disagree(d|ment|s)?|clash(ed)?|argument|tension|didn't get along|difficult (coworker|colleague|teammate|person|manager)|sees? (a|the) (project|problem|thing) differently|push(ed)? back|opposing view)\b/,
  },
  // Leadership and influence.
  {
    competency: "leadership-influence",
    weight: 4,
    pattern:
      /\b(lead(ership)?|led|influence[ds]?|persuade[ds]?|convince[ds]?|mentor(ed|ing)?|bring .{0,30} on side|get buy-in|won (people|them) over|underperform(ing|er)?|manage (a|your) team|motivate (a|your|the) team|difficult employees)\b/,
  },
  {
    competency: "leadership-influence",
    weight: 1.5,
    pattern: /\b(without authority|stepped up|take charge|took charge)\b/,
  },
  // Ambiguity and change.
  {
    competency: "ambiguity",
    weight: 4,
    pattern:
      /\b(ambigu(ity|ous)|unclear|uncertain(ty)?|incomplete (information|data|requirements)|without (all|enough|complete) (the )?(information|data)|priorities (shifted|changed)|(requirements|scope) (changed|shifted)|changed significantly|adapt(ed)?|worked backwards|from a customer's problem|unknowns?)\b/,
  },
  // Prioritisation and deadlines.
  {
    competency: "prioritization-deadline",
    weight: 4,
    pattern:
      /\b(prioriti[sz](e|ed|ation|ing)|priorities|deadlines?|under pressure|tight (timeline|schedule)|competing (demands|tasks|requests)|which tasks come first|conflicting (things|requests|demands)|too much (work|on your plate)|multiple (projects|tasks)|time management|stakeholders wanted)\b/,
  },
  // Feedback.
  {
    competency: "feedback",
    weight: 4,
    pattern:
      /\b(feedback|critici[sz](e|ed|sm)|criticized|criticism|constructive|review(ed)? your work|performance review)\b/,
  },
  // Teamwork and communication.
  {
    competency: "teamwork",
    weight: 3.5,
    pattern:
      /\b(team ?work|worked (with|in) a team|collaborat(e|ed|ion)|cross-functional|non-technical|without a technical background|explain(ed)? .{0,40}(to|for) (people|stakeholders|someone)|communicat(e|ed|ion)|bad news|another team|help (a|your) (colleague|teammate)|get (complicated|complex) .{0,30} across)\b/,
  },
  // Customer focus.
  {
    competency: "customer-focus",
    weight: 4,
    pattern:
      /\b(customers?|clients?|users?'? (needs|problem|feedback)|end[- ]users?|revenue|product's success|business impact)\b/,
  },
  // Learning and growth.
  {
    competency: "learning-growth",
    weight: 4,
    pattern:
      /\b(learn(ed|t)? (a|something) new|keep up (with|to date)|stay (current|up to date)|industry trends|new skill|teach yourself|taught yourself|uncomfortable|out of your comfort zone|develop yourself|self-improvement|how do you learn)\b/,
  },
  // Ownership and initiative.
  {
    competency: "ownership-initiative",
    weight: 4,
    pattern:
      /\b(initiative|ownership|own(ed)? (a|the) (problem|project)|beyond (your|the) (role|job|call of duty)|above and beyond|without being asked|save (the company )?money|keep working at|for several months|persever(e|ance)|unresponsive|depended on|(make|made|making) (a )?(complicated |complex )?process (simpler|easier)|simplif(y|ied)|judge whether .{0,60} succeeded|measure (your )?success|proactive(ly)?)\b/,
  },
  { competency: "learning-growth", weight: 2, pattern: /\b(grow|growth)\b/ },
  {
    competency: "teamwork",
    weight: 2,
    pattern: /\b(team|teams|teammates?|colleagues?|coworkers?|co-workers?|getting along|get along|peers?)\b/,
  },
  {
    competency: "ownership-initiative",
    weight: 3,
    pattern:
      /\b(goals? you set|set (a|yourself a) goal|achieved? (it|a goal)|improved? (a|the) process|process improvement|went the extra mile|outside (of )?your (role|job)|took ownership)\b/,
  },
  // Strengths and weaknesses.
  {
    competency: "strength-weakness",
    weight: 4,
    pattern:
      /\b(would|will|did) (your|my) (previous |last |current |former )?(manager|boss|colleagues?|coworkers?|team|friends) (say|describe|tell)\b|\bsay about you\b/,
  },
  { competency: "strength-weakness", weight: 3, pattern: /\bwhere do you (most )?need to (grow|improve)\b/ },
  {
    competency: "strength-weakness",
    weight: 4,
    pattern:
      /\b(weakness(es)?|strength(s)?|areas? (of|for) (improvement|growth)|yearly review|annual review|what would (i|your manager) (be )?say(ing)? (to|about) you|greatest (asset|strength))\b/,
  },
  // ML concepts.
  {
    competency: "ml-concept",
    weight: 3.5,
    pattern:
      /\b(overfit(ting)?|underfit(ting)?|bias[- ]variance|regulari[sz]ation|gradient|loss function|precision|recall|f1|roc|auc|cross[- ]validation|which model|choose (a|the) model|decide which model|assess how well your models|evaluate (a|your) models?|evaluation metrics?|feature (selection|engineering)|class imbalance|imbalanced|transformers?|attention|embeddings?|supervised|unsupervised|neural network|decision trees?|random forest|boosting|backprop(agation)?|dropout|batch norm|how does .{0,30} work)\b/,
  },
  { competency: "ml-concept", weight: 1.5, pattern: /\b(models?\b.{0,40}perform|algorithm)\b/ },
  // ML engineering and deployment.
  {
    competency: "ml-engineering",
    weight: 3.5,
    pattern:
      /\b(production|deploy(ed|ing|ment)?|mlops|serving|inference|latency|data drift|drift|monitor(ing)?|pipelines?|kubernetes|docker|containers?|blue[- ]green|canary|a\/b test|feature store|ci\/cd|retrain(ing)?|model registry|lifecycle|debug(ging)? (a|an) (complicated )?ml model|trade off accuracy|accuracy\/performance|efficiency\/speed|scal(e|ing) (a|the) model)\b/,
  },
];

/**
 * What a question of each competency is about, for prose: "reads as a reply to a question about
 * taking ownership or initiative", never the id itself.
 */
export const COMPETENCY_TOPICS: Readonly<Record<Competency, string>> = {
  "about-me": "yourself and your background",
  motivation: "why you want this role or company",
  "technical-challenge": "a hard technical problem",
  "mistake-failure": "a mistake or a failure",
  conflict: "a conflict or a disagreement",
  "leadership-influence": "leading or influencing others",
  ambiguity: "working with unclear information",
  "prioritization-deadline": "priorities or a deadline",
  feedback: "giving or taking feedback",
  teamwork: "working in a team",
  "customer-focus": "a customer or a user",
  "learning-growth": "learning something new",
  "ownership-initiative": "taking ownership or initiative",
  "strength-weakness": "your strengths or weaknesses",
  "ml-concept": "an ML concept",
  "ml-engineering": "building ML systems",
};
