"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { installationPolicy } from "@/lib/ingest/url-policy";
import { previewSubmission, submitBlog, type PreviewAnswer, type SubmitAnswer } from "@/lib/listings/submit";

export type SubmitFormState = { kind: "start" } | PreviewAnswer | SubmitAnswer;


export async function previewAction(_previous: SubmitFormState, form: FormData): Promise<SubmitFormState> {
  const user = await requireUser("/submit");
  return previewSubmission(user, { url: form.get("url") }, installationPolicy());
}

export async function submitAction(_previous: SubmitFormState, form: FormData): Promise<SubmitFormState> {
  const user = await requireUser("/submit");
  const answer = await submitBlog(user, Object.fromEntries(form), installationPolicy());
  if (answer.kind === "submitted") redirect(`/account?submitted=${encodeURIComponent(answer.slug)}`);
  return answer;
}
