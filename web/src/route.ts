/**
 * Hash routing: the app is served from one file by the derisk server, and hash routes survive a
 * reload without any server-side rewrite. Routes are plain data so links and tests agree on them.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export const LIBRARY_VIEWS = [
  "answers",
  "technical",
  "accomplishments",
  "to-do",
  "code",
  "reflection",
  "framing",
  "notes",
] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

export type Route =
  | { page: "start" }
  | { page: "library"; documentId?: string; view: LibraryView; itemId?: string }
  | { page: "edit"; itemId: string }
  | { page: "new-answer"; question?: string }
  | { page: "export"; documentId?: string }
  | { page: "stories"; storyId?: string; competency?: string }
  | { page: "coverage" }
  | { page: "trailer" }
  | { page: "compose"; storyId?: string }
  | { page: "tailor"; tailoringId?: string }
  | { page: "reangle"; itemId: string }
  | { page: "followups"; itemId: string }
  | { page: "practice"; sessionId?: string; source?: "drill" }
  | { page: "journal"; entryId?: string }
  | { page: "progress" }
  | { page: "not-found"; hash: string };

function isLibraryView(value: string | undefined): value is LibraryView {
  return (LIBRARY_VIEWS as readonly string[]).includes(value ?? "");
}

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, "")
    .split("/")
    .filter((part) => part !== "")
    .map((part) => decodeURIComponent(part));
  const [page, a, b, c] = parts;
  if (page === undefined || page === "start") return { page: "start" };
  if (page === "library") {
    const view = isLibraryView(b) ? b : "answers";
    const route: Route = { page: "library", view };
    if (a !== undefined) route.documentId = a;
    if (c !== undefined) route.itemId = c;
    return route;
  }
  if (page === "edit" && a !== undefined) return { page: "edit", itemId: a };
  if (page === "new-answer")
    return a === undefined ? { page: "new-answer" } : { page: "new-answer", question: a };
  if (page === "export") return a === undefined ? { page: "export" } : { page: "export", documentId: a };
  if (page === "stories") {
    if (a === undefined) return { page: "stories" };
    return a === "new" && b !== undefined
      ? { page: "stories", storyId: a, competency: b }
      : { page: "stories", storyId: a };
  }
  if (page === "coverage") return { page: "coverage" };
  if (page === "trailer") return { page: "trailer" };
  if (page === "compose") return a === undefined ? { page: "compose" } : { page: "compose", storyId: a };
  if (page === "tailor") return a === undefined ? { page: "tailor" } : { page: "tailor", tailoringId: a };
  if (page === "reangle" && a !== undefined) return { page: "reangle", itemId: a };
  if (page === "followups" && a !== undefined) return { page: "followups", itemId: a };
  if (page === "practice") {
    if (a === undefined) return { page: "practice" };
    // #/practice/start/drill: the setup form with the technical drill chosen.
    if (a === "start") return b === "drill" ? { page: "practice", source: "drill" } : { page: "practice" };
    return { page: "practice", sessionId: a };
  }
  if (page === "journal") return a === undefined ? { page: "journal" } : { page: "journal", entryId: a };
  if (page === "progress") return { page: "progress" };
  return { page: "not-found", hash };
}

export function href(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.page) {
    case "start":
      return "#/";
    case "library": {
      if (route.documentId === undefined) return "#/library";
      const base = `#/library/${enc(route.documentId)}/${route.view}`;
      return route.itemId === undefined ? base : `${base}/${enc(route.itemId)}`;
    }
    case "edit":
      return `#/edit/${enc(route.itemId)}`;
    case "new-answer":
      return route.question === undefined ? "#/new-answer" : `#/new-answer/${enc(route.question)}`;
    case "export":
      return route.documentId === undefined ? "#/export" : `#/export/${enc(route.documentId)}`;
    case "stories":
      if (route.storyId === undefined) return "#/stories";
      return route.competency === undefined
        ? `#/stories/${enc(route.storyId)}`
        : `#/stories/${enc(route.storyId)}/${enc(route.competency)}`;
    case "coverage":
      return "#/coverage";
    case "trailer":
      return "#/trailer";
    case "compose":
      return route.storyId === undefined ? "#/compose" : `#/compose/${enc(route.storyId)}`;
    case "tailor":
      return route.tailoringId === undefined ? "#/tailor" : `#/tailor/${enc(route.tailoringId)}`;
    case "reangle":
      return `#/reangle/${enc(route.itemId)}`;
    case "followups":
      return `#/followups/${enc(route.itemId)}`;
    case "practice":
      if (route.sessionId !== undefined) return `#/practice/${enc(route.sessionId)}`;
      return route.source === undefined ? "#/practice" : `#/practice/start/${route.source}`;
    case "journal":
      return route.entryId === undefined ? "#/journal" : `#/journal/${enc(route.entryId)}`;
    case "progress":
      return "#/progress";
    case "not-found":
      return route.hash;
  }
}

/** Returns a message when leaving now would lose work (the editor registers one). */
type NavigationGuard = () => string | null;
let navigationGuard: NavigationGuard | null = null;

export function setNavigationGuard(guard: NavigationGuard | null): void {
  navigationGuard = guard;
}

/** Guards of the forms on the page that hold unsaved text (several can be open at once). */
const formGuards = new Set<NavigationGuard>();

function leaveMessage(): string | null {
  const own = navigationGuard?.() ?? null;
  if (own !== null) return own;
  for (const guard of formGuards) {
    const message = guard();
    if (message !== null) return message;
  }
  return null;
}

/**
 * While `unsaved` holds, leaving asks first: an in-app link (the message, in a confirm) and
 * closing or reloading the tab (the browser's own prompt). The function it returns lifts the
 * guard at once, for a form that navigates right after saving.
 */
export function useLeaveGuard(unsaved: boolean, message: string): () => void {
  const state = useRef({ unsaved, message });
  state.current = { unsaved, message };
  useEffect(() => {
    const guard: NavigationGuard = () => (state.current.unsaved ? state.current.message : null);
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!state.current.unsaved) return;
      event.preventDefault();
      event.returnValue = "";
    };
    formGuards.add(guard);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      formGuards.delete(guard);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, []);
  return useCallback(() => {
    state.current.unsaved = false;
  }, []);
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const target = href(route);
  if (window.location.hash === target) return;
  if (options.replace) {
    // replaceState fires no hashchange, so announce the change ourselves.
    history.replaceState(null, "", target);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = target;
  }
}

/** The current route; a guarded navigation the user declines puts the previous hash back. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    let current = window.location.hash;
    const onChange = (): void => {
      const next = window.location.hash;
      if (next === current) return;
      const message = leaveMessage();
      if (message !== null && !window.confirm(message)) {
        history.replaceState(null, "", current || "#/");
        return;
      }
      current = next;
      setRoute(parseRoute(next));
    };
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
