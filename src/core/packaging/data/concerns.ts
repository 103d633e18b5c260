import type { RoleId } from "../../model.ts";

// Source: written by us from the concerns hiring managers commonly voice about candidates
// (recruiter and hiring-manager write-ups on career changers, academics moving into
// industry, job-hopping and employment-gap red flags) and from the concern block of the
// seed prep document ("this is too academic"). Extensible: add an entry and
// `detectConcerns` picks it up; `aliases` link a user's own concern notes to an entry.

export interface ConcernDefinition {
  id: string;
  /** The judgement to avoid, in the interviewer's words. */
  judgement: string;
  /** Words a user's concern note may use for the same judgement ("too DevOps"). */
  aliases: readonly string[];
  /** Each pattern that matches somewhere counts once; `min` distinct hits raise it. */
  triggers: readonly RegExp[];
  min: number;
  /** Only for these target roles (every role when absent or when no role is given). */
  roles?: readonly RoleId[];
  /** Raised only when none of these match (e.g. personal projects with no job mentioned). */
  unless?: readonly RegExp[];
  /** Why the interviewer worries, said to the user ("…fears you…"), never of "the candidate". */
  why: string;
  reframe: string;
}

export const CONCERNS: readonly ConcernDefinition[] = [
  {
    id: "too-academic",
    judgement: "too academic",
    aliases: ["academic", "academia", "research-only", "theoretical", "too theoretical"],
    triggers: [
      /\b(?:ph\.?d|doctorate|dissertation|thesis|postdoc)\b/i,
      /\b(?:publications?|published|papers?|journal|conference|peer[- ]review)\b/i,
      /\b(?:theorem|proofs?|lemma|derivations?|closed-form|convergence|theoretical|theory)\b/i,
      /\b(?:professor|advisor|supervisor|lab|academia|academic|university|college|teaching|lecturer|lecturing|taught (?:at|courses|classes|students))\b/i,
    ],
    min: 2,
    roles: ["ml-engineer", "software-engineer", "mlops-engineer", "data-scientist"],
    why: "The interviewer fears you optimise for elegance over shipping and will need time to adapt to deadlines, code review and production constraints.",
    reframe:
      "Tie the research to something built and used: who used it, what it changed, how it ran in practice; keep the theory to one clause.",
  },
  {
    id: "infra-heavy",
    judgement: "too infrastructure-heavy for an ML role",
    aliases: ["devops", "infrastructure", "infra", "too devops", "platform", "ops"],
    triggers: [
      /\b(?:kubernetes|k8s|eks|gke|aks)\b/i,
      /\b(?:istio|helm|fluxcd|argocd|service mesh|ingress)\b/i,
      /\b(?:terraform|cloudformation|ansible)\b/i,
      /\b(?:ci\/cd|github actions|jenkins|codebuild|codepipeline)\b/i,
      /\b(?:nlb|alb|load balancers?|vpc|iam|cognito|oauth2?|dns|tls|nginx)\b/i,
      /\b(?:prometheus|grafana|datadog)\b/i,
      /\b(?:devops|infrastructure|clusters?|autoscaling)\b/i,
    ],
    min: 3,
    roles: ["ml-engineer", "data-scientist", "research-scientist"],
    why: "The interviewer hears a platform engineer and doubts you will own the model, its data and its metrics.",
    reframe:
      "Lead with the model: the data, the training and evaluation, the metric it moved; name the platform in one line as how it reached production.",
  },
  {
    id: "personal-projects-only",
    judgement: "personal projects only",
    aliases: ["personal projects", "side projects", "no industry experience", "hobby"],
    triggers: [
      /\b(?:personal|side|hobby|pet|weekend|own|curiosity-driven|self-directed)\s+(?:[\p{L}/-]+\s+){0,2}projects?\b/iu,
      /\b(?:on my own|in my free time|for fun|self-taught|kaggle|bootcamp|online course)\b/i,
    ],
    min: 1,
    unless: [
      /\b(?:at work|my (?:employer|company|manager|team lead)|our (?:customers|clients|users)|in production at|colleagues|(?:full-time|contract) (?:role|job)|i worked at|i work at)\b/i,
    ],
    why: "Without work at an employer the interviewer cannot tell whether you have met real users, real load and real teammates.",
    reframe:
      "Give each project a production fact: real users or data, how it was deployed and monitored, what broke and how you fixed it.",
  },
  {
    id: "forced-move",
    judgement: "forced move or career gap",
    aliases: ["gap", "career gap", "laid off", "layoff", "forced move", "break"],
    triggers: [
      /\b(?:laid off|layoffs?|let go|redundan(?:t|cy)|position was eliminated|company (?:shut down|closed|folded)|contract ended)\b/i,
      /\b(?:career break|(?:a|the) gap|time off|sabbatical|between jobs|out of work|unemployed|took a break)\b/i,
    ],
    min: 1,
    why: "The interviewer wonders whether the move was your choice and whether your skills went stale during the gap.",
    reframe:
      "State it in one neutral sentence, then spend the answer on what you built or learned in that time and why this role is the deliberate next step.",
  },
  {
    id: "spread-thin",
    judgement: "spread thin across too many things",
    aliases: ["spread thin", "jack of all trades", "unfocused", "generalist", "too broad"],
    triggers: [
      /\b(?:jack of all trades|wore (?:many|a lot of) hats|a bit of everything|all sorts of|many different (?:things|areas|projects)|various (?:projects|roles|areas)|generalist)\b/i,
      /\b(?:at the same time|in parallel|simultaneously|juggl(?:e|ed|ing))\b/i,
      /(?:[\p{L}\p{N}/+#.-]+,\s+){5,}[\p{L}\p{N}/+#.-]+/u,
    ],
    min: 1,
    why: "A long list of areas makes the interviewer unsure what you are actually strong at.",
    reframe:
      "Pick the one or two areas the role needs and go deep on them; name the rest as breadth in a single clause.",
  },
  {
    id: "job-hopping",
    judgement: "job hopping",
    aliases: ["job hopping", "job hopper", "short tenures", "short stints"],
    triggers: [
      /\b(?:after (?:only |just )?(?:a few|\d+|two|three|four|five|six|eight|nine|ten) months|short stints?|left after|quit after)\b/i,
      /\b(?:(?:three|four|five|six|\d) (?:jobs|companies|roles|employers) in (?:two|three|four|\d) years)\b/i,
      /\b(?:changed jobs|moved on quickly|keep moving)\b/i,
    ],
    min: 1,
    why: "The interviewer fears you will leave before the ramp-up pays back.",
    reframe:
      "Show the thread that connects the moves and what you finished at each; say what would make you stay.",
  },
  {
    id: "over-qualified",
    judgement: "over-qualified",
    aliases: ["over-qualified", "overqualified", "too senior"],
    triggers: [
      /\b(?:director|vp|vice president|head of|principal|chief|cto|founder|co-founder)\b/i,
      /\b(?:managed|led) (?:a team of |teams of )?(?:\d{2,}|twenty|thirty|fifty)\b/i,
      /\b(?:1[5-9]|[2-4]\d)\+? years\b/i,
    ],
    min: 1,
    why: "The interviewer fears you would be bored, want more pay than the role offers, or not take direction.",
    reframe:
      "Say why this scope is what you want now, and what you are eager to do hands-on rather than manage.",
  },
];
