import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";

export const metadata: Metadata = { title: { template: "%s · Admin · BlogAtlas", default: "Admin · BlogAtlas" }, robots: { index: false, follow: false } };

const SECTIONS = [
  ["/admin", "Overview"],
  ["/admin/queue", "Moderation queue"],
  ["/admin/listings", "Listings"],
  ["/admin/users", "Users"],
  ["/admin/feeds", "Feed health"],
  ["/admin/import", "OPML import"],
  ["/admin/audit", "Audit log"],
] as const;

/** Every admin page sits behind the admin guard: anyone else gets the site's 404. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <div className="grid gap-8 lg:grid-cols-[12rem_1fr]">
      <nav aria-label="Admin sections" className="lg:sticky lg:top-4 lg:self-start">
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Admin</p>
        <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
          {SECTIONS.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="block rounded-lg px-2 py-1 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}
