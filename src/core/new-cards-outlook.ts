/**
 * The due queue's new cards, as `derisk due`, the drill and the Practice page say them: how many
 * never-practised answers and questions wait, how many come today and tomorrow.
 */

/**
 * The user's allowance a day (`perDay`) and what is left of it today (`leftToday`), how many
 * never-practised answers and questions are waiting in all (`waiting`), how many of them the
 * queue offers today (`today`) and how many come tomorrow (`tomorrow`, a day's allowance at most).
 */
export interface NewCardsOutlook {
  perDay: number;
  leftToday: number;
  waiting: number;
  today: number;
  tomorrow: number;
}

const cards = (n: number): string => `${n} new ${n === 1 ? "card" : "cards"}`;

/**
 * One line on the new cards.
 * @example describeNewCards({ perDay: 10, leftToday: 7, waiting: 20, today: 7, tomorrow: 10 }) // "20 new cards waiting: 7 today, 10 tomorrow (10 a day)"
 * @example describeNewCards({ perDay: 0, leftToday: 0, waiting: 4, today: 0, tomorrow: 0 }) // "4 new cards waiting: none today or tomorrow (new cards are set to 0 a day)"
 */
export function describeNewCards(outlook: NewCardsOutlook): string {
  const { perDay, waiting, today, tomorrow } = outlook;
  if (waiting === 0) return `No new cards waiting (${perDay} a day)`;
  if (perDay === 0) return `${cards(waiting)} waiting: none today or tomorrow (new cards are set to 0 a day)`;
  return `${cards(waiting)} waiting: ${today} today, ${tomorrow} tomorrow (${perDay} a day)`;
}
