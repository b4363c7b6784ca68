// A test that makes the code log an error it did not expect fails, with that error as its reason.
// A test that expects one replaces this spy with its own (vi.spyOn(console, "error")).
import { vi } from "vitest";

vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  throw new Error(`unexpected console.error: ${args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" ")}`);
});
