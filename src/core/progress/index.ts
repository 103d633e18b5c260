/** Progress (PRODUCT.md, C9): the figures behind the dashboard and `derisk stats`. */
export {
  type AttemptPoint,
  dayOf,
  isOpen,
  type ProgressAttempt,
  type ProgressFigures,
  type ProgressInput,
  type ProgressItem,
  progressFigures,
  sparkline,
} from "./figures.ts";
