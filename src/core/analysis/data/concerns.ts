// Source: written by us from the concerns hiring managers commonly voice about candidates
// (recruiter and hiring-manager write-ups on career changers, academics moving to industry,
// "lone wolf" and "job hopper" red flags) and from the concern block of the seed prep
// document ("this is too academic"). Extensible: add an entry, the analyzer picks it up.

export interface ConcernRule {
  id: string;
  judgement: string;
  /** Any match counts as one trigger; `min` triggers raise the concern. */
  patterns: readonly RegExp[];
  min: number;
  /** Only for these roles (all roles when absent). */
  roles?: readonly string[];
  reframe: string;
}

export const CONCERN_RULES: readonly ConcernRule[] = [
  {
    id: "too-academic",
    judgement: "too academic",
    patterns: [
      /\b(phd|dissertation|thesis|postdoc|publications?|papers?|journal|conference|theorem|proofs?|lemma|professor|advisor|academia|academic|lab)\b/,
      /\b(theoretical|theory|derived|derivation|closed-form|convergence)\b/,
    ],
    min: 3,
    roles: ["ml-engineer", "software-engineer", "mlops-engineer", "data-scientist"],
    reframe:
      "tie the research to something shipped or used: who used it, what it changed, how it ran in practice",
  },
  {
    id: "infra-heavy",
    judgement: "too infrastructure-heavy for an ML role",
    patterns: [
      /\b(kubernetes|k8s|eks|gke|istio|helm|fluxcd|argocd|terraform|nlb|alb|ingress|prometheus|grafana|cognito|oauth2?|vpc|iam|service mesh|load balancer|ci\/cd|github actions|codebuild|devops)\b/,
    ],
    min: 4,
    roles: ["ml-engineer", "data-scientist", "research-scientist"],
    reframe:
      "re-angle around the model: what it predicted, how it was evaluated, what it improved; the platform is the how",
  },
  {
    id: "lone-wolf",
    judgement: "personal projects only / lone wolf",
    patterns: [
      /\b(personal|side|hobby|pet|weekend) projects?\b/,
      /\b(on my own|by myself|alone|solo|single-handedly|independent(ly)?|without (any )?help)\b/,
      /\bi (prefer|like) (to )?work(ing)? alone\b/,
    ],
    min: 2,
    reframe: "show who used it or who you worked with: users, reviewers, a team, a stakeholder",
  },
  {
    id: "forced-move",
    judgement: "forced move or gap",
    patterns: [
      /\b(laid off|layoffs?|(was|were|got|been) (let go|fired|terminated)|restructuring|downsiz(ed|ing)|contract ended|position was eliminated)\b/,
      /\b((career|employment|cv|resume|résumé) gap|gap (in|on) my (cv|resume|résumé|career|employment)|career break|took (some )?time off|sabbatical|between jobs|out of work|unemployed)\b/,
    ],
    min: 1,
    reframe: "state it in one neutral line, then spend the time on what you built or learned since",
  },
  {
    id: "spread-thin",
    judgement: "spread thin",
    patterns: [
      /\b(also|as well as|along with|plus)\b/,
      /\b(many|various|multiple|several|lots of|a range of|a variety of) (projects|technologies|tools|areas|domains|fields|roles|things)\b/,
      /\b(jack of all trades|a bit of everything|dabbled)\b/,
    ],
    min: 4,
    reframe: "pick the two things the role needs most and give each a concrete example",
  },
  {
    id: "negativity",
    judgement: "negativity",
    patterns: [
      /\b(hated|hate|terrible|awful|horrible|incompetent|toxic|useless|stupid|idiots?|worst|frustrat(ed|ing)|annoying|a nightmare|insecure|lazy)\b/,
    ],
    min: 1,
    reframe: "describe the situation neutrally and spend the time on what you did about it",
  },
];
