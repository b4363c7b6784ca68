// Outgoing e-mail through the SMTP server named by SMTP_URL (maildev under `npm run dev`, an
// in-process capture server in tests, a real relay in production). One transport per process.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { loadMailSettings } from "@/lib/env";

let transport: { url: string; transporter: Transporter } | undefined;

export class MailNotConfiguredError extends Error {
  constructor() {
    super("e-mail is not configured on this installation: set SMTP_URL");
  }
}

export type Mail = { to: string; subject: string; text: string; html: string };

export const mailConfigured = () => Boolean(loadMailSettings().SMTP_URL);

export async function sendMail(mail: Mail): Promise<void> {
  const settings = loadMailSettings();
  if (!settings.SMTP_URL) throw new MailNotConfiguredError();
  if (transport?.url !== settings.SMTP_URL) transport = { url: settings.SMTP_URL, transporter: nodemailer.createTransport(settings.SMTP_URL) };
  await transport.transporter.sendMail({ from: settings.EMAIL_FROM, ...mail });
}
