import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon.tsx";

export function EmptyState({
  icon,
  title,
  children,
  level = 2,
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  /** 1 when the empty state is all the page shows, so its title is the page's heading. */
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="empty-state">
      <span className="empty-icon">
        <Icon name={icon} size={28} />
      </span>
      <Heading>{title}</Heading>
      {children}
    </div>
  );
}
