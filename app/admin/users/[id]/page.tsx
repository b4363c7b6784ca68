import type { Metadata } from "next";
import Link from "next/link";
import { Field, ReasonInput } from "@/components/admin/fields";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { button, card, danger, input } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { getUserForAdmin } from "@/lib/admin/users";
import { userAction } from "../../actions";

export const metadata: Metadata = { title: "User" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function AdminUserPage({ params }: Props) {
  const { id } = await params;
  const admin = await requireAdmin();
  const user = await getUserForAdmin(admin, id);
  if (!user) notFound();
  const reason = <ReasonInput />;
  return (
    <>
      <p><Link href="/admin/users" className="underline">← Users</Link></p>
      <h1 className="text-3xl font-bold tracking-tight">{user.email}</h1>
      <dl className={`${card} grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]`}>
        <dt className="font-medium">Name</dt><dd>{user.name ?? "—"}</dd>
        <dt className="font-medium">Role</dt><dd>{user.role === "ADMIN" ? "administrator" : "member"}</dd>
        <dt className="font-medium">Joined</dt><dd>{formatDate(user.createdAt)}</dd>
        <dt className="font-medium">State</dt><dd>{user.bannedAt ? `banned on ${formatDate(user.bannedAt)}: ${user.banReason ?? ""}` : `active, ${user._count.sessions} open ${user._count.sessions === 1 ? "session" : "sessions"}`}</dd>
      </dl>
      <section aria-labelledby="listings" className="space-y-2">
        <h2 id="listings" className="text-xl font-semibold">Listings</h2>
        {user.memberships.length === 0 ? <p className="text-stone-600 dark:text-stone-300">Not a member of any listing.</p> : (
          <ul className="list-disc pl-5">
            {user.memberships.map((membership) => (
              <li key={membership.blog.slug}><Link href={`/admin/listings/${membership.blog.slug}`} className="underline">{membership.blog.name}</Link>: {membership.role.toLowerCase()}, {membership.blog.status.toLowerCase()}, {membership.blog.tier === "BUSINESS" ? "Business" : "free"}</li>
            ))}
          </ul>
        )}
        {user.submittedBlogs.length > 0 && (
          <p className="text-sm">Submitted: {user.submittedBlogs.map((blog, index) => <span key={blog.slug}>{index > 0 && ", "}<Link href={`/admin/listings/${blog.slug}`} className="underline">{blog.name}</Link> ({blog.status.toLowerCase()})</span>)}</p>
        )}
      </section>
      <section aria-labelledby="user-actions" className="grid gap-4 md:grid-cols-2">
        <h2 id="user-actions" className="sr-only">Actions</h2>
        <ActionForm action={userAction} className={`${card} space-y-2`} label="Role">
          <h3 className="font-semibold">Role</h3>
          <input type="hidden" name="user" value={user.id} />
          <input type="hidden" name="intent" value="role" />
          <Field label="New role">
            <select name="role" defaultValue={user.role} className={input}>
              <option value="USER">Member</option>
              <option value="ADMIN">Administrator</option>
            </select>
          </Field>
          {reason}
          <button type="submit" className={button}>Change the role</button>
        </ActionForm>
        <ActionForm action={userAction} className={`${card} space-y-2`} label={user.bannedAt ? "Unban" : "Ban"}>
          <h3 className="font-semibold">{user.bannedAt ? "Unban" : "Ban"}</h3>
          <p className="text-sm text-stone-600 dark:text-stone-300">{user.bannedAt ? "They can sign in again." : "Ends every session at once; they cannot sign in while banned. Their listings stay."}</p>
          <input type="hidden" name="user" value={user.id} />
          {reason}
          <button type="submit" name="intent" value={user.bannedAt ? "unban" : "ban"} className={user.bannedAt ? button : danger}>{user.bannedAt ? "Unban" : "Ban this user"}</button>
        </ActionForm>
      </section>
      <p className="text-sm"><Link href={`/admin/audit?target=${user.id}`} className="underline">This user in the audit log</Link></p>
    </>
  );
}
