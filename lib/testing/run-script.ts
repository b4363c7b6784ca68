// A project script run as a user runs it (`npm run feed -- ...`, `npm run db:seed`): a child process
// through tsx, its exit code and what it printed, for the tests of the commands.
import { spawn } from "node:child_process";

export type ScriptRun = { code: number | null; stdout: string; stderr: string; /** both, in the order printed */ output: string };

/** Runs `script` (a path from the project's root) with `args`, this process's environment and `env` over it. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], { env: { ...process.env, ...env } });
    const run: ScriptRun = { code: null, stdout: "", stderr: "", output: "" };
    child.stdout.on("data", (chunk) => {
      run.stdout += chunk;
      run.output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      run.stderr += chunk;
      run.output += chunk;
    });
    child.on("exit", (code) => resolve({ ...run, code }));
  });
}
