import { expect, it } from "vitest";
import { importPrepDocument } from "../markdown/index.ts";
import { buildPrepSheet, renderPrepSheetHtml, renderPrepSheetMarkdown } from "./index.ts";

// An answer the risk lens reads as another language gets overall 1 from the lens: no judgement.
// The prep sheet names the language instead of printing 1/5 and leaves it out of the mean score.
const FRENCH =
  "Dans mon dernier poste, notre chaîne de traitement échouait deux fois par semaine. J'ai trouvé la cause dans l'export des données et je l'ai réécrit avec un contrôle. Les pannes sont passées de huit par mois à zéro, et j'ai appris à tester les données en premier.";
const ENGLISH =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.";

const doc = importPrepDocument(
  new TextEncoder().encode(
    [
      "# Prep",
      "",
      "### Q1- Tell me about a time you fixed a failing system.",
      "",
      `"${ENGLISH}"`,
      "",
      "### Q2- Tell me about a time you made a mistake.",
      "",
      `"${FRENCH}"`,
      "",
    ].join("\n"),
  ),
);

it("names a French answer 'not scored (French)' and leaves it out of the mean", () => {
  const sheet = buildPrepSheet([doc]);
  const english = sheet.answers.find((a) => a.question.includes("failing system"));
  const french = sheet.answers.find((a) => a.question.includes("mistake"));
  expect(english?.score).toBeGreaterThanOrEqual(2);
  expect(english?.notScored).toBeUndefined();
  expect(french?.notScored).toBe("French");
  expect(french?.score).toBeUndefined();
  // The mean is the English answer's own score: the French 1 does not pull it down.
  expect(sheet.coverage.meanScore).toBe(english?.score);

  for (const layout of ["sheet", "cards"] as const) {
    const markdown = renderPrepSheetMarkdown(sheet, layout);
    expect(markdown).toContain("not scored (French)");
    expect(markdown).not.toMatch(/score \**1\/5/);
    const html = renderPrepSheetHtml(sheet, layout);
    expect(html).toContain("not scored (French)");
    expect(html).not.toMatch(/score 1\/5|>1\/5</);
  }
});
