/** Text with its blanks ("[by how much?]") marked, so what is still to fill stands out. */
export function Blanks({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]+\])/g);
  return (
    <>
      {parts.map((part, index) =>
        /^\[[^\]]+\]$/.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder.
          <mark key={index} className="blank">
            <span className="visually-hidden">Blank to fill: </span>
            {part}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
