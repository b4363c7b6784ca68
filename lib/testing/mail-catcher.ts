// An in-process SMTP server for tests: the app sends its mail here (SMTP_URL), each message is
// parsed and written to a directory as JSON, and tests read the newest message to an address (for
// example, to follow a magic link). The end-to-end run starts one in e2e/global-setup.ts.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; subject: string; text: string; html: string; at: number };

export async function startMailCatcher(port: number, dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => (entry.address ?? "").toLowerCase()));
          const captured: CapturedMail = { to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", at: Date.now() };
          writeFileSync(path.join(dir, `${Date.now()}-${++count}.json`), JSON.stringify(captured));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The newest message to `address` that arrived after `since`, waiting up to `timeoutMs` for it. */
export async function waitForMail(address: string, since: number, timeoutMs = 15_000, dir = process.env.E2E_MAIL_DIR!): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mails = readdirSync(dir)
      .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CapturedMail)
      .filter((mail) => mail.at >= since && mail.to.includes(address.toLowerCase()))
      .sort((a, b) => b.at - a.at);
    if (mails[0]) return mails[0];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${address} arrived within ${timeoutMs} ms`);
}
