import { useState } from "react";
import { stripMarkup } from "../../../src/core/markup.ts";
import type { TodoEntry } from "../../../src/core/model.ts";
import { api, describeError, type StoredItem, type StoredOf } from "../api.ts";
import { formatLines } from "../library.ts";
import { EmptyState } from "./EmptyState.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { HistoryPanel, itemHistory } from "./HistoryPanel.tsx";

/**
 * The document's to-do lists (Markdown task lists) as checklists. Ticking a box is an edit of
 * the list like any other: a new version with history, kept when the file is imported again,
 * and written as `- [x]` in the Markdown export.
 */
export function TodoView({
  todos,
  onChanged,
}: {
  todos: StoredOf<"to-do">[];
  onChanged: (item: StoredItem) => void;
}) {
  if (todos.length === 0) {
    return (
      <EmptyState icon="check" title="No to-do list in this document">
        <p className="muted">
          A checklist written as a Markdown task list (“- [ ] Rehearse Q1 out loud”, “- [x] Update the CV”)
          shows here, and you can tick it off.
        </p>
      </EmptyState>
    );
  }
  return (
    <section className="todos" aria-labelledby="todos-title">
      <h2 id="todos-title" className="visually-hidden">
        To-do
      </h2>
      <p className="muted">
        Your prep checklists. A tick is saved as a change to the list (see its history) and written to the
        Markdown export; importing your file again keeps it.
      </p>
      {todos.map((todo, n) => (
        <TodoList key={todo.id} todo={todo} index={n} onChanged={onChanged} />
      ))}
    </section>
  );
}

function TodoList({
  todo,
  index,
  onChanged,
}: {
  todo: StoredOf<"to-do">;
  index: number;
  onChanged: (item: StoredItem) => void;
}) {
  // The box shows the new state while it is saved; a failed save puts it back and says why.
  const [saving, setSaving] = useState<{ entry: number; done: boolean } | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const isDone = (entry: TodoEntry, n: number) => (saving?.entry === n ? saving.done : entry.done);
  const done = todo.entries.filter(isDone).length;
  const titleId = `todo-title-${todo.id}`;
  // Entries have no id of their own: their place in the list is what the server ticks.
  const rows = todo.entries.map((entry, n) => ({ entry, n, key: `${n}:${entry.text}` }));

  async function tick(entry: number, value: boolean): Promise<void> {
    setSaving({ entry, done: value });
    setError(null);
    try {
      onChanged(await api.tickTodo(todo.id, entry, value, todo.version));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(null);
    }
  }

  return (
    <article className="card todo" aria-labelledby={titleId} data-testid="todo-list">
      <h3 id={titleId} className="todo-title">
        Checklist {index + 1}{" "}
        <span className="todo-done-count">
          · {done} of {todo.entries.length} done
        </span>{" "}
        <span className="chip">
          {todo.lines.start === todo.lines.end ? "Line" : "Lines"} {formatLines(todo.lines)}
        </span>
      </h3>
      <ul className="plain-list todo-entries">
        {rows.map(({ entry, n, key }) => (
          <li
            key={key}
            className="todo-entry"
            style={{ marginInlineStart: `${Math.min(entry.depth, 6) * 1.5}rem` }}
          >
            <label className={isDone(entry, n) ? "todo-done" : undefined}>
              <input
                type="checkbox"
                checked={isDone(entry, n)}
                disabled={saving !== null}
                onChange={(event) => void tick(n, event.target.checked)}
              />
              <span className="todo-text">{stripMarkup(entry.text)}</span>
            </label>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage title="Couldn't save the tick" error={error} />}
      <HistoryPanel
        source={itemHistory(todo.id)}
        version={todo.version}
        dirty={false}
        onRestored={onChanged}
      />
    </article>
  );
}
