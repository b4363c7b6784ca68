"use client";

import { useActionState, useId } from "react";
import { updateListingAction, type EditFormState } from "@/app/(site)/dashboard/listings/[slug]/actions";

type Values = {
  slug: string;
  business: boolean;
  description: string;
  language: string;
  mirrorMode: "FULL" | "EXCERPT" | "NONE";
  categories: string[];
  tags: string;
  logoUrl: string;
  ctaLabel: string;
  ctaUrl: string;
  contactEmail: string;
  /** One address a line. */
  socialLinks: string;
};

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";

const MIRROR = [
  { value: "FULL", label: "Full text", hint: "Each post is shown whole, with the credit line and a link to the original." },
  { value: "EXCERPT", label: "Excerpt", hint: "Only the opening of each post; readers follow the link for the rest." },
  { value: "NONE", label: "None", hint: "No post is shown; the listing stays. Takes effect at once." },
] as const;

/** The listing's details; each bad field is answered next to it. */
export function ListingEditForm({ listing, categories }: { listing: Values; categories: Array<{ slug: string; name: string }> }) {
  const [state, action, pending] = useActionState<EditFormState, FormData>(updateListingAction, { kind: "idle" });
  const id = useId();
  const errors = state.kind === "invalid" ? state.errors : {};
  // After an invalid answer, the fields show what was typed (React resets the form to these).
  const shown: Omit<Values, "mirrorMode"> & { mirrorMode: string } = state.kind === "invalid" ? { ...listing, ...state.values } : listing;
  const described = (field: keyof typeof errors) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  const error = (field: keyof typeof errors) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form action={action} noValidate className="space-y-6">
      <input type="hidden" name="slug" value={listing.slug} />
      {state.kind === "saved" && (
        <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          Saved. The public pages show the change now.
        </p>
      )}
      {state.kind === "not-found" && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          This listing is no longer yours to edit.
        </p>
      )}
      <div>
        <label htmlFor={`${id}-description`} className="block font-medium">
          Description
        </label>
        <textarea id={`${id}-description`} name="description" rows={4} defaultValue={shown.description} className={input} {...described("description")} />
        {error("description")}
      </div>
      <fieldset {...described("categories")}>
        <legend className="font-medium">Categories (one to three)</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {categories.map((category) => (
            <label key={category.slug} className="flex items-center gap-2">
              <input type="checkbox" name="categories" value={category.slug} defaultChecked={shown.categories.includes(category.slug)} />
              {category.name}
            </label>
          ))}
        </div>
        {error("categories")}
      </fieldset>
      <div>
        <label htmlFor={`${id}-tags`} className="block font-medium">
          Tags <span className="font-normal text-stone-600 dark:text-stone-400">(up to five, separated by commas)</span>
        </label>
        <input id={`${id}-tags`} name="tags" defaultValue={shown.tags} className={input} {...described("tags")} />
        {error("tags")}
      </div>
      <div>
        <label htmlFor={`${id}-language`} className="block font-medium">
          Language
        </label>
        <input id={`${id}-language`} name="language" defaultValue={shown.language} placeholder="en" className={input} {...described("language")} />
        {error("language")}
      </div>
      <fieldset>
        <legend className="font-medium">How much of each post we show</legend>
        {MIRROR.map((option) => (
          <label key={option.value} className="mt-2 flex gap-2">
            <input type="radio" name="mirrorMode" value={option.value} defaultChecked={shown.mirrorMode === option.value} className="mt-1" />
            <span>
              <span className="font-medium">{option.label}</span>
              <span className="block text-sm text-stone-600 dark:text-stone-400">{option.hint}</span>
            </span>
          </label>
        ))}
        {error("mirrorMode")}
      </fieldset>
      <fieldset className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-700">
        <legend className="px-1 font-medium">Business profile {listing.business ? "" : "(shown once the listing is a Business Listing)"}</legend>
        {(
          [
            ["logoUrl", "Logo (an image address)", "url"],
            ["ctaLabel", "Button words, such as “Book a table”", "text"],
            ["ctaUrl", "Button link", "url"],
            ["contactEmail", "Contact e-mail", "email"],
          ] as const
        ).map(([field, label, type]) => (
          <div key={field}>
            <label htmlFor={`${id}-${field}`} className="block font-medium">
              {label}
            </label>
            <input id={`${id}-${field}`} name={field} type={type} defaultValue={shown[field]} className={input} {...described(field)} />
            {error(field)}
          </div>
        ))}
        <div>
          <label htmlFor={`${id}-socialLinks`} className="block font-medium">
            Social profiles <span className="font-normal text-stone-600 dark:text-stone-400">(up to six addresses, one a line)</span>
          </label>
          <textarea id={`${id}-socialLinks`} name="socialLinks" rows={3} defaultValue={shown.socialLinks} placeholder="https://mastodon.social/@you" className={input} {...described("socialLinks")} />
          {error("socialLinks")}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
