"use client";

import { useActionState, useId } from "react";
import { peopleAction, type PeopleFormState } from "@/app/(site)/dashboard/listings/[slug]/actions";

type Person = { id: string; email: string; name: string | null; role: "OWNER" | "EDITOR" };
type Invitation = { email: string; role: "OWNER" | "EDITOR"; expiresAt: Date };

const small = "rounded-lg border border-stone-300 px-3 py-1 text-sm font-semibold dark:border-stone-600";

/** Who can edit the listing: owners invite, change roles and remove; anyone can leave. */
export function ListingPeople({ slug, myId, myRole, members, invitations }: { slug: string; myId: string; myRole: "OWNER" | "EDITOR"; members: Person[]; invitations: Invitation[] }) {
  const [state, action, pending] = useActionState<PeopleFormState, FormData>(peopleAction, { kind: "idle" });
  const id = useId();
  const errors = state.kind === "invalid" ? state.errors : {};
  const owner = myRole === "OWNER";
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        People
      </h2>
      {state.kind === "done" && (
        <p role="status" className="text-emerald-800 dark:text-emerald-300">
          {state.message}
        </p>
      )}
      {(errors.form || state.kind === "not-found") && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {errors.form ?? "That person is no longer a member."}
        </p>
      )}
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 dark:divide-stone-700 dark:border-stone-700">
        {members.map((person) => (
          <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span>
              {person.name ?? person.email} <span className="text-sm text-stone-600 dark:text-stone-400">({person.role === "OWNER" ? "owner" : "editor"}{person.id === myId ? ", you" : ""})</span>
            </span>
            {owner && person.id !== myId && (
              <span className="flex gap-2">
                <form action={action}>
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="member" value={person.id} />
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="role" value={person.role === "OWNER" ? "EDITOR" : "OWNER"} />
                  <button type="submit" disabled={pending} className={small}>
                    Make {person.role === "OWNER" ? "editor" : "owner"}
                  </button>
                </form>
                <form action={action}>
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="member" value={person.id} />
                  <input type="hidden" name="intent" value="remove" />
                  <button type="submit" disabled={pending} className={small}>
                    Remove {person.name ?? person.email}
                  </button>
                </form>
              </span>
            )}
          </li>
        ))}
        {invitations.map((invitation) => (
          <li key={invitation.email} className="p-3 text-stone-600 dark:text-stone-400">
            {invitation.email} (invited as {invitation.role === "OWNER" ? "owner" : "editor"}, not accepted yet)
          </li>
        ))}
      </ul>
      {owner && (
        <form action={action} noValidate className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="intent" value="invite" />
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-email`} className="block font-medium">
              Invite by e-mail
            </label>
            <input id={`${id}-email`} name="email" type="email" defaultValue={state.kind === "invalid" ? state.typedEmail : undefined} aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? `${id}-email-error` : undefined} className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950" />
          </div>
          <div>
            <label htmlFor={`${id}-role`} className="block font-medium">
              As
            </label>
            <select id={`${id}-role`} name="role" defaultValue="EDITOR" className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950">
              <option value="EDITOR">editor</option>
              <option value="OWNER">owner</option>
            </select>
          </div>
          <button type="submit" disabled={pending} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
            Send the invitation
          </button>
          {errors.email && (
            <p id={`${id}-email-error`} className="w-full text-sm text-red-700 dark:text-red-300">
              {errors.email}
            </p>
          )}
        </form>
      )}
      <form action={action}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="intent" value="leave" />
        <button type="submit" disabled={pending} className={small}>
          Leave this listing
        </button>
      </form>
    </section>
  );
}
