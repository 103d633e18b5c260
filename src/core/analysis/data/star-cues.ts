import type { StarPart } from "../../model.ts";

// Source: written by us from the STAR(+L) method as interview coaches teach it (university
// career-centre STAR guides, the "Situation / Task / Action / Result / Learning" scaffolds in
// behavioural-interview prep books) and from how candidates mark sections in prep notes
// (`**S – Situation**`, `Situation:`, `S:`, "The fix:", "Takeaways:"). Not drawn from any eval set.

/** Section labels a candidate writes before a STAR part, lower-cased, without the colon. */
export const STAR_MARKERS: Readonly<Record<StarPart, readonly string[]>> = {
  situation: [
    "situation",
    "context",
    "background",
    "setting",
    "the situation",
    "the context",
    "the problem",
    "problem",
    "the challenge",
    "challenge",
    "the conflict",
    "conflict",
    "the issue",
    "issue",
    "my error",
    "my mistake",
    "the mistake",
    "what went wrong",
    "how it showed up",
    "what happened",
  ],
  task: [
    "task",
    "tasks",
    "my task",
    "goal",
    "my goal",
    "the goal",
    "objective",
    "my role",
    "role",
    "responsibility",
    "why it mattered",
    "the stakes",
    "stakes",
    "the ask",
    "mission",
  ],
  action: [
    "action",
    "actions",
    "approach",
    "my approach",
    "what i did",
    "the fix",
    "fix",
    "solution",
    "the solution",
    "steps",
    "how i did it",
    "how i fixed it",
    "what we did",
  ],
  result: [
    "result",
    "results",
    "the result",
    "outcome",
    "outcomes",
    "the outcome",
    "impact",
    "the impact",
    "results achieved",
    "what happened next",
  ],
  lesson: [
    "lesson",
    "lessons",
    "lesson learned",
    "lessons learned",
    "learning",
    "learnings",
    "key learning",
    "takeaway",
    "takeaways",
    "key takeaway",
    "reflection",
    "what i learned",
    "what i learnt",
    "what i'd do differently",
    "looking back",
  ],
};

/** One-letter markers ("S:", "**S – Situation**"). */
export const STAR_LETTERS: Readonly<Record<string, StarPart>> = {
  s: "situation",
  t: "task",
  a: "action",
  r: "result",
  l: "lesson",
};

/**
 * Cues that a sentence plays a part, by how people narrate a story in an interview.
 * Weights are relative: the best-scoring part wins when it clears the threshold in segment.ts.
 */
export const STAR_CUES: ReadonlyArray<{ part: StarPart; weight: number; pattern: RegExp }> = [
  // Lesson: the reflection and the changed habit.
  {
    part: "lesson",
    weight: 3,
    pattern:
      /\b(i|we) (have )?(learned|learnt|took away|came away)\b|\b(i|we) (realized|realised|understood) (how|that (i|we) (should|need|must|have to)|the (importance|value|need))\b|\b(taught|showed|reminded) (me|us)\b|\blessons?\b|\btakeaways?\b|\bkey learning\b|\bin hindsight\b|\blooking back\b|\bnext time\b|\bif i (did|had to do|were to do) it again\b|\bi would (now )?do (it )?differently\b|\b(clicked|dawned on me|hit me)\b|\b(strengthened|reinforced|confirmed|deepened|solidified|sharpened|broadened) (my|how|that|the importance)\b|\bhelped (me|us) (to )?(solidify|deepen|sharpen|broaden|strengthen|understand|appreciate|grasp)\b|\bgave (me|us) (a )?([\w-]+ ){0,2}(understanding|appreciation) (of|for)\b|\bmade (it )?a habit\b|\bsince then\b|\bever since\b|\bgoing forward\b|\bfrom now on\b|\b(now|these days|nowadays|today),? i (always|make|try|ask|check|start|build|set|insist|plan|write|add|budget|begin)\b|\bi now (always )?\w+/,
  },
  // Result: what changed, with or without a figure.
  {
    part: "result",
    weight: 2.5,
    pattern:
      /\b(as a result|resulted in|the result|the outcome|in the end|ultimately|consequently|thanks to (this|these|that|the)|because of (this|these|that) (work|change|changes|effort))\b|\b(led to|leading to|which meant)\b|\b(shipped|launched|went live|signed off|paid off|succeeded|won)\b|\b(finished|completed|delivered|handed over|rolled out|released)\b.{0,40}\b(on (time|schedule)|successfully|ahead|early|within|inside)\b|\b(on (time|schedule)|ahead of schedule|successfully)\b|\bbecame (the )?(standard|default|template|model|norm|go-to)\b|\b(got|went|became|was|were|is|are) (?!not |never |no longer |still )([\w-]+ ){0,2}(better|faster|quicker|smoother|easier|cheaper|stable|resolved|fixed)\b|\b(adopted|approved|promoted|recognized|recognised|praised|thanked)\b|\b(was|were|got|had been) (finally )?(finished|completed|resolved|fixed|approved|solved|delivered|shipped|launched|restored|signed)\b|\b(left|gave|wrote) (us |me )?an? ([\w-]+ )?(review|testimonial|thank-you)\b|\b(managed to|was able to|were able to)\b|\b(hit|met|reached|achieved|beat|exceeded|surpassed) (the|our|all|every|its|their|my) ([\w-]+ )?(targets?|goals?|deadlines?|numbers|slas?|kpis?|quotas?)\b/,
  },
  // Result with a figure: a change verb with a number or a vague size.
  {
    part: "result",
    weight: 2.5,
    pattern:
      /\b(reduc|cut|drop|fell|fall|decreas|increas|improv|boost|rais|rose|grew|lift|sav|doubl|tripl|halv|shrank|sped|jump|climb|sank|hit)\w*\b[^.]{0,60}(\d|%|percent|times|fold|half|twice)/,
  },
  // Result told as a change ("latency dropped"); a first-person action outweighs it.
  {
    part: "result",
    weight: 2,
    pattern:
      /\b(dropped|fell|rose|decreased|increased|improved|doubled|halved|shrank|grew|jumped|declined|went (up|down)|disappeared|vanished|stopped)\b/,
  },
  // Task: what the speaker had to achieve.
  {
    part: "task",
    weight: 3,
    pattern:
      /\b(my|our|the) (main |primary |whole )?(goal|task|job|role|responsibility|objective|mission|aim|target|brief|mandate) (was|were|is)\b|\bi (had|needed|was asked|was tasked|was expected|was responsible|was supposed|was charged|set out|was hired) to\b|\bi was (in charge of|responsible for|accountable for|tasked with|asked to)\b|\bit was (my job|my responsibility|on me|up to me)\b|\b(the )?(challenge|hard part|tricky part|difficulty|catch|question) (was|became)\b|\bwhat i wanted\b|\bwhat made (it|this|the (work|project|problem)) (hard|difficult|tricky|challenging)\b|\bi wanted to (deal|make|find|fix|make sure|ensure|understand|help)\b|\bwe (had|needed) to (hit|meet|deliver|ship|find|cut|reduce|get)\b|\bmy (job|role) was\b/,
  },
  // Action: sequencers and "I started by".
  {
    part: "action",
    weight: 2,
    pattern:
      /^(first|firstly|then|next|after that|afterwards|finally|eventually|to (fix|solve|address|do) (this|that|it)|so i|from there|at first|right away|immediately)\b|\b(i|we) (started|began|kicked off) (by|with)\b|\bstep (one|two|three|\d)\b/,
  },
  // Situation: time and place of the story.
  {
    part: "situation",
    weight: 2,
    pattern:
      /\b(when|while) (i|we) (was|were|worked|joined|started)\b|\b(at|in|during) my (last|previous|prior|former|first|current|old|earlier) (job|role|company|team|position|internship|employer|startup)\b|\b(last|this past|one) (year|quarter|term|summer|semester|spring|winter)\b|^(once|early on|a few (weeks|months|years) (ago|back)|back in|previously|recently|years ago|some time ago|at one point)\b|\b(in|at|during|on) (my|our|an?|the) ([\w-]+ ){0,3}(job|role|company|team|position|internship|startup|project|course|class|program|programme)\b|\bwe were (building|working|migrating|running|trying|rolling|developing|using|preparing)\b|\b(was|were) (getting|becoming|growing|climbing|struggling|juggling|stuck)\b|\bthere (was|were|had been)\b|\bhad been\b/,
  },
];

/**
 * The lesson cues above as one pattern ("since then", "taught me", "next time"…), for reading a
 * sentence outside the lens (compose, tailor). Test it on lower-cased text with curly quotes
 * straightened.
 */
export const LESSON_CUE = new RegExp(
  STAR_CUES.filter((cue) => cue.part === "lesson")
    .map((cue) => cue.pattern.source)
    .join("|"),
);

/** Verbs that, with I or we as subject, narrate an action (lemmas). */
export const ACTION_LEMMAS: ReadonlySet<string> = new Set([
  "add",
  "analyse",
  "analyze",
  "apply",
  "ask",
  "automate",
  "bring",
  "build",
  "call",
  "change",
  "check",
  "choose",
  "coach",
  "collect",
  "compare",
  "create",
  "debug",
  "decide",
  "define",
  "deploy",
  "design",
  "develop",
  "document",
  "draft",
  "drive",
  "facilitate",
  "find",
  "fix",
  "gather",
  "give",
  "hold",
  "implement",
  "instrument",
  "interview",
  "introduce",
  "investigate",
  "launch",
  "lead",
  "listen",
  "map",
  "measure",
  "meet",
  "mentor",
  "migrate",
  "move",
  "negotiate",
  "offer",
  "organise",
  "organize",
  "pair",
  "partner",
  "persuade",
  "pitch",
  "present",
  "prioritise",
  "prioritize",
  "profile",
  "propose",
  "prototype",
  "pull",
  "push",
  "reach",
  "rebuild",
  "redesign",
  "refactor",
  "replace",
  "reproduce",
  "restructure",
  "review",
  "rewrite",
  "roll",
  "run",
  "schedule",
  "set",
  "ship",
  "sit",
  "speak",
  "split",
  "start",
  "suggest",
  "switch",
  "talk",
  "team",
  "test",
  "trace",
  "train",
  "tune",
  "use",
  "walk",
  "write",
]);
