import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  // Tests import no stylesheets; an inline (empty) PostCSS config keeps Vite from loading
  // Tailwind's native bindings, which otherwise hold the process open for 10 s at exit.
  css: { postcss: { plugins: [] } },
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Tests run the server's modules directly; the guard against client bundling is Next's job.
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/empty-module.ts") },
    ],
  },
  test: {
    setupFiles: ["lib/testing/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["{lib,app,components,prisma,scripts}/**/*.test.ts"], exclude: ["**/*.int.test.ts", "**/node_modules/**"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,app,components,prisma,scripts}/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-database.ts"],
          setupFiles: ["lib/testing/fail-on-console-error.ts", "lib/testing/file-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
