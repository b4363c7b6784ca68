"use server";

// Every admin action: the guard first (a non-admin gets a 404 and nothing runs), then the domain
// function (which checks the role again and audits), then the pages that show the change.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { AdminFormState } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/auth/guards";
import { retryImport, runImport, startImport } from "@/lib/admin/import";
import type { TDone } from "@/lib/admin/audit";
import { checkFeedNow, restoreListing, setBusinessByHand, setListingCategories, setPostHidden, suspendListing } from "@/lib/admin/listings";
import { approveSubmissions, decideClaim, deferItems, rejectSubmissions, resolveReport, type TDecision } from "@/lib/admin/moderation";
import { retryFeed } from "@/lib/admin/system";
import { setUserBanned, setUserRole } from "@/lib/admin/users";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function said(answer: TDone): AdminFormState {
  if (answer.kind === "not-found") return { ok: false, message: "Not found: it may have been changed or removed meanwhile. Reload the page." };
  return { ok: answer.kind === "done", message: answer.message };
}

function decided(answer: TDecision, verb: string): AdminFormState {
  if (answer.kind === "not-found") return { ok: false, message: "Nothing to do: already decided by someone else, or gone. Reload the page." };
  if (answer.kind === "invalid") return { ok: false, message: answer.message };
  return { ok: true, message: `${verb} ${answer.count} ${answer.count === 1 ? "item" : "items"}.` };
}

/** A moderation decision that changed something refreshes every admin page (counts, queue, overview). */
function refreshedWhenDone(state: AdminFormState): AdminFormState {
  if (state.ok) revalidatePath("/admin", "layout");
  return state;
}

/** The submissions form: per item ("approve:<id>") or for the selected ones ("bulk-approve"). */
export async function submissionsAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const [intent, id] = text(form, "intent").split(":");
  const bulk = intent?.startsWith("bulk-");
  const ids = bulk ? form.getAll("ids").map(String) : [id ?? ""];
  const reasonKey = bulk ? "bulk-reason" : `reason-${id}`;
  const noteKey = bulk ? "bulk-note" : `note-${id}`;
  let state: AdminFormState;
  switch (intent?.replace("bulk-", "")) {
    case "approve":
      state = decided(await approveSubmissions(admin, ids, text(form, noteKey)), "Approved");
      break;
    case "reject":
      state = decided(await rejectSubmissions(admin, ids, { reason: form.get(reasonKey) ?? "", note: text(form, noteKey) }), "Rejected");
      break;
    case "defer":
      state = decided(await deferItems(admin, "submission", ids), "Deferred");
      break;
    default:
      state = { ok: false, message: "Unknown action." };
  }
  return refreshedWhenDone(state);
}

export async function reportAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const id = text(form, "report");
  const intent = text(form, "intent");
  const answer = intent === "defer" ? await deferItems(admin, "report", [id]) : await resolveReport(admin, id, intent, text(form, "note"));
  const state = decided(answer, intent === "defer" ? "Deferred" : intent === "dismiss" ? "Dismissed" : "Resolved");
  return refreshedWhenDone(state);
}

export async function claimAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const state = decided(await decideClaim(admin, text(form, "claim"), text(form, "intent") === "approve", text(form, "note")), "Decided");
  return refreshedWhenDone(state);
}

export async function listingAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const slug = text(form, "slug");
  const reason = text(form, "reason");
  let answer: TDone;
  switch (text(form, "intent")) {
    case "suspend":
      answer = await suspendListing(admin, slug, reason);
      break;
    case "restore":
      answer = await restoreListing(admin, slug, reason);
      break;
    case "grant-business":
      answer = await setBusinessByHand(admin, slug, true, reason);
      break;
    case "remove-business":
      answer = await setBusinessByHand(admin, slug, false, reason);
      break;
    case "categories":
      answer = await setListingCategories(admin, slug, form.getAll("categories").map(String), reason);
      break;
    case "check-now":
      answer = await checkFeedNow(admin, slug);
      break;
    default:
      answer = { kind: "invalid", message: "Unknown action." };
  }
  revalidatePath(`/admin/listings/${slug}`);
  return said(answer);
}

export async function postAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const answer = await setPostHidden(admin, text(form, "post"), text(form, "intent") === "hide", text(form, "reason"));
  revalidatePath("/admin", "layout");
  return said(answer);
}

export async function userAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const id = text(form, "user");
  const intent = text(form, "intent");
  const answer =
    intent === "role" ? await setUserRole(admin, id, form.get("role"), text(form, "reason"))
    : intent === "ban" || intent === "unban" ? await setUserBanned(admin, id, intent === "ban", text(form, "reason"))
    : ({ kind: "invalid", message: "Unknown action." } as const);
  revalidatePath(`/admin/users/${id}`);
  return said(answer);
}

export async function retryFeedAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const answer = await retryFeed(admin, text(form, "blog"));
  revalidatePath("/admin/feeds");
  return said(answer);
}

export async function importAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const file = form.get("file");
  if (!(file instanceof File)) return { ok: false, message: "Choose an OPML file to upload." };
  const answer = await startImport(admin, { fileName: file.name, size: file.size, text: file.size > 2_000_000 ? "" : await file.text(), defaultCategory: text(form, "category") || undefined });
  if (answer.kind === "invalid") return { ok: false, message: answer.message };
  // The feeds are handled after the answer; the job's page shows the progress (and resumes it).
  after(() => runImport(answer.id));
  redirect(`/admin/import/${answer.id}`);
}

export async function resumeImportAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const admin = await requireAdmin();
  const id = text(form, "job");
  await retryImport(admin, id); // a failed job becomes resumable; a stale running one already is
  after(() => runImport(id, { takeOver: true }));
  revalidatePath(`/admin/import/${id}`);
  return { ok: true, message: "Resuming from the first feed not yet handled…" };
}
