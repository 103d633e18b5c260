import type { ButtonHTMLAttributes, MouseEvent } from "react";

/**
 * A button that cannot be pressed for now (its request is running, its text is already saved)
 * but keeps the keyboard focus: a natively disabled button drops the focus to the page's body
 * when it turns disabled under it, so a keyboard user who pressed Enter on "Compose the draft"
 * starts again from the top of the page. This one is marked `aria-disabled` (read as dimmed, drawn
 * as a disabled button) and ignores a press, a click or a form's Enter while held.
 * @example <HeldButton type="submit" className="button" held={busy}>Compose the draft</HeldButton>
 */
export function HeldButton({
  held,
  onClick,
  type = "button",
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "disabled" | "aria-disabled"> & { held: boolean }) {
  return (
    <button
      {...rest}
      type={type}
      aria-disabled={held ? true : undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        // Cancelling the click also cancels the form submission it would start (Enter in a field).
        if (held) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
