/**
 * Renders the plain text of a prep document (paragraphs, "-" bullets, "1." lists) without
 * interpreting Markdown as HTML: the user's words are shown, never executed.
 */
import { textBlocks } from "../../../src/core/markup.ts";
import { withKeys } from "../keys.ts";

export function TextBlock({ text, className }: { text: string; className?: string | undefined }) {
  const blocks = withKeys(textBlocks(text), (block) => `${block.type}:${block.lines[0] ?? ""}`);
  return (
    <div className={className ? `text-block ${className}` : "text-block"}>
      {blocks.map(({ key, item: block }) => {
        const lines = withKeys(block.lines, (line) => line);
        if (block.type === "p") {
          return (
            // Each paragraph and item takes its direction from its own first letter: a line
            // written in Hebrew or Arabic reads right to left, its full stop on the left.
            <p key={key} dir="auto">
              {lines.map(({ key: lineKey, item: line }, i) => (
                <span key={lineKey}>
                  {i > 0 && <br />}
                  {line}
                </span>
              ))}
            </p>
          );
        }
        const items = lines.map(({ key: lineKey, item: line }) => (
          <li key={lineKey} dir="auto">
            {line}
          </li>
        ));
        return block.type === "ul" ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>;
      })}
    </div>
  );
}
