// The sign-in e-mail: one link, what it is for, how long it works, and what to do if it was not you.
import "server-only";
import { sendMail } from "@/lib/services/mail";
import { escapeHtml } from "@/lib/html";


export async function sendMagicLink(to: string, url: string, expires: Date): Promise<void> {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const host = new URL(url).host;
  await sendMail({
    to,
    subject: `Sign in to BlogAtlas`,
    text: `Sign in to BlogAtlas (${host}) with this link:\n\n${url}\n\nIt works once, for ${minutes} minutes. If you did not ask to sign in, ignore this message: nothing happens without the link.\n`,
    html: `<p>Sign in to BlogAtlas (${escapeHtml(host)}):</p><p><a href="${escapeHtml(url)}">Sign in</a></p><p>The link works once, for ${minutes} minutes. If you did not ask to sign in, ignore this message: nothing happens without the link.</p>`,
  });
}
