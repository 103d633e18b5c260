export { analyze, DEFAULT_MAX_CHARS } from "./analyze.ts";
export { type Classification, classify } from "./classify.ts";
export { ROLE_PROFILES, type RoleProfile } from "./data/roles.ts";
export { DEFAULT_WPM } from "./timing.ts";
export * from "./types.ts";
