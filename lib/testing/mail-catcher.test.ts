import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimMail, waitForMail } from "./mail-catcher";

const mail = (to: string, at: number, text: string) => JSON.stringify({ to: [to], subject: "Sign in", text, html: "", at });

describe("the test mailbox", () => {
  it("gives each claimer its own message, oldest first, while waitForMail still reads them all", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mailbox-"));
    writeFileSync(path.join(dir, "2-2.json"), mail("a@example.com", 2000, "second"));
    writeFileSync(path.join(dir, "1-1.json"), mail("a@example.com", 1000, "first"));
    writeFileSync(path.join(dir, "3-3.json"), mail("b@example.com", 3000, "other address"));
    writeFileSync(path.join(dir, "4-4.json"), "{\"to\": [\"a@exa"); // being written: skipped, not fatal
    const [one, two] = await Promise.all([claimMail("a@example.com", 0, 1000, dir), claimMail("a@example.com", 0, 1000, dir)]);
    expect([one.text, two.text].sort()).toEqual(["first", "second"]);
    await expect(claimMail("a@example.com", 0, 300, dir)).rejects.toThrow(/no unclaimed mail to a@example.com/);
    expect((await waitForMail("a@example.com", 0, 1000, dir)).text).toBe("second");
  });
});
