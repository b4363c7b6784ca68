// The production server refuses to start on a missing or bad setting, naming it (security.md 16).
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

function startNext(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/next", ["start", "--port", "0"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("next start without an auth secret or database stops and names both", async () => {
  const { code, output } = await startNext({});
  expect(code).not.toBe(0);
  expect(output).toContain("BlogAtlas cannot start");
  expect(output).toContain("DATABASE_URL is required");
  expect(output).toContain("NEXTAUTH_SECRET is required");
});

test("next start with a malformed database URL stops and says what is wrong with it", async () => {
  const { code, output } = await startNext({ DATABASE_URL: "mysql://localhost/x", NEXTAUTH_SECRET: "s".repeat(40) });
  expect(code).not.toBe(0);
  expect(output).toContain("DATABASE_URL must be a postgresql:// URL");
});
