/**
 * Renders the plain text of a prep document (paragraphs, "-" bullets, "1." lists, tables) without
 * interpreting Markdown as HTML: the user's words are shown, never executed.
 */
import { type TextBlock as Block, textBlocks } from "../../../src/core/markup.ts";
import { withKeys } from "../keys.ts";

/** A list, with the lists written nested under its items inside those items. */
function ListBlock({ block }: { block: Block }) {
  const items = withKeys(
    block.lines.map((line, i) => ({ line, sub: block.sub?.[i] })),
    (entry) => entry.line,
  ).map(({ key, item }) => (
    <li key={key} dir="auto">
      {item.line}
      {item.sub !== undefined && <ListBlock block={item.sub} />}
    </li>
  ));
  return block.type === "ol" ? <ol>{items}</ol> : <ul>{items}</ul>;
}

/** A table written in the text: its header row, then its body rows, each cell's words as written. */
function TableBlock({ block }: { block: Block }) {
  const head = withKeys(block.lines, (cell) => cell);
  const rows = withKeys(block.rows ?? [], (row) => row.join("|"));
  return (
    <div className="text-table-wrap">
      <table className="text-table">
        <thead>
          <tr>
            {head.map(({ key, item }) => (
              <th key={key} scope="col" dir="auto">
                {item}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, item: row }) => (
            <tr key={key}>
              {withKeys(row, (cell) => cell).map(({ key: cellKey, item: cell }) => (
                <td key={cellKey} dir="auto">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TextBlock({ text, className }: { text: string; className?: string | undefined }) {
  const blocks = withKeys(textBlocks(text), (block) => `${block.type}:${block.lines[0] ?? ""}`);
  return (
    <div className={className ? `text-block ${className}` : "text-block"}>
      {blocks.map(({ key, item: block }) => {
        if (block.type === "pre")
          return (
            <pre key={key} className="text-code">
              <code>{block.lines.join("\n")}</code>
            </pre>
          );
        if (block.type === "table") return <TableBlock key={key} block={block} />;
        if (block.type !== "p") return <ListBlock key={key} block={block} />;
        const lines = withKeys(block.lines, (line) => line);
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
      })}
    </div>
  );
}
