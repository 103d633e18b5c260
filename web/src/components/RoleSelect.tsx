import { useId } from "react";
import type { RoleId } from "../../../src/core/model.ts";
import { isRoleId, ROLE_NAMES, ROLES } from "../names.ts";

/** A labelled select of the analyzer's roles; `allowNone` adds "Not set". */
export function RoleSelect({
  label,
  value,
  onChange,
  allowNone = false,
}: {
  label: string;
  value: RoleId | undefined;
  onChange: (role: RoleId | undefined) => void;
  allowNone?: boolean;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ""}
        onChange={(event) => onChange(isRoleId(event.target.value) ? event.target.value : undefined)}
      >
        {allowNone && <option value="">Not set</option>}
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_NAMES[role]}
          </option>
        ))}
      </select>
    </div>
  );
}
