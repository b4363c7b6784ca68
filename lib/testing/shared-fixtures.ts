// Where the shared feed fixtures live: ../shared beside the checkout (as on the developers'
// machines and in CI), or SHARED_DIR. A missing folder is an error that says so, never a skip.
import { existsSync } from "node:fs";
import path from "node:path";

export function fixturesDir(...parts: string[]): string {
  const root = process.env.SHARED_DIR ?? path.resolve(process.cwd(), "../shared");
  const dir = path.join(root, "fixtures", "feeds", ...parts);
  if (!existsSync(dir)) throw new Error(`the shared feed fixtures are missing at ${dir}; check out shared/ beside the project or set SHARED_DIR`);
  return dir;
}
