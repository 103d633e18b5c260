// Source: written by us from the follow-ups interviewers commonly ask after a "tell me
// about yourself" or a STAR story (career-centre and hiring-manager guides on behavioural
// rounds), and from the "They'll likely ask" block of the seed prep document ("Was your
// PhD related to AI/ML?", "What experience do you have with ML in practice?"). Extensible:
// add an entry and `predictFollowUps` picks it up.
//
// Placeholders in questions: {phrase} the quoted trigger, {field} the target role's field
// ("ML"), {name} a tool's name, {company} a company's name.

export interface FollowUpTrigger {
  id: string;
  /**
   * "phrase": fires where `pattern` matches; "tool": fires per tool or technique named
   * (data/tools.ts); "company": fires per company named after at/join/for; "missing-figure":
   * fires once when a story states no measured figure;
   * "story-probe": fires once on a behavioral story (a question about an episode), anchored
   * where `pattern` matches, else (unless `onlyWhere`) on the story's lesson or on no sentence; with
   * `figureFirst`, on the first sentence that states a figure before anything else.
   */
  kind: "phrase" | "tool" | "company" | "missing-figure" | "story-probe";
  /**
   * Probes the story itself (its lesson, the candidate's own part, its measure): for a
   * behavioral question these rank above follow-ups on a named tool.
   */
  probe?: boolean;
  /** For "story-probe": fire only where `pattern` matches (no fallback to the lesson). */
  onlyWhere?: boolean;
  /** For "story-probe": anchor on the first sentence stating a figure when there is one. */
  figureFirst?: boolean;
  /**
   * For "story-probe": `pattern` and `figureFirst` count only in a sentence the risk lens's
   * tagger reads as the result ("dropped" in "I dropped rows by mistake", "two days later" in
   * the setting are no outcome to measure).
   */
  inResult?: boolean;
  /** For "phrase" (and the vague-impact words of "missing-figure"); case-insensitive. */
  pattern?: RegExp;
  questions: readonly string[];
  reason: string;
  /** For "tool": the reason when what is named is a technique (data/tools.ts), not a tool. */
  techniqueReason?: string;
}

export const FOLLOW_UP_TRIGGERS: readonly FollowUpTrigger[] = [
  {
    id: "degree",
    kind: "phrase",
    pattern:
      /\b(?:ph\.?d\.?|doctorate|master'?s(?: degree)?|m\.?sc\.?|msc|bachelor'?s(?: degree)?|b\.?sc\.?|degree)\b(?:\s+(?:in|on)\s+[\p{L}-]+(?:\s+(?!(?:and|but|with|where|from|at|which|that|then|focusing|to)\b)[\p{L}-]+)?)?/iu,
    questions: ["Was your {phrase} related to {field}?", "How does your {phrase} help you in this role?"],
    reason: "A degree outside the role's field makes the interviewer check how it connects.",
  },
  {
    id: "research-background",
    kind: "phrase",
    pattern:
      /\b(?:research(?:er)?|physicist|postdoc(?:toral)?|academi[ac]|lab(?:oratory)?|professor|lecturer|teaching)\b/iu,
    questions: ["How does your research background carry over to {field} in industry?"],
    reason: "An academic path makes the interviewer check that the work was practical, not only theory.",
  },
  {
    id: "personal-projects",
    kind: "phrase",
    pattern:
      /\b(?:personal|side|hobby|pet|weekend|own|curiosity-driven|self-directed)\s+(?:[\p{L}/-]+\s+){0,2}projects?\b/iu,
    questions: ["Was it in production? How many users did it have?"],
    reason: "Personal projects raise the question whether the work met real users and real load.",
  },
  {
    id: "hands-on",
    kind: "phrase",
    pattern: /\bhands-on\s+(?:[\p{L}/-]+\s+){0,3}(?:projects?|systems?|experience|work)\b/iu,
    questions: ["What experience do you have with {field} in practice?"],
    reason: "“Hands-on” invites the interviewer to test how deep the practice went.",
  },
  {
    id: "tool",
    kind: "tool",
    questions: ["What's your experience with {name}?"],
    reason: "Naming a tool invites a question on how deeply you used it.",
    techniqueReason:
      "Naming a technique invites a question on how you applied it and how you knew it worked.",
  },
  {
    id: "missing-figure",
    kind: "missing-figure",
    pattern:
      /\b(?:significantly|substantially|dramatically|greatly|a lot|much (?:faster|better|more)|improved|reduced|increased|sped up|faster|better)\b/i,
    questions: ["What was the impact? Can you put a number on it?"],
    probe: true,
    reason: "The story states no measured result, so the interviewer will ask for one.",
  },
  {
    id: "mistake",
    kind: "phrase",
    pattern:
      /\b(?:mistake|i missed|i overlooked|i underestimated|failed|failure|went wrong|my fault|i broke|i should have|outage i caused)\b/i,
    questions: ["What would you do differently?", "How did you make sure it would not happen again?"],
    probe: true,
    reason: "After a mistake the interviewer checks for learning and prevention.",
  },
  {
    id: "company",
    kind: "company",
    questions: ["Why {company}? Why now?"],
    reason: "Naming a company invites the interviewer to test your motivation and timing.",
  },
  // A move the speaker is making now (moving, switching, looking, bringing their skills to a
  // team, quoted up to the team it names): "why now?" asks about its timing. How an interest began ("my maths naturally led me to
  // machine learning", "drew me into data") is the past, with no move in it to time.
  {
    id: "career-move",
    kind: "phrase",
    pattern:
      /\b(?:now i(?:'m| am)? (?:want|looking|ready|excited|hoping)|i(?:'m| am) (?:now )?looking (?:to|for)|transition(?:ing)? (?:in)?to|move (?:in)?to|switch(?:ing)? to|bring (?:both |all )?(?:that|this|my|these|those)\b[^.]{0,60}?\bto (?:a|an|the|your|this)\b[^.,;:!?]{0,40})\b/i,
    questions: ["Why now? What makes this the right time for the move?"],
    reason: "A career move makes the interviewer ask about timing and commitment.",
  },
  {
    id: "we-heavy",
    kind: "phrase",
    pattern: /\bwe (?:built|designed|decided|shipped|launched|created|implemented|developed|did)\b/i,
    questions: ["What was your own part in it?"],
    probe: true,
    reason: "“We did” hides who did what; the interviewer will ask for your share.",
  },
  // The three questions an interviewer asks of almost any behavioral story (STAR coaching
  // guides list them as the standard probes): the lesson, the candidate's own share, the measure.
  {
    id: "story-lesson",
    kind: "story-probe",
    pattern:
      // "learned" only as the speaker's ("I learned", "learned that…"): "the model had learned the
      // fills" is the model's; finding one's own error ("I went back and realised my split…") is the mistake.
      /\b(?:mistake|accidentally|misconfigur\w*|i missed|overlooked|i assumed|wrong|i should have|lesson|(?:i|we) (?:\w+ )?learn(?:ed|t)|learn(?:ed|t) (?:that|to|how)|i (?:[\w-]+ ){0,3}reali[sz]ed(?= (?:that )?(?:my|i had|i'?d)\b)|taught me|reminded me|since then|from then on|going forward|i now always|now,? i always)\b/i,
    questions: ["What would you do differently?"],
    reason: "After a story the interviewer checks what you learned and would change.",
    probe: true,
  },
  {
    id: "story-own-part",
    kind: "story-probe",
    pattern: /\b(?:we|our|us|the team|my team|together|colleagues?|teammates?)\b/i,
    onlyWhere: true,
    questions: ["What was your own part in it?"],
    reason: "Where others were involved, the interviewer separates your share from the team's.",
    probe: true,
  },
  {
    id: "story-measure",
    kind: "story-probe",
    figureFirst: true,
    onlyWhere: true,
    inResult: true,
    pattern:
      /\b(?:stabili[sz]ed|improved|reduced|dropped|fell|restored|(?:more|much more) (?:consistent|reliable|stable)|faster|near-zero|cut)\b/i,
    questions: ["How did you measure it?"],
    reason: "A result invites the question of how it was measured and against what baseline.",
    probe: true,
  },
  {
    id: "team-lead",
    kind: "phrase",
    pattern: /\b(?:led|managed|mentored) (?:a |the )?(?:team|group|engineers|people)\b/i,
    questions: ["How did you handle a disagreement in that team?"],
    reason: "Leading people invites a question on conflict and influence.",
  },
];
