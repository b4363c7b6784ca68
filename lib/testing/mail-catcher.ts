// An in-process SMTP server for tests: the app sends its mail here (SMTP_URL), each message is
// parsed and written to a directory as JSON, and tests read the newest message to an address (for
// example, to follow a magic link). The end-to-end run starts one in e2e/global-setup.ts.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; subject: string; text: string; html: string; at: number };

/** Starts the catcher on `port` (0: one the system picks); gives the port and a stop function. */
export async function startMailCatcher(port: number, dir: string): Promise<{ port: number; stop: () => Promise<void> }> {
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
  return { port: (server.server.address() as AddressInfo).port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * For an integration test file: a catcher on a free port, with the app's SMTP_URL pointing at it.
 * (A port drawn at random could be one the system had lent to a connection: EADDRINUSE.)
 */
export async function catchMailIn(dir: string): Promise<() => Promise<void>> {
  const { port, stop } = await startMailCatcher(0, dir);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return stop;
}

/**
 * The messages to `address` since `since`, oldest first, with their files' names (a file renamed
 * meanwhile is read under its new name next time, one being written on the next look).
 */
function mailsTo(dir: string, address: string, since: number): Array<{ name: string; mail: CapturedMail }> {
  return readdirSync(dir)
    .flatMap((name) => {
      try {
        return [{ name, mail: JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CapturedMail }];
      } catch {
        return [];
      }
    })
    .filter(({ mail }) => mail.at >= since && mail.to.includes(address.toLowerCase()))
    .sort((a, b) => a.mail.at - b.mail.at);
}

/** Looks every 200 ms until `look` finds something, or fails with `missing` after `timeoutMs`. */
async function poll<T>(timeoutMs: number, look: () => T | undefined, missing: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = look();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${missing} within ${timeoutMs} ms`);
}

/** The newest message to `address` that arrived after `since`, waiting up to `timeoutMs` for it. */
export function waitForMail(address: string, since: number, timeoutMs = 15_000, dir = process.env.E2E_MAIL_DIR!): Promise<CapturedMail> {
  return poll(timeoutMs, () => mailsTo(dir, address, since).at(-1)?.mail, `no mail to ${address} arrived`);
}

/**
 * Takes the oldest message to `address` since `since` that no one has taken, waiting up to
 * `timeoutMs`: its file is renamed, which only one taker can do. Two tests signing the same address
 * in at once (test workers are processes) each get a link of their own; any unused link signs the
 * address in. With waitForMail both could read the same link, and the second use of a link fails.
 */
export function claimMail(address: string, since: number, timeoutMs = 15_000, dir = process.env.E2E_MAIL_DIR!): Promise<CapturedMail> {
  return poll(
    timeoutMs,
    () => {
      for (const { name, mail } of mailsTo(dir, address, since)) {
        if (!name.endsWith(".json")) continue; // claimed
        try {
          renameSync(path.join(dir, name), path.join(dir, `${name}.claimed`));
          return mail;
        } catch {
          // Another test took it first.
        }
      }
      return undefined;
    },
    `no unclaimed mail to ${address} arrived`,
  );
}
