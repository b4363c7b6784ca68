import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { button, table } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { FEED_SORTS, getFeedProblems } from "@/lib/admin/system";
import { retryFeedAction } from "../actions";

export const metadata: Metadata = { title: "Feed health" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const SHOWS = { "all-problems": "Failing and dormant", failing: "Failing", dormant: "Dormant" } as const;

export default async function FeedHealthPage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const { filter, rows } = await getFeedProblems(admin, await searchParams);
  const link = (change: Record<string, string>) => `/admin/feeds?${new URLSearchParams({ show: filter.show, sort: filter.sort, ...change })}`;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Feed health</h1>
      <nav aria-label="Which feeds" className="flex flex-wrap gap-3 text-sm">
        {Object.entries(SHOWS).map(([key, label]) => (
          <Link key={key} href={link({ show: key })} aria-current={filter.show === key ? "page" : undefined} className={filter.show === key ? "font-semibold underline" : "underline"}>{label}</Link>
        ))}
        <span aria-hidden="true">·</span>
        <span>Sort by:</span>
        {Object.entries(FEED_SORTS).map(([key, label]) => (
          <Link key={key} href={link({ sort: key })} aria-current={filter.sort === key ? "true" : undefined} className={filter.sort === key ? "font-semibold underline" : "underline"}>{label}</Link>
        ))}
      </nav>
      {rows.length === 0 ? <p className="text-stone-600 dark:text-stone-300">Every feed is healthy.</p> : (
        <div className="overflow-x-auto">
          <table className={table}>
            <thead><tr><th scope="col">Listing</th><th scope="col">State</th><th scope="col">Errors</th><th scope="col">Last error</th><th scope="col">Last success</th><th scope="col">Next check</th><th scope="col"><span className="sr-only">Retry</span></th></tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td><Link href={`/admin/listings/${row.slug}`} className="font-medium underline">{row.name}</Link></td>
                  <td>{row.status === "DORMANT" ? `dormant${row.dormantSince ? ` since ${formatDate(row.dormantSince)}` : ""}` : "failing"}</td>
                  <td>{row.errorCount}</td>
                  <td className="max-w-xs break-words">{row.lastError ?? "—"}{row.lastErrorAt ? ` (${formatDate(row.lastErrorAt)})` : ""}</td>
                  <td>{row.lastSuccessAt ? formatDate(row.lastSuccessAt) : "never"}</td>
                  <td>{formatDate(row.nextCheckAt)}</td>
                  <td>
                    <ActionForm action={retryFeedAction} label={`Retry ${row.name}`}>
                      <input type="hidden" name="blog" value={row.id} />
                      <button type="submit" className={button}>Retry now</button>
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
