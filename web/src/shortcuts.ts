/**
 * Keyboard shortcuts. Single-key shortcuts ("/", "j", "k", "e", "?") never fire while the user is
 * typing in a field; "mod+s" (Ctrl or Cmd + S) fires everywhere, because saving is what you want
 * from inside the editor.
 */
import { useEffect, useRef } from "react";

export type ShortcutKey = "/" | "j" | "k" | "e" | "?" | "mod+s";
export type ShortcutMap = Partial<Record<ShortcutKey, (event: KeyboardEvent) => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["button", "checkbox", "radio", "submit", "reset", "file"].includes(type);
  }
  return false;
}

function keyOf(event: KeyboardEvent): ShortcutKey | null {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") return "mod+s";
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  const key = event.key;
  return key === "/" || key === "j" || key === "k" || key === "e" || key === "?" ? key : null;
}

export function useShortcuts(map: ShortcutMap): void {
  // The latest handlers are read at key time, so callers need not memoise them.
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = keyOf(event);
      if (key === null) return;
      const handler = latest.current[key];
      if (handler === undefined) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}

export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["/"], action: "Focus the question filter" },
  { keys: ["j"], action: "Next question" },
  { keys: ["k"], action: "Previous question" },
  { keys: ["e"], action: "Edit the selected answer" },
  { keys: ["Ctrl", "S"], action: "Save (⌘ S on a Mac)" },
  { keys: ["s"], action: "Practice: start the session, then start answering" },
  { keys: ["p"], action: "Practice: peek at the prepared answer" },
  { keys: ["r"], action: "Practice: answer out loud, then stop the recording" },
  { keys: ["Ctrl", "Enter"], action: "Practice: submit the answer (⌘ Enter on a Mac)" },
  { keys: ["1–4"], action: "Practice: rate again, hard, good, easy" },
  { keys: ["?"], action: "Show these shortcuts" },
  { keys: ["Esc"], action: "Close this dialog" },
];
