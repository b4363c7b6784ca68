import type { Metadata } from "next";
import Link from "next/link";
import { Field } from "@/components/admin/fields";
import { input, primary, table } from "@/components/admin/styles";
import { requireAdmin } from "@/lib/auth/guards";
import { LISTING_STATUSES, searchListings } from "@/lib/admin/listings";

export const metadata: Metadata = { title: "Listings" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminListingsPage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => typeof value === "string")) as Record<string, string>;
  const { filter, rows, total, pages } = await searchListings(admin, raw);
  const pageHref = (page: number) => `/admin/listings?${new URLSearchParams({ ...raw, page: String(page) })}`;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Listings</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Find listings">
        <Field label="Name, slug or address">
          <input type="search" name="q" defaultValue={filter.q} className={input} />
        </Field>
        <Field label="Status">
          <select name="status" defaultValue={filter.status ?? ""} className={input}>
            <option value="">Any</option>
            {LISTING_STATUSES.map((status) => <option key={status} value={status}>{status.toLowerCase()}</option>)}
          </select>
        </Field>
        <Field label="Tier">
          <select name="tier" defaultValue={filter.tier ?? ""} className={input}>
            <option value="">Any</option>
            <option value="FREE">free</option>
            <option value="BUSINESS">Business</option>
          </select>
        </Field>
        <button type="submit" className={primary}>Find</button>
      </form>
      <p className="text-sm text-stone-600 dark:text-stone-300">{total} listings{pages > 1 ? `, page ${filter.page} of ${pages}` : ""}.</p>
      <div className="overflow-x-auto">
        <table className={table}>
          <thead>
            <tr><th scope="col">Listing</th><th scope="col">Status</th><th scope="col">Tier</th><th scope="col">Posts</th><th scope="col">Feed</th><th scope="col">Open reports</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td><Link href={`/admin/listings/${row.slug}`} className="font-medium underline">{row.name}</Link></td>
                <td>{row.status.toLowerCase()}</td>
                <td>{row.tier === "BUSINESS" ? "Business" : "free"}</td>
                <td>{row.postCount}</td>
                <td>{row.errorCount > 0 ? `${row.errorCount} errors: ${row.lastError ?? ""}` : "ok"}</td>
                <td>{row._count.reports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-4">
        {filter.page > 1 && <Link href={pageHref(filter.page - 1)} className="underline">← Newer</Link>}
        {filter.page < pages && <Link href={pageHref(filter.page + 1)} className="underline">Older →</Link>}
      </nav>
    </>
  );
}
