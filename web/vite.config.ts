import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

// The web app is served by the derisk server from web/dist; in development Vite proxies the API to
// a server started on the default port, so the app never needs its own backend stub.
export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    // The app imports src/core (types today, the analyzer later) from outside web/.
    fs: { allow: [repoRoot] },
    proxy: { "/api": "http://127.0.0.1:4178" },
  },
});
