import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { AnswerScore } from "./QuestionList.tsx";

// The library's badge beside a question and on each variant tab.
it("reads 'not scored (French)' for an answer in another language, with no score", () => {
  const html = renderToStaticMarkup(<AnswerScore score={{ notScored: "French" }} />);
  expect(html).toContain("not scored (French)");
  expect(html).toContain('data-not-scored="French"');
  expect(html).not.toContain("data-score");
  expect(html).not.toContain("/5");
});

it("shows a scored answer's score out of 5", () => {
  const html = renderToStaticMarkup(<AnswerScore score={{ score: 4 }} />);
  expect(html).toContain('data-score="4"');
  expect(html).toContain("/5");
  expect(html).toContain("good");
});
