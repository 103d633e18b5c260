import { STAR_PARTS, type StarPart } from "../../../src/core/model.ts";
import { withKeys } from "../keys.ts";
import type { AnswerEntry } from "../library.ts";
import { TextBlock } from "./TextBlock.tsx";

const STAR_LABELS: Record<StarPart, string> = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
};

/** The answer as it will be spoken: STAR parts labelled, trailer beats as an outline, scripts as quotes. */
export function AnswerBody({ answer }: { answer: AnswerEntry }) {
  const star = answer.star;
  if (answer.format === "star" && star !== undefined) {
    const parts = STAR_PARTS.filter((part) => (star[part] ?? "").trim() !== "");
    return (
      <dl className="star">
        {parts.map((part) => (
          <div key={part} className={`star-part star-${part}`}>
            <dt>
              <span className="star-letter" aria-hidden="true">
                {STAR_LABELS[part][0]}
              </span>
              {STAR_LABELS[part]}
            </dt>
            <dd>
              <TextBlock text={star[part] ?? ""} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (answer.format === "beats" && answer.beats !== undefined && answer.beats.length > 0) {
    return (
      <ol className="beats" aria-label="Outline beats">
        {withKeys(answer.beats, (beat) => beat).map(({ key, item: beat }) => {
          const [head, ...rest] = beat.split(/\s*→\s*/);
          return (
            <li key={key} className="beat">
              <span className="beat-head">{head}</span>
              {withKeys(rest, (part) => part).map(({ key: partKey, item: part }) => (
                <span key={partKey} className="beat-part">
                  <span className="beat-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="visually-hidden">leads to</span> {part}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
    );
  }
  return <TextBlock className={answer.format === "script" ? "script" : undefined} text={answer.text} />;
}
