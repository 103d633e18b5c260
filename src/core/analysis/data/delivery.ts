// Source: written by us from public-speaking and interview-coaching advice on verbal fillers
// and hedging (Toastmasters "ah-counter" role, plain-language writing guides), the lists of
// overused résumé/interview phrases that recruiters publish every year, and the
// plain-language guidance on vague intensifiers ("significantly" → say by how much).

/** Verbal fillers: they cost time and sound unsure. */
export const FILLERS: readonly RegExp[] = [
  /\b(um+|uh+|er+m?|hmm+)\b/g,
  /\b(basically|literally|you know|i mean|so yeah|anyway)\b/g,
  /(^|, )like, /g,
  /\b(and stuff|or whatever|and whatnot|or something( like that| along those lines)?)\b/g,
];

/** Hedges: soften a claim the speaker should own. */
export const HEDGES: readonly RegExp[] = [
  /\b(i think|i guess|i suppose|i feel like|i believe|i'm not sure|not sure|maybe|perhaps|probably|possibly|somewhat|more or less|hopefully|a bit|to some extent)\b/g,
  // "kind of" / "sort of" hedge a verb or an adjective ("it was kind of slow"), not after a
  // determiner, where they name a kind ("exactly the kind of work I did", "this sort of bug").
  /(?<!\b(?:the|a|an|this|that|these|those|what|which|any|some|every|each|same|one|no|my|our|your|their|his|her|its|other|another|right|wrong|first|only) )\b(sort of|kind of)\b/g,
];

/** Phrases interviewers hear all day: fine with evidence behind them, empty without. */
export const CLICHES: readonly RegExp[] = [
  /\b(passionate about|passion for|lifelong learn(ing|er)|committed to (continuous|lifelong) learning|team player|hard[- ]?work(er|ing)|work(ing)? too hard|think(ing)? outside the box|go(ing)? the extra mile|results[- ]driven|detail[- ]oriented|perfectionist|self[- ]starter|(fast|quick) learner|people person|love (a|solving) challenges?|wear(ing)? many hats|hit the ground running|fast[- ]paced environment|give 110|strong work ethic|make a (real )?difference|dream job|thrive under pressure|synergy|go-getter|out of my comfort zone|growth mindset|excited to bring|sparked my (love|passion|interest)|(really|truly) excites me|my love for)\b/g,
];

/** Vague sizes that invite "by how much?". */
export const VAGUE_INTENSIFIERS: RegExp =
  /\b(significantly|significant|sharply|dramatically|drastically|considerably|substantially|greatly|massively|hugely|noticeably|tremendously|vastly|meaningfully|meaningful|immensely|a lot|much (faster|better|quicker|smoother|cheaper|lower|higher|more)|way (faster|better|more)|far (faster|better|fewer|more)|near[- ]zero|huge|massive|major (improvement|boost|gains?|drop|reduction)|big (improvement|boost|win|drop))\b/g;

/** References to the employer or the role: an "about me" or "why us" answer aimed at this job. */
export const TAILORING: RegExp =
  /\b(your|this) ([a-z-]+ )?(company|company's|team|team's|mission|product|products|role|position|culture|investment|target|program|programme|work|platform|customers|industry|leadership|values|stack)\b|\b(position|role|job) at [a-z]|\bappeals? to me\b|\bi'?ve (read|seen|used|followed) (about )?your\b/g;

/** Passive voice that hides who dropped the ball. */
export const PASSIVE_BLAME: RegExp =
  /\b(mistakes were made|the ball was dropped|it was decided|(was|were|wasn't|weren't) (never |not )?(told|given|informed|communicated|tested|documented|handed over|passed on|flagged|warned)|got (delayed|dropped|pushed back|blocked)|(was|were) (blocked|held up|let down) by)\b/;

/** Tool and product names a non-specialist will not know; counted with acronyms as jargon. */
export const TOOL_NAMES: ReadonlySet<string> = new Set([
  "istio",
  "cognito",
  "helm",
  "fluxcd",
  "argocd",
  "terraform",
  "ansible",
  "prometheus",
  "grafana",
  "kubernetes",
  "docker",
  "jenkins",
  "kafka",
  "airflow",
  "spark",
  "redis",
  "nginx",
  "sagemaker",
  "mlflow",
  "kubeflow",
  "langchain",
  "codebuild",
  "stepfunctions",
  "cloudformation",
  "elasticsearch",
  "kibana",
  "datadog",
  "snowflake",
  "databricks",
  "dbt",
  "pulumi",
  "envoy",
  "consul",
  "vault",
]);

/** Acronyms every listener knows: not counted as jargon. */
export const COMMON_ACRONYMS: ReadonlySet<string> = new Set([
  "I",
  "OK",
  "US",
  "USA",
  "UK",
  "EU",
  "CEO",
  "CTO",
  "CFO",
  "COO",
  "VP",
  "PM",
  "HR",
  "IT",
  "AI",
  "ML",
  "PHD",
  "MBA",
  "TV",
  "PC",
  "QA",
  "UX",
  "UI",
  "A/B",
  "AM",
  "PM",
  "FAQ",
  "ID",
  "IDS",
  "R&D",
]);
