// Starts the mail catcher for the whole run (the app sends to it through SMTP_URL).
import { startMailCatcher } from "../lib/testing/mail-catcher";

export default async function globalSetup() {
  return startMailCatcher(Number(process.env.E2E_SMTP_PORT), process.env.E2E_MAIL_DIR!);
}
