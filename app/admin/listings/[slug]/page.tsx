import type { Metadata } from "next";
import Link from "next/link";
import { ReasonInput } from "@/components/admin/fields";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { button, card, danger, input, primary, table } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { getCategoryOptions } from "@/lib/categories/queries";
import { getListingForAdmin } from "@/lib/admin/listings";
import { listingAction, postAction } from "../../actions";

export const metadata: Metadata = { title: "Listing" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function AdminListingPage({ params }: Props) {
  const { slug } = await params;
  const admin = await requireAdmin();
  const listing = await getListingForAdmin(admin, slug);
  if (!listing) notFound();
  const categories = await getCategoryOptions();
  const chosen = new Set(listing.categories.map((row) => row.category.slug));
  const listed = listing.status === "ACTIVE" || listing.status === "DORMANT";
  return (
    <>
      <p><Link href="/admin/listings" className="underline">← Listings</Link></p>
      <h1 className="text-3xl font-bold tracking-tight">{listing.name}</h1>
      <dl className={`${card} grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]`}>
        <dt className="font-medium">Status</dt>
        <dd>{listing.status.toLowerCase()}{listing.rejectionReason ? ` (${listing.rejectionReason})` : ""}{listed && <> · <Link href={`/blogs/${listing.slug}`} className="underline">public page</Link></>}</dd>
        <dt className="font-medium">Tier</dt>
        <dd>{listing.tier === "BUSINESS" ? "Business" : "free"}{listing.businessGrantedAt ? ` (granted by hand ${formatDate(listing.businessGrantedAt)})` : ""}{listing.billing[0] ? ` · Stripe subscription ${listing.billing[0].stripeSubscriptionId}: ${listing.billing[0].status}` : ""}</dd>
        <dt className="font-medium">Site / feed</dt>
        <dd><a href={listing.siteUrl} rel="noopener nofollow" className="underline">{listing.siteUrl}</a> · <a href={listing.feedUrl} rel="noopener nofollow" className="underline">{listing.feedUrl}</a></dd>
        <dt className="font-medium">Feed health</dt>
        <dd>
          last read {listing.lastCheckedAt ? formatDate(listing.lastCheckedAt) : "never"}, next {formatDate(listing.nextCheckAt)}
          {listing.errorCount > 0 && <span className="text-red-700 dark:text-red-300"> · {listing.errorCount} errors, last: {listing.lastError}</span>}
          {listing.dormantSince && ` · dormant since ${formatDate(listing.dormantSince)}`}
        </dd>
        <dt className="font-medium">People</dt>
        <dd>
          {listing.members.length === 0 ? "no owner (claimable)" : listing.members.map((member, index) => (
            <span key={member.user.id}>{index > 0 && ", "}<Link href={`/admin/users/${member.user.id}`} className="underline">{member.user.email}</Link> ({member.role.toLowerCase()})</span>
          ))}
          {listing.submittedBy && <> · submitted by <Link href={`/admin/users/${listing.submittedBy.id}`} className="underline">{listing.submittedBy.email}</Link></>}
        </dd>
        <dt className="font-medium">Spam score</dt>
        <dd>{listing.spamScore}</dd>
      </dl>

      <section aria-labelledby="actions" className="grid gap-4 md:grid-cols-2">
        <h2 id="actions" className="sr-only">Actions</h2>
        <ActionForm action={listingAction} className={`${card} space-y-2`} label="Suspend or restore">
          <h3 className="font-semibold">{listing.status === "SUSPENDED" ? "Restore" : "Suspend"}</h3>
          <p className="text-sm text-stone-600 dark:text-stone-300">{listing.status === "SUSPENDED" ? "The listing and its posts come back as they were." : "The listing and its posts vanish from public pages at once; nothing is deleted."}</p>
          <input type="hidden" name="slug" value={listing.slug} />
          <ReasonInput />
          {listing.status === "SUSPENDED" ? (
            <button type="submit" name="intent" value="restore" className={primary}>Restore the listing</button>
          ) : (
            <button type="submit" name="intent" value="suspend" className={danger} disabled={!listed}>Suspend the listing</button>
          )}
        </ActionForm>
        <ActionForm action={listingAction} className={`${card} space-y-2`} label="Business Listing by hand">
          <h3 className="font-semibold">Business Listing by hand</h3>
          <p className="text-sm text-stone-600 dark:text-stone-300">{listing.businessGrantedAt ? "Granted by hand. Withdrawing it leaves any paid subscription in force." : "Grant it without payment (a partner, a goodwill gesture)."}</p>
          <input type="hidden" name="slug" value={listing.slug} />
          <ReasonInput />
          <button type="submit" name="intent" value={listing.businessGrantedAt ? "remove-business" : "grant-business"} className={button}>{listing.businessGrantedAt ? "Withdraw the grant" : "Grant a Business Listing"}</button>
        </ActionForm>
        <ActionForm action={listingAction} className={`${card} space-y-2`} label="Categories">
          <h3 className="font-semibold">Categories</h3>
          <input type="hidden" name="slug" value={listing.slug} />
          <fieldset className="grid max-h-48 grid-cols-2 gap-1 overflow-y-auto text-sm">
            <legend className="sr-only">Categories (up to three)</legend>
            {categories.map((category) => (
              <label key={category.slug} className="flex items-center gap-2">
                <input type="checkbox" name="categories" value={category.slug} defaultChecked={chosen.has(category.slug)} />
                {category.name}
              </label>
            ))}
          </fieldset>
          <ReasonInput />
          <button type="submit" name="intent" value="categories" className={button}>Change categories</button>
        </ActionForm>
        <ActionForm action={listingAction} className={`${card} space-y-2`} label="Read the feed now">
          <h3 className="font-semibold">Read the feed now</h3>
          <p className="text-sm text-stone-600 dark:text-stone-300">Fetches and stores it here and now, and says what happened.</p>
          <input type="hidden" name="slug" value={listing.slug} />
          <button type="submit" name="intent" value="check-now" className={button} disabled={!listed}>Check now</button>
        </ActionForm>
      </section>

      <section aria-labelledby="posts" className="space-y-3">
        <h2 id="posts" className="text-xl font-semibold">Latest posts</h2>
        {listing.posts.length === 0 ? <p className="text-stone-600 dark:text-stone-300">No posts mirrored.</p> : (
          <div className="overflow-x-auto">
            <table className={table}>
              <thead><tr><th scope="col">Post</th><th scope="col">Published</th><th scope="col">Shown</th><th scope="col">Hide or restore</th></tr></thead>
              <tbody>
                {listing.posts.map((post) => (
                  <tr key={post.id}>
                    <td><a href={post.url} rel="noopener nofollow ugc" className="underline">{post.title || "(untitled)"}</a></td>
                    <td>{formatDate(post.publishedAt)}</td>
                    <td>{post.hiddenAt ? `hidden: ${post.hiddenReason ?? ""}` : "yes"}</td>
                    <td>
                      <ActionForm action={postAction} className="flex flex-wrap gap-2" label={`Hide or restore ${post.title}`}>
                        <input type="hidden" name="post" value={post.id} />
                        <label className="sr-only" htmlFor={`reason-${post.id}`}>Reason for {post.title}</label>
                        <input id={`reason-${post.id}`} name="reason" required minLength={3} placeholder="Reason" className={input} />
                        <button type="submit" name="intent" value={post.hiddenAt ? "restore" : "hide"} className={button}>{post.hiddenAt ? "Restore" : "Hide"}</button>
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="reports" className="space-y-2">
        <h2 id="reports" className="text-xl font-semibold">Reports</h2>
        {listing.reports.length === 0 ? <p className="text-stone-600 dark:text-stone-300">None.</p> : (
          <ul className="list-disc pl-5 text-sm">
            {listing.reports.map((report) => <li key={report.id}>{formatDate(report.createdAt)}: {report.reason.toLowerCase()} ({report.status.toLowerCase()}){report.details ? `: ${report.details}` : ""}</li>)}
          </ul>
        )}
        <p className="text-sm"><Link href={`/admin/audit?target=${listing.id}`} className="underline">This listing in the audit log</Link></p>
      </section>
    </>
  );
}
