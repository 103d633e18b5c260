/** The reflection journal (PRODUCT.md, C10): reframes drawn from the user's own words. */
export {
  entryFromReflection,
  offerReframes,
  REFRAME_KINDS,
  type Reframe,
  type ReframeEntry,
  type ReframeKind,
  type ReframeStory,
  statementsOf,
} from "./reframes.ts";
