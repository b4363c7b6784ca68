"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useId } from "react";
import type { PreviewAnswer, SubmitAnswer } from "@/lib/listings/submit";
import { typedValues } from "@/lib/form-values";
import { postForm } from "./post-form";

/** What was typed in the details, given back with an invalid answer: React resets a form after its action. */
type Typed = { typed?: Partial<Record<"category" | "tags" | "language" | "description", string>> };
type SubmitFormState = { kind: "start" } | PreviewAnswer | (SubmitAnswer & Typed);

type Category = { slug: string; name: string };

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
const button = "rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60";

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-300">
      {text}
    </p>
  ) : null;
}

/** Two steps: the address (we read its feed and show what we would list), then the details. */
export function SubmitBlogForm({ categories }: { categories: Category[] }) {
  const router = useRouter();
  // A session that ended meanwhile: off to sign in, and back here after.
  const signIn = (): SubmitFormState => {
    router.push(`/signin?callbackUrl=${encodeURIComponent("/submit")}`);
    return { kind: "start" };
  };
  const [previewState, preview, previewing] = useActionState<SubmitFormState, FormData>((_previous, form) => postForm("/api/submissions/preview", form, signIn), { kind: "start" });
  const [submitState, submit, submitting] = useActionState<SubmitFormState, FormData>(async (_previous, form) => {
    const answer = await postForm<SubmitFormState>("/api/submissions", form, signIn);
    if (answer.kind === "submitted") router.push(`/account?submitted=${encodeURIComponent(answer.slug)}`);
    if (answer.kind !== "invalid") return answer;
    return { ...answer, typed: typedValues(form, ["category", "tags", "language", "description"]) };
  }, { kind: "start" });
  const id = useId();
  const shown = previewState.kind === "preview" ? previewState : null;
  const addressErrors = previewState.kind === "invalid" ? previewState.errors : {};
  const detailErrors = submitState.kind === "invalid" ? submitState.errors : {};
  const typed = submitState.kind === "invalid" && "typed" in submitState ? (submitState.typed ?? {}) : {};
  const duplicate = submitState.kind === "duplicate" ? submitState : previewState.kind === "duplicate" ? previewState : null;

  return (
    <div className="space-y-8">
      <form action={preview} noValidate className="space-y-3">
        <label htmlFor={`${id}-url`} className="block font-medium">
          Your blog&apos;s address
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            inputMode="url"
            required
            placeholder="https://myblog.example"
            defaultValue={shown?.url}
            aria-invalid={Boolean(addressErrors.url ?? addressErrors.form)}
            aria-describedby={addressErrors.url ?? addressErrors.form ? `${id}-url-error` : undefined}
            className={`${input} mt-0 min-w-0 flex-1`}
          />
          <button type="submit" disabled={previewing} className={button}>
            {previewing ? "Reading its feed…" : "Look it up"}
          </button>
        </div>
        <FieldError id={`${id}-url-error`} text={addressErrors.url ?? addressErrors.form} />
      </form>

      {duplicate && (
        <p role="status" className="rounded-lg bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This blog is already listed as{" "}
          <Link href={`/blogs/${duplicate.listing.slug}`} className="font-semibold underline">
            {duplicate.listing.name}
          </Link>
          . If it is yours, claim that listing rather than submitting it again.
        </p>
      )}

      {shown && (
        <form action={submit} noValidate className="space-y-5 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
          <input type="hidden" name="url" value={shown.url} />
          <section aria-labelledby={`${id}-found`}>
            <h2 id={`${id}-found`} className="text-xl font-semibold">
              {shown.name}
            </h2>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {shown.siteUrl} · feed {shown.feedUrl}
            </p>
            <h3 className="mt-3 font-medium">Its latest posts</h3>
            <ul className="mt-1 list-disc pl-5">
              {shown.posts.map((post) => (
                <li key={post.url}>{post.title}</li>
              ))}
            </ul>
          </section>
          <div>
            <label htmlFor={`${id}-category`} className="block font-medium">
              Category
            </label>
            <select id={`${id}-category`} name="category" defaultValue={typed.category ?? ""} aria-invalid={Boolean(detailErrors.category)} aria-describedby={detailErrors.category ? `${id}-category-error` : undefined} className={input}>
              <option value="" disabled>
                Choose one
              </option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-category-error`} text={detailErrors.category} />
          </div>
          <div>
            <label htmlFor={`${id}-tags`} className="block font-medium">
              Tags <span className="font-normal text-stone-600 dark:text-stone-400">(up to five, separated by commas)</span>
            </label>
            <input id={`${id}-tags`} name="tags" defaultValue={typed.tags} aria-invalid={Boolean(detailErrors.tags)} aria-describedby={detailErrors.tags ? `${id}-tags-error` : undefined} className={input} />
            <FieldError id={`${id}-tags-error`} text={detailErrors.tags} />
          </div>
          <div>
            <label htmlFor={`${id}-language`} className="block font-medium">
              Language
            </label>
            <input id={`${id}-language`} name="language" defaultValue={typed.language ?? shown.language} placeholder="en" aria-invalid={Boolean(detailErrors.language)} aria-describedby={detailErrors.language ? `${id}-language-error` : undefined} className={input} />
            <FieldError id={`${id}-language-error`} text={detailErrors.language} />
          </div>
          <div>
            <label htmlFor={`${id}-description`} className="block font-medium">
              Description
            </label>
            <textarea id={`${id}-description`} name="description" rows={3} defaultValue={typed.description ?? shown.description} aria-invalid={Boolean(detailErrors.description)} aria-describedby={detailErrors.description ? `${id}-description-error` : undefined} className={input} />
            <FieldError id={`${id}-description-error`} text={detailErrors.description} />
          </div>
          {(detailErrors.form || detailErrors.url) && (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {detailErrors.form ?? detailErrors.url}
            </p>
          )}
          <button type="submit" disabled={submitting} className={button}>
            {submitting ? "Submitting…" : "Submit for review"}
          </button>
        </form>
      )}
    </div>
  );
}
