// Applies the saved theme before first paint, so a dark-theme user never sees a white flash.
// A file, not an inline script: the Content-Security-Policy allows only the app's own scripts.
try {
  const saved = localStorage.getItem("derisk:theme");
  if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
} catch {}
