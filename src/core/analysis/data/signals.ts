// Source: written by us from the five risk questions in PRODUCT.md ("Will this person collapse
// under ambiguity / spin wheels / blame others / need hand-holding / fix symptoms only?") and from
// common behavioural-interview rubrics (ownership, bias for action, dive deep, "disagree and
// commit", blameless post-mortem practice as described in SRE literature). Each pattern is
// a way people commonly say the thing in an interview; none is taken from an eval answer.

/** Handling the unknown: naming it, testing assumptions, narrowing it down. */
export const AMBIGUITY_CUES: readonly RegExp[] = [
  /\b(unclear|ambiguous|ambiguity|uncertain(ty)?|unknowns?|undefined|open-ended|ill-defined)\b/,
  /\b(no|not|without a?) ?(clear|obvious|defined|documented|shared|single|common) (spec|vision|pattern|owner|requirements?|answer|direction|plan|path|goal|product vision|picture)\b/,
  /\b(nobody|no one|none of us) (knew|understood|had|could|managed)\b/,
  /\b(didn't|did not|don't) know (what|where|how|why|which|whether|if)\b/,
  /\b(conflicting|contradictory|competing|clashing|shifting|changing|moving|vague|incomplete|missing) (the |our |their )?(visions?|priorities|requirements|goals|data|information|signals|targets?|specs?|opinions?|scope)\b/,
  /\b(assumptions?|hypothes[ie]s|hypothesi[sz]ed?|educated guess)\b/,
  /\b(intermittent|sporadic|seemingly at random|at random|no (obvious )?pattern|hard to reproduce|couldn't reproduce)\b/,
  /\b(didn't|did not) line up|\bmismatch(ed)?\b|\bmisread\b|\bmisunderst(ood|anding)\b/,
  /\b(the work|everything|the project|we) (was|were) stuck\b|\bstalled\b/,
  /\b(narrow(ed)? (it|things|the problem) down|ruled out|clarif(y|ied)|scoped? (it )?down|framed the problem)\b/,
  /\b(without (all|full|complete) (the )?(information|data|details)|with (limited|partial) (information|data))\b/,
];

/** A clear path: hypothesis → check → rule out → fix. */
export const METHOD_CUES: readonly RegExp[] = [
  /^(first|then|next|after that|finally|once)\b/,
  /\b(hypothes[ie]s|ruled out|narrowed|traced|isolated|reproduced|bisect(ed)?|profiled|instrument(ed|ation)|measured|benchmarked|compared|confirmed|verified|validated|root cause)\b/,
];

/** Wandering: trying things at random, no end. */
export const SPINNING_CUES: readonly RegExp[] = [
  /\b(tried (a lot of|lots of|many|various|different|a bunch of) (things|stuff|approaches)|nothing worked|random(ly)? tr(y|ied)|kept trying|went back and forth|going in circles|trial and error)\b/,
  /\b(or something( like that| along those lines)?|some stuff|and stuff|whatever)\b|(?<!\b(?:the|a|an|this|that|these|those|what|which|any|some|every|each|same|one|no|my|our|your|their|his|her|its|other|another|right|wrong|first|only) )\b(kind of|sort of)\b/,
];

/** Bad-mouthing and shifting responsibility onto others: strong on its own. */
export const BLAME_CUES: readonly RegExp[] = [
  /\b(his|her|their|the team's|management's|my manager's|my boss's) (attitude|incompetence|laziness|ego|fault)\b/,
  /\b(was|were|is|are)( (so|really|very|just|basically|simply|completely|totally|plain))? (lazy|incompetent|toxic|arrogant|rude|clueless|unprofessional|selfish)\b/,
  /\b(he|she|they)('s| was| were| is| are)( (so|really|very|just|basically|simply|completely|totally))? (insecure|difficult|useless|hopeless|impossible|hard to work with|a nightmare)\b/,
  /\b(refused to (listen|help|cooperate|engage|budge|admit)|wouldn't listen|would not listen|dropped the ball|didn't bother|did not bother)\b/,
  /\b(not|wasn't|was not|isn't|never) (really )?my fault\b|\b(was|is|were) (entirely |really |totally |all |clearly )?(their|his|her|(?:the |my |our )?[\w-]+(?: [\w-]+)?'s) (fault|doing)\b/,
  // Blaming someone, but not a lesson about blaming ("before I blame the code", "instead of
  // blaming the vendor", "not to blame the tools"): that disowns blame rather than placing it.
  /(?<!\b(?:before|instead of|rather than|without|than|not to|never|stop|stopped|quit|avoid|n't|not)(?: (?:i|we|you))? )\b(blamed?|blaming) (them|him|her|the|my|our|management|the client)\b/,
  /\bthrew (me|us) under the bus\b|\bset (me|us) up to fail\b/,
  /\b(picked apart|badmouth|bad-mouth|complain(ed)? about (him|her|them))\b/,
];

/** Complaints about what others did: blame only when the speaker owns nothing. */
export const COMPLAINT_CUES: readonly RegExp[] = [
  /\b(he|she|they|the client|management|my manager|my boss|the other team|qa|the vendor) (never|kept (missing|breaking|changing|ignoring)|failed to|ignored|didn't deliver|did not deliver)\b/,
  /\bbecause (of )?(they|he|she|management|the client|my manager|my boss|the other team|qa) (didn't|did not|never|couldn't|wouldn't|failed|kept)\b/,
];

/** Circumstances as the reason a thing failed: blame only when nothing is owned. */
export const EXCUSE_CUES: readonly RegExp[] = [
  /\b(out of (my|our) control|beyond (my|our) control|bad luck|unrealistic (deadline|timeline|expectations)|nobody (told|warned|informed) (me|us)|(i|we) (was|were) (never|not) (told|given|informed))\b/,
  /\b(the company|the organi[sz]ation|management|leadership) (had never|never|didn't|did not|wouldn't)\b/,
  /\b(organi[sz]ational|political) (limits|limitations|issues|problems|constraints)\b/,
  /\b(mistakes were made|it was decided|wasn't communicated|was not communicated|were not given)\b/,
];

/** Negative outcomes that call for owning a part. */
export const SETBACK_CUES: RegExp =
  /\b(late|missed|failed|failure|blew|slipped|broke|broken|outage|lost|delayed|overran|went wrong|fell apart|crashed)\b/;

/** Owning one's part: lowers blame. */
export const OWNERSHIP_CUES: readonly RegExp[] = [
  /\b(my (mistake|fault|error|responsibility|bad|part)|i (was wrong|messed up|missed|misjudged|underestimated|overlooked|forgot|should have|shouldn't have|didn't (tell|check|test|ask|plan|communicate|flag|raise))|i (owned|own|took ownership of|take responsibility|took responsibility|acknowledged|admitted|apologi[sz]ed))\b/,
  /\b(no finger-pointing|not (to )?blame|blameless)\b/,
];

/** Taking the decision or the first step without being told. */
export const DECISION_CUES: readonly RegExp[] = [
  /\bi (decided|chose|opted|proposed|suggested|recommended|pushed for|insisted|made the (call|decision)|took the (initiative|lead)|volunteered|offered|stepped (up|in)|initiated|drove|championed|advocated|set out|convinced)\b/,
  /\b(on my own initiative|without being asked|nobody asked me|proactively|i took it upon myself|right away i|immediately i|i (owned|own) it|without waiting (for|to be)|(didn't|did not) wait (for|to be)|before anyone asked)\b/,
  /\bi (started|began) (by|with)\b/,
];

/** Waiting to be told: the hand-holding risk. */
export const DEPENDENCE_CUES: readonly RegExp[] = [
  /\b(i was told to|my (manager|lead|boss|supervisor) (told|asked|instructed|showed|had to tell) me|waited for (instructions|approval|someone|my)|i asked (my|the) (manager|lead|boss) (what|how) to|someone else (fixed|finished|took over)|(had|needed) (a lot of )?help from my (lead|manager|senior))\b/,
  /\b(we had to ask (our|my|the) (manager|lead|boss|head)|escalated it and waited|handed it (off|over) to (my|our) (lead|manager))\b/,
];

/**
 * Hand-holding proper, the autonomy risk a reader is shown: someone showed the speaker how, had
 * to tell them, finished or took the work over, or the speaker waited for instructions or handed
 * the work to their lead. Being asked or told to do a piece of work is the task, not this (a
 * manager "asked me to make it reliable" and the speaker then carried it), so those forms of
 * DEPENDENCE_CUES, which the tagger reads as a feature, are not here.
 */
export const HAND_HOLDING_CUES: readonly RegExp[] = [
  /\b(my (manager|lead|boss|supervisor) (showed me how|had to (tell|show|remind) me|(stepped in|took over) and)|waited for (instructions|approval|someone|my)|i asked (my|the) (manager|lead|boss) (what|how) to|someone else (fixed|finished|took over)|(had|needed) (a lot of )?help from my (lead|manager|senior))\b/,
  /\b(we had to ask (our|my|the) (manager|lead|boss|head)|escalated it and waited|handed it (off|over) to (my|our) (lead|manager))\b/,
];

/** Driving to the end. */
export const COMPLETION_CUES: readonly RegExp[] = [
  /\b(shipped|delivered|launched|rolled out|went live|completed|finished|handed over|deployed|released|closed (it )?out|saw it through|end to end|end-to-end|on my own|self-directed|self-taught|independently|took (it|the project) from)\b/,
  /\bi (built|designed|developed|created|wrote|implemented|led|drove|ran|organi[sz]ed|owned|fixed|rebuilt|automated|traced|set up|introduced)\b/,
];

/** Thinking in systems: causes, prevention, processes, trade-offs. */
export const SYSTEMS_CUES: readonly RegExp[] = [
  /\b(root[- ]cause|underlying (cause|issue|problem|concerns?)|what was really (behind|going on|causing)|why it (happened|kept happening)|came from|traced (that|it) to|the real (problem|issue|cause))\b/,
  /\b(post-?mortems?|retrospectives?|retros?\b|runbooks?|playbooks?|checklists?|guardrails?|safeguards?)\b/,
  /\b(prevent(ed|ion|s)?|so (it|this|that) (doesn't|does not|wouldn't|would not|won't|will not|can't|could not|couldn't|never) happen again|never happened again|recurr(ence|ing))\b/,
  /\b(monitoring|alerting|alerts?|dashboards?|instrumentation|observability|(automated|regression|integration|unit|load|smoke|canary) tests?|test coverage|validation|data quality checks?|sensitivity analys[ie]s)\b/,
  /\b(trade-?offs?|traded|at the (cost|expense) of|without (hurting|sacrificing|weakening|compromising|losing|slowing)|balanc(e|ed|ing) (the|it|speed|cost|quality)|would have cost us|instead of|rather than)\b/,
  /\b(processe?s?|polic(y|ies)|standard practice|became (the )?(standard|model|template|default|norm)|framework|structured|systematic(ally)?|incremental(ly)?|phased|feature flags?|in parallel|pipeline|automat(ed|ion)|scal(able|ability)|long-term|second-order)\b/,
  /\b(regular|weekly|recurring) (status updates|reviews|check-ins|syncs|audits)|\brisk reviews?\b|\b(leakage|time-based split|baseline)\b/,
];

// Finer cues for the two signals the tagger confused most with their neighbours: a prevention
// step is a mechanism put in place (a test, a check, an alert…) that acts on later cases, and
// handling the unknown is an uncertainty met with a probe. Each part is a feature of its own,
// and the tagger also sees both parts in one sentence as one feature. Written by us from
// LABELING.md's definitions of `systems` and `ambiguity`.

/** A mechanism put in place: a verb of setting something up, then a check, test, alert or rule. */
export const MECHANISM_CUES: readonly RegExp[] = [
  /\b(add(ed|ing)?|set(ting)? up|buil[dt]|wrote|written|writing|introduc(ed|ing)|creat(ed|ing)|automat(ed|ing)|turn(ed)?|put|scheduled?|install(ed)?|wired|enforc(ed|ing)|made|mak(e|ing)|start(ed)? running|rolled out|shipped|requir(ed|ing))\b[^.;]{0,60}?\b(tests?|checks?|alerts?|alarms?|monitors?|monitoring|dashboards?|jobs?|scripts?|rules?|lint(er|ing)?|guards?|guardrails?|validations?|validators?|checklists?|runbooks?|templates?|gates?|reviews?|schemas?|contracts?|limits?|hooks?|canar(y|ies)|audits?|playbooks?|safeguards?|assertions?|step|steps|thresholds?|policy|policies|process)\b/,
];

/** A later case the mechanism acts on: again, automatically, before it spreads, from then on. */
export const RECURRENCE_CUES: readonly RegExp[] = [
  /\b(again|next time|in (the )?future|future (releases?|changes|cases|incidents)|recurr?\w*|from then on|ever since|since then|any ?more|no longer|automatically|on (every|each) (release|deploy|deployment|build|run|change|merge|commit|pull request)|every (day|morning|night|week|release|deploy|deployment|build|run|change|merge|time)|nightly|daily|weekly|before (it|they|anyone|anything|we|the next|a customer|customers|users) \w+|(can't|cannot|won't|couldn't|could not) (slip|reach|get|happen|come|go|sneak|break)|the same (kind of )?(mistake|bug|error|problem|issue|failure)|this kind of|that kind of|any (similar|new) (bug|error|problem|issue|case))\b/,
];

/** An uncertainty: missing, vague or conflicting information, or symptoms without a pattern. */
export const UNKNOWN_CUES: readonly RegExp[] = [
  /\b(unclear|vague|ambiguous|uncertain|unknowns?|not sure|no idea|(nobody|no one|none of us) (knew|could|was sure|had)|(couldn't|could not|didn't|did not|don't) (tell|know|say)|(wasn't|was not|weren't) (clear|obvious|known|defined|documented)|no (clear |written |agreed )?(spec|specification|requirements|data|documentation|owner|baseline|answer)|missing (data|information|requirements|context)|conflicting|contradict\w*|inconsistent|sometimes|occasionally|now and then|on and off|every so often|intermittent\w*|from time to time|at random|randomly|hard to (reproduce|pin down)|no (obvious |clear )?pattern|guesswork|open question)\b/,
];

/** A probe of the unknown: assumptions, hypotheses, questions, a prototype, narrowing down. */
export const PROBE_CUES: readonly RegExp[] = [
  /\b(assum\w+|hypothes\w+|clarif\w+|(asked|asking) (the|them|him|her|for|three|two|a few|what|which|whether|each)|prototyp\w+|experiment\w*|narrow(ed|ing)? (it|things|the|down)|rul(ed|ing) (it |them |each )?out|one (by|at a) (one|time)|isolat\w+|reproduc\w+|spike|pilot(ed)?|sampl(ed|ing)|interview(ed|ing)|(checked|tested|validated|verified) (each|every|them|it|whether|with|the assumption)|listed (the|every|all|my|possible)|wrote down|bisect\w*|eliminat\w+|in shadow|small test|quick test|trial run|options?|scenarios?)\b/,
];

// The probing cue families (issue 10, branch `amb7`; read only by a model trained with
// `--probing`): how a speaker meets an unknown, in the forms the older lists miss. Written by us
// from LABELING.md's definition of `ambiguity`: a hypothesis or guess about a cause, a look taken
// to learn (logging added, errors split by a factor, cases read by hand, a comparison), and an
// unknown stated as nobody knowing, no spec or docs, no errors, nothing reproducible.

/** A hypothesis or guess about the cause or the meaning ("I suspected…", "three guesses"). */
export const HUNCH_CUES: readonly RegExp[] = [
  /\b((?<!\bi )guess\b|guess(es|ed|ing)|suspect(ed|ing)?|suspicions?|theor(y|ies)|hunch(es)?|(my|our) (first |main |best |only |working )?(thought|instinct|idea|bet|reading|theory|suspicion) was|figured (it|that|the)|(could|might|may) (have )?be(en)? (the|a|an|our|their|something|coming)|possible (causes?|explanations?|reasons?|readings?)|(pointed|points|pointing) (at|to|toward)|(which|that) suggested|whether it was|either (the|a|an|our|it)|(two|three|four|a few|several) (guesses|ideas|theories|explanations|readings|candidates|suspects|possibilities|meanings))\b/,
];

/** A look taken to learn what is going on: instrumenting, splitting, reading cases, comparing. */
export const LOOK_CUES: readonly RegExp[] = [
  /\b((added|put|set up|turned on|switched on|enabled)( \w+){0,2} (timing|timers?|logging|logs|tracing|traces|metrics|counters?|headers?|instrumentation)|(split|broke|grouped|sorted|bucketed|sliced|segmented|tallied)( \w+){0,3} (down )?by|lined up|side by side|(feature|field|column|step|line|case|stage) by (feature|field|column|step|line|case|stage)|kept a (log|tally|diary|record|list)|logged (every|each)|(measure|measured|measuring)( \w+){0,3} (first|before)|before (guessing|touching|changing anything|fixing anything|writing any)|instead of (guessing|arguing|assuming|debating)|rather than (guess|guessing|argue|arguing|assume|assuming|debate|debating)|watched (how|them|each|people|users|customers)|observed|shadowed|(read|went through|listened to|pulled|collected|gathered|dug through|combed through) (all|every|each|the last|a week|a month|a sample|a batch|a few|dozens|hundreds|fifty|a hundred|two hundred|\d+)|(asked|got) (\w+ ){0,3}(for|to send)( me)? (examples|screenshots|samples|recordings|a few|some|concrete|recent|the (last|latest|recent)|(two|three|four|five|six|ten|twenty|fifty|\d+) (recent |real |concrete )?(examples|cases|orders|tickets|complaints|calls|screenshots|samples))|(compared|diffed|replayed|re-?ran) (the |their |our )?\w+( \w+){0,3} (against|with|to)|what (was|were) different)\b/,
];

/** An unknown told as nobody knowing, no spec or docs, no errors, nothing reproducible. */
export const NO_KNOWLEDGE_CUES: readonly RegExp[] = [
  /\b((nobody|no one|none of us) (knew|understood|could (tell|say|explain|reproduce)|had (any )?idea|agreed|was sure)|(no|without) (spec|specs|specification|docs|documentation|brief|definition|runbook|errors?|error messages?|stack traces?)|nothing (in|showed up in|useful in) (the|our|their) (logs?|errors?|metrics|dashboards?)|(undocumented|not documented|never documented|never been written down)|(couldn't|could not|can't|cannot|wasn't able to|were unable to) (reproduce|replicate|explain|pin (it )?down|see why|find (a|the|any) (pattern|cause|reason))|(looked|seemed|appeared) (random|arbitrary)|(wasn't|was not|isn't|weren't|not) (obvious|clear|known|certain) (whether|what|why|which|if|how|who|where)|(no|had no|with no) (idea|clue) (what|why|how|whether|which|where)|not sure (what|why|whether|if|which|how)|(wasn't|weren't|was not|were not|nobody was|no one was) (sure|certain)|that's all (we|i) (had|got|knew)|thats all (we|i) (had|got|knew)|(different|competing) (meanings|definitions|readings|interpretations))\b/,
];

/** A probe that did not happen ("I didn't check", "without asking"): the negation of a probe. */
export const SKIPPED_PROBE_CUES: readonly RegExp[] = [
  /\b(didn't|did not|never|without|no time to) (ask(ing)?|check(ing)?|test(ing)?|measur(e|ing)|verify(ing)?|validat(e|ing)|look(ing)? (at|into)|confirm(ing)?|clarif(y|ying))\b/,
];

/** Plain execution of a usual plan: the near miss after an unknown ("I used the standard menu"). */
export const ROUTINE_CUES: readonly RegExp[] = [
  /\b(the (standard|usual|normal|default|same old) (\w+ )?(template|menu|setup|way|process|plan|approach|dashboards?|format|checklist|playbook|package|config|layout|venue)|(as|like) (usual|always|we always do|we normally do)|the way we (always|normally|usually) (do|did)|(we|i) (usually|normally|always) (use|do|did)|(just )?(got on with it|get on with it|went ahead)|(took|used|picked) (a|the|our) (standard|stock|ready-made|default|generic|usual))\b/,
];
