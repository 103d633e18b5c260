import { route } from "../links.ts";

/** Stories, their coverage and the trailer are views of one bank: tabs between them. */
export function PackagingTabs({
  current,
  count,
}: {
  current: "stories" | "coverage" | "trailer";
  count?: number;
}) {
  return (
    <nav className="view-tabs" aria-label="Stories views">
      <a
        className="view-tab"
        href={route.stories()}
        aria-current={current === "stories" ? "page" : undefined}
      >
        Stories
        {count !== undefined && <span className="count">{count}</span>}
      </a>
      <a
        className="view-tab"
        href={route.coverage()}
        aria-current={current === "coverage" ? "page" : undefined}
      >
        Coverage
      </a>
      <a
        className="view-tab"
        href={route.trailer()}
        aria-current={current === "trailer" ? "page" : undefined}
      >
        Trailer
      </a>
    </nav>
  );
}
