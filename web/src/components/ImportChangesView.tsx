import type { ImportChanges } from "../api.ts";
import { route } from "../links.ts";
import { plural } from "../report.ts";

/**
 * What a re-import changed (or, in a preview, would change): counts, then every item of the
 * user's that was kept and every conflict, each linking to the answer so its history is one click away.
 */
export function ImportChangesView({ changes, preview }: { changes: ImportChanges; preview: boolean }) {
  const { added, changed, removed, kept, conflicts } = changes;
  return (
    <div className="import-changes" data-testid="import-changes">
      <p>
        {preview ? "Importing this file would add " : "Added "}
        {plural(added.length, "item", "items")}, {preview ? "change " : "changed "}
        {plural(changed.length, "item", "items")} and {preview ? "remove " : "removed "}
        {plural(removed.length, "item", "items")} that you had not changed.
      </p>
      {kept.length > 0 && (
        <>
          <p className="import-changes-title">Kept as you wrote them</p>
          <ul className="plain-list" data-testid="import-kept">
            {kept.map((item) => (
              <li key={item.key}>
                {item.itemId !== undefined ? <a href={route.edit(item.itemId)}>{item.label}</a> : item.label}{" "}
                <span className="muted">
                  ({item.reason === "created" ? "written in derisk" : "edited in derisk"})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {conflicts.length > 0 && (
        <>
          <p className="import-changes-title">
            {plural(conflicts.length, "conflict", "conflicts")}: the file changed{" "}
            {conflicts.length === 1 ? "an answer" : "answers"} you also changed
          </p>
          <p className="muted">
            Your text stays current; the file's {preview ? "would go" : "is"} in the answer's history, where
            you can restore it.
          </p>
          <ul className="plain-list" data-testid="import-conflicts">
            {conflicts.map((item) => (
              <li key={item.key}>
                {item.itemId !== undefined ? <a href={route.edit(item.itemId)}>{item.label}</a> : item.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
