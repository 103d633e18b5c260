/**
 * The 5,000-answer prep sheet in `npm run bench`: an asynchronous report (Chromium prints the
 * PDF), run once, not a timed loop; see bench/prep-sheet.ts for what it measures.
 */
import { prepSheetReport } from "./prep-sheet.ts";

export const reports = [{ name: "prep-sheet-5000", run: prepSheetReport }];
