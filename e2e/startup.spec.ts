// The production server refuses to start on a missing or bad setting, naming it (security.md 16).
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

// `next start` reads the settings in next.config.ts; the production web process (what npm start runs,
// scripts/web-server.ts) reads them first of all.
const SERVERS = {
  "next start": ["node_modules/.bin/next", ["start", "--port", "0"]],
  "the web process": ["node_modules/.bin/tsx", ["--conditions=react-server", "scripts/web-server.ts", "--port", "0"]],
} as const;

function start(server: keyof typeof SERVERS, env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const [command, args] = SERVERS[server];
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env } as unknown as NodeJS.ProcessEnv,
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

for (const server of Object.keys(SERVERS) as Array<keyof typeof SERVERS>) {
  test(`${server} without an auth secret or database stops and names both`, async () => {
    const { code, output } = await start(server, {});
    expect(code).not.toBe(0);
    expect(output).toContain("BlogAtlas cannot start");
    expect(output).toContain("DATABASE_URL is required");
    expect(output).toContain("NEXTAUTH_SECRET is required");
  });

  test(`${server} with a malformed database URL stops and says what is wrong with it`, async () => {
    const { code, output } = await start(server, { DATABASE_URL: "mysql://localhost/x", NEXTAUTH_SECRET: "s".repeat(40) });
    expect(code).not.toBe(0);
    expect(output).toContain("DATABASE_URL must be a postgresql:// URL");
  });
}
