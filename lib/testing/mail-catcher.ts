// An in-process SMTP server for tests: the app sends its mail here (SMTP_URL), each message is
// parsed and written to a directory as JSON, and tests read the newest message to an address (for
// example, to follow a magic link). The end-to-end run starts one in e2e/global-setup.ts.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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

/** Every captured message, claimed or not, with its file's name; a file renamed meanwhile is read under its new name next time. */
function readMails(dir: string): Array<{ name: string; mail: CapturedMail }> {
  return readdirSync(dir).flatMap((name) => {
    try {
      return [{ name, mail: JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CapturedMail }];
    } catch {
      return [];
    }
  });
}

/** The newest message to `address` that arrived after `since`, waiting up to `timeoutMs` for it. */
export async function waitForMail(address: string, since: number, timeoutMs = 15_000, dir = process.env.E2E_MAIL_DIR!): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mails = readMails(dir)
      .map(({ mail }) => mail)
      .filter((mail) => mail.at >= since && mail.to.includes(address.toLowerCase()))
      .sort((a, b) => b.at - a.at);
    if (mails[0]) return mails[0];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${address} arrived within ${timeoutMs} ms`);
}

/**
 * Takes the oldest message to `address` since `since` that no one has taken, waiting up to
 * `timeoutMs`: its file is renamed, which only one taker can do. Two tests signing the same address
 * in at once (test workers are processes) each get a link of their own; any unused link signs the
 * address in. With waitForMail both could read the same link, and the second use of a link fails.
 */
export async function claimMail(address: string, since: number, timeoutMs = 15_000, dir = process.env.E2E_MAIL_DIR!): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mails = readMails(dir)
      .filter(({ name, mail }) => name.endsWith(".json") && mail.at >= since && mail.to.includes(address.toLowerCase()))
      .sort((a, b) => a.mail.at - b.mail.at);
    for (const { name, mail } of mails) {
      try {
        renameSync(path.join(dir, name), path.join(dir, `${name}.claimed`));
        return mail;
      } catch {
        // Another test took it first.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no unclaimed mail to ${address} arrived within ${timeoutMs} ms`);
}
