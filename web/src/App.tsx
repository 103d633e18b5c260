import { useCallback, useEffect, useRef, useState } from "react";
import { api, type DocumentSummary, describeError, type Health } from "./api.ts";
import { EmptyState } from "./components/EmptyState.tsx";
import { Icon, Logo } from "./components/Icon.tsx";
import { ShortcutsDialog } from "./components/ShortcutsDialog.tsx";
import { ComposePage } from "./pages/ComposePage.tsx";
import { CoveragePage } from "./pages/CoveragePage.tsx";
import { EditPage } from "./pages/EditPage.tsx";
import { ExportPage } from "./pages/ExportPage.tsx";
import { FollowUpsPage } from "./pages/FollowUpsPage.tsx";
import { JournalPage } from "./pages/JournalPage.tsx";
import { LibraryPage } from "./pages/LibraryPage.tsx";
import { NewAnswerPage } from "./pages/NewAnswerPage.tsx";
import { PracticePage } from "./pages/PracticePage.tsx";
import { ProgressPage } from "./pages/ProgressPage.tsx";
import { ReanglePage } from "./pages/ReanglePage.tsx";
import { StartPage } from "./pages/StartPage.tsx";
import { StoriesPage } from "./pages/StoriesPage.tsx";
import { TailorPage } from "./pages/TailorPage.tsx";
import { TrailerPage } from "./pages/TrailerPage.tsx";
import { type Route, useRoute } from "./route.ts";
import { useShortcuts } from "./shortcuts.ts";
import { useTheme } from "./theme.ts";
import { useScrollEdges } from "./use-scroll-edges.ts";

const NAV: { page: Route["page"]; label: string; href: string; also?: Route["page"][] }[] = [
  { page: "start", label: "Import", href: "#/" },
  {
    page: "library",
    label: "Library",
    href: "#/library",
    also: ["edit", "new-answer", "reangle", "followups"],
  },
  { page: "stories", label: "Stories", href: "#/stories", also: ["coverage", "trailer"] },
  { page: "compose", label: "Compose", href: "#/compose" },
  { page: "tailor", label: "Tailor", href: "#/tailor" },
  { page: "practice", label: "Practice", href: "#/practice" },
  { page: "progress", label: "Progress", href: "#/progress" },
  { page: "journal", label: "Journal", href: "#/journal" },
  { page: "export", label: "Export", href: "#/export" },
];

export function App() {
  const route = useRoute();
  const { theme, toggleTheme } = useTheme();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  /** Bumped when "Import" (or the logo) is clicked on the import page itself: the address stays
   * "#/", so no route change would clear a finished import; a new key gives a fresh form. */
  const [startRound, setStartRound] = useState(0);
  const freshStart = (): void => {
    if (route.page !== "start") return;
    setStartRound((round) => round + 1);
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  };
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [documentsError, setDocumentsError] = useState<{ code: string; message: string } | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  useScrollEdges(navRef, route.page);
  // The header wraps to two rows on a phone; sticky things below it need its real height.
  useEffect(() => {
    const header = headerRef.current;
    if (!header) return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty("--header-actual-height", `${header.offsetHeight}px`),
    );
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  const [health, setHealth] = useState<Health | { error: { code: string; message: string } } | null>(null);

  const checkHealth = useCallback(() => {
    api.health().then(setHealth, (error: unknown) => setHealth({ error: describeError(error) }));
  }, []);
  useEffect(checkHealth, [checkHealth]);

  // Only the newest request may set the list: an older answer arriving late would bring back a
  // document just deleted or hide one just imported.
  const documentsRequest = useRef(0);
  const loadDocuments = useCallback((): Promise<void> => {
    const request = ++documentsRequest.current;
    setDocumentsError(null);
    return api.listDocuments().then(
      (list) => {
        if (request === documentsRequest.current) setDocuments(list);
      },
      (error: unknown) => {
        if (request === documentsRequest.current) setDocumentsError(describeError(error));
      },
    );
  }, []);
  // The bank can change behind this tab (an import from the CLI or another tab): the list is
  // fetched again on every page change and whenever the tab comes back to the front, so the
  // library never calls itself empty while it holds documents.
  // biome-ignore lint/correctness/useExhaustiveDependencies: route.page is the trigger, on purpose.
  useEffect(() => {
    void loadDocuments();
  }, [loadDocuments, route.page]);
  useEffect(() => {
    const onVisible = (): void => {
      if (document.visibilityState === "visible") void loadDocuments();
    };
    window.addEventListener("focus", onVisible);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("focus", onVisible);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [loadDocuments]);

  useShortcuts({ "?": () => setShortcutsOpen(true) });

  // A new page starts at the top, and its title is announced (focus moves to <main>), except
  // within the library, where j/k and tabs change the address while the user keeps their place.
  const pageKey = route.page === "library" ? `library:${route.documentId ?? ""}` : JSON.stringify(route);
  const shownPage = useRef(pageKey);
  useEffect(() => {
    if (shownPage.current === pageKey) return;
    shownPage.current = pageKey;
    window.scrollTo(0, 0);
    if (route.page !== "edit") mainRef.current?.focus({ preventScroll: true });
  }, [pageKey, route.page]);

  useEffect(() => {
    if (route.page === "start") document.title = "Import · derisk";
  }, [route.page]);

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; the router owns the hash, so the click moves focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the router's; move focus without touching it.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header ref={headerRef} className="app-header">
        <div className="app-header-inner">
          {/* biome-ignore lint/a11y/useValidAnchor: it navigates to #/; the click only adds a fresh form when the address is already #/. */}
          <a className="brand" href="#/" aria-label="derisk: start page" onClick={freshStart}>
            <Logo />
            <span>derisk</span>
          </a>
          <nav ref={navRef} className="main-nav scroll-row" aria-label="Main">
            {NAV.map((item) => (
              <a
                key={item.page}
                href={item.href}
                className={`nav-link nav-${item.page}`}
                onClick={item.page === "start" ? freshStart : undefined}
                aria-current={
                  route.page === item.page || item.also?.includes(route.page) ? "page" : undefined
                }
              >
                {item.label}
              </a>
            ))}
          </nav>
          <div className="header-actions">
            <button
              type="button"
              className="icon-button"
              onClick={() => setShortcutsOpen(true)}
              aria-label="Keyboard shortcuts"
              aria-keyshortcuts="?"
              title="Keyboard shortcuts (?)"
            >
              <Icon name="keyboard" />
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={toggleTheme}
              aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"}
              title={theme === "dark" ? "Light theme" : "Dark theme"}
            >
              <Icon name={theme === "dark" ? "sun" : "moon"} />
            </button>
          </div>
        </div>
      </header>
      {health !== null && "error" in health && (
        <div className="server-banner" role="alert">
          <Icon name="alert" />
          <span>
            {health.error.message} Start it again with <code>npm start</code>.
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              checkHealth();
              void loadDocuments();
            }}
          >
            Retry
          </button>
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1}>
        {route.page === "start" && (
          <StartPage key={startRound} documents={documents} onImported={loadDocuments} />
        )}
        {route.page === "library" && (
          <LibraryPage
            documents={documents}
            documentsError={documentsError}
            documentId={route.documentId}
            view={route.view}
            itemId={route.itemId}
            onDocumentsChanged={loadDocuments}
          />
        )}
        {route.page === "edit" && <EditPage key={route.itemId} itemId={route.itemId} documents={documents} />}
        {route.page === "new-answer" && (
          <NewAnswerPage key={route.question ?? ""} question={route.question ?? ""} documents={documents} />
        )}
        {route.page === "export" && (
          <ExportPage
            documents={documents}
            documentsError={documentsError}
            documentId={route.documentId}
            onRetry={loadDocuments}
          />
        )}
        {route.page === "stories" && (
          <StoriesPage
            documents={documents}
            {...(route.storyId === undefined ? {} : { storyId: route.storyId })}
            {...(route.competency === undefined ? {} : { competency: route.competency })}
          />
        )}
        {route.page === "coverage" && <CoveragePage />}
        {route.page === "trailer" && <TrailerPage />}
        {route.page === "compose" && (
          <ComposePage
            documents={documents}
            {...(route.storyId === undefined ? {} : { storyId: route.storyId })}
          />
        )}
        {route.page === "tailor" && (
          <TailorPage key={route.tailoringId ?? "new"} tailoringId={route.tailoringId} />
        )}
        {route.page === "reangle" && (
          <ReanglePage key={route.itemId} itemId={route.itemId} documents={documents} />
        )}
        {/* Keyed by the item: nothing of one answer's page may linger on another's. */}
        {route.page === "followups" && (
          <FollowUpsPage
            key={route.itemId}
            itemId={route.itemId}
            documents={documents}
            documentsError={documentsError}
          />
        )}
        {route.page === "practice" && (
          <PracticePage
            key={route.sessionId ?? route.source ?? ""}
            sessionId={route.sessionId}
            source={route.source}
            documents={documents}
          />
        )}
        {route.page === "journal" && (
          <JournalPage
            documents={documents}
            {...(route.entryId === undefined ? {} : { entryId: route.entryId })}
          />
        )}
        {route.page === "progress" && <ProgressPage />}
        {route.page === "not-found" && (
          <div className="page">
            <EmptyState icon="search" title="There is nothing at this address">
              <a className="button" href="#/">
                Go to the start page
              </a>
            </EmptyState>
          </div>
        )}
      </main>
      <footer className="app-footer">
        {health !== null && "ok" in health ? (
          <p>
            derisk {health.version} ·{" "}
            {health.storage === "pglite"
              ? "offline: your answers stay in a database on this computer"
              : "connected to your PostgreSQL server"}
          </p>
        ) : (
          <p>derisk</p>
        )}
      </footer>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </>
  );
}
