// Client side of the forms that post to our route handlers: the answer's JSON is the form's next
// state, whatever the status (the routes answer 4xx and 429 with the same shapes the forms show).
export async function postForm<State>(url: string, form: FormData, onSignedOut: () => State): Promise<State> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: form, headers: { accept: "application/json" } });
  } catch {
    return { kind: "invalid", errors: { form: "The connection failed. Check your network and try again." } } as State;
  }
  if (response.status === 401) return onSignedOut();
  const body = (await response.json().catch(() => null)) as State | null;
  return body ?? ({ kind: "invalid", errors: { form: `Something went wrong on our side (HTTP ${response.status}). Please try again.` } } as State);
}
