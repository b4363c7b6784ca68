// A local stand-in for Stripe's API (api.stripe.com is unreachable here): it answers the calls
// BlogAtlas makes (customers, prices, checkout sessions, subscriptions, billing portal sessions)
// with objects shaped as in Stripe's API reference, keeps their state, honours Idempotency-Key, and
// plays the customer's side: a hosted "checkout" page whose Pay button completes the session,
// a "portal" page that cancels, and test controls that change a subscription. Each change sends
// the events Stripe would, signed with the SDK's own generateTestHeaderString, to the app's route.
// Used by the integration tests (in process) and by the end-to-end tests (e2e/global-setup.ts).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Json = Record<string, unknown>;
type Row = Json & { id: string };

export type FakePrice = { id: string; unitAmount: number; currency: string; interval: "month" | "year"; nickname?: string };

export type FakeStripeOptions = {
  secretKey: string;
  webhookSecret: string;
  /** Where events are delivered; without it they are only recorded (tests deliver them by hand). */
  webhookUrl?: string;
  prices: FakePrice[];
  port?: number;
};

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;

/** Stripe's form encoding (a[b][0][c]=v) back into objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[index + 1]!);
      const slot = Array.isArray(node) ? (part === "" ? node.length : Number(part)) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export class FakeStripe {
  readonly customers = new Map<string, Row>();
  readonly prices = new Map<string, Row>();
  readonly sessions = new Map<string, Row>();
  readonly subscriptions = new Map<string, Row>();
  readonly invoices = new Map<string, Row>();
  readonly portalSessions = new Map<string, Row>();
  readonly events: Stripe.Event[] = [];
  /** Every API call, for tests that check what the app asked for. */
  readonly calls: Array<{ method: string; path: string; body: Json; idempotencyKey?: string }> = [];
  /** Deliveries to the app and the status each got. */
  readonly deliveries: Array<{ eventId: string; type: string; status: number }> = [];
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private readonly signer = new Stripe("sk_test_signer");
  private server!: http.Server;
  url = "";
  webhookUrl: string | undefined;

  private constructor(private readonly options: FakeStripeOptions) {
    this.webhookUrl = options.webhookUrl;
    for (const price of options.prices) {
      this.prices.set(price.id, {
        id: price.id,
        object: "price",
        active: true,
        billing_scheme: "per_unit",
        created: nowSeconds(),
        currency: price.currency,
        livemode: false,
        lookup_key: null,
        metadata: {},
        nickname: price.nickname ?? null,
        product: `prod_${price.id}`,
        recurring: { interval: price.interval, interval_count: 1, usage_type: "licensed", meter: null, trial_period_days: null },
        tax_behavior: "unspecified",
        type: "recurring",
        unit_amount: price.unitAmount,
        unit_amount_decimal: String(price.unitAmount),
      });
    }
  }

  static async start(options: FakeStripeOptions): Promise<FakeStripe> {
    const fake = new FakeStripe(options);
    fake.server = http.createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => fake.server.listen(options.port ?? 0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  // ------------------------------------------------------------------ the customer's side

  /** The customer pays: the session completes and its subscription starts, as Stripe does. */
  async completeCheckout(sessionId: string, options: { deliver?: boolean } = {}): Promise<{ subscription: Row; events: Stripe.Event[] }> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no checkout session ${sessionId}`);
    if (session.status !== "open") throw new Error(`checkout session ${sessionId} is ${String(session.status)}`);
    const lineItems = session.line_items_input as Array<{ price: string; quantity?: string }>;
    const price = this.prices.get(lineItems[0]!.price)!;
    const start = nowSeconds();
    const interval = (price.recurring as { interval: "month" | "year" }).interval;
    const end = start + (interval === "year" ? 365 : 30) * DAY;
    const subscriptionData = (session.subscription_data_input ?? {}) as { metadata?: Record<string, string> };
    const subscription: Row = {
      id: newId("sub"),
      object: "subscription",
      billing_cycle_anchor: start,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      collection_method: "charge_automatically",
      created: start,
      currency: price.currency,
      customer: session.customer,
      ended_at: null,
      items: {
        object: "list",
        data: [{ id: newId("si"), object: "subscription_item", created: start, current_period_start: start, current_period_end: end, metadata: {}, price, quantity: 1 }],
        has_more: false,
        url: "/v1/subscription_items",
      },
      latest_invoice: null,
      livemode: false,
      metadata: subscriptionData.metadata ?? {},
      start_date: start,
      status: "active",
      trial_end: null,
    };
    this.subscriptions.set(subscription.id, subscription);
    const invoice = this.newInvoice(subscription, "paid");
    subscription.latest_invoice = invoice.id;
    Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id });
    const events = [
      this.record("customer.subscription.created", subscription),
      this.record("invoice.paid", invoice),
      this.record("checkout.session.completed", this.publicSession(session)),
    ];
    if (options.deliver !== false) for (const event of events) await this.deliver(event);
    return { subscription, events };
  }

  /** The subscription ends now (cancelled in the portal, or by Stripe after failed payments). */
  async cancelSubscription(subscriptionId: string, options: { deliver?: boolean } = {}): Promise<Stripe.Event> {
    const subscription = this.subscription(subscriptionId);
    Object.assign(subscription, { status: "canceled", canceled_at: nowSeconds(), ended_at: nowSeconds() });
    const event = this.record("customer.subscription.deleted", subscription);
    if (options.deliver !== false) await this.deliver(event);
    return event;
  }

  /** A renewal payment fails: the subscription goes past due, as Stripe's retries begin. */
  async failPayment(subscriptionId: string, options: { deliver?: boolean } = {}): Promise<Stripe.Event[]> {
    const subscription = this.subscription(subscriptionId);
    subscription.status = "past_due";
    const invoice = this.newInvoice(subscription, "open");
    subscription.latest_invoice = invoice.id;
    const events = [this.record("invoice.payment_failed", invoice), this.record("customer.subscription.updated", subscription)];
    if (options.deliver !== false) for (const event of events) await this.deliver(event);
    return events;
  }

  /** An event as Stripe would send it (recorded, not delivered). */
  record(type: string, object: Json): Stripe.Event {
    const event = {
      id: newId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: nowSeconds(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    } as unknown as Stripe.Event;
    this.events.push(event);
    return event;
  }

  /** The body and Stripe-Signature header of a delivery, signed now or at `timestamp` (seconds). */
  sign(event: Stripe.Event, options: { timestamp?: number; secret?: string } = {}): { payload: string; header: string } {
    const payload = JSON.stringify(event, null, 2);
    const header = this.signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? this.options.webhookSecret, timestamp: options.timestamp });
    return { payload, header };
  }

  /** Sends one event to the app's webhook route, signed; returns the status it answered. */
  async deliver(event: Stripe.Event): Promise<number> {
    if (!this.webhookUrl) return 0;
    const { payload, header } = this.sign(event);
    const response = await fetch(this.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
    await response.arrayBuffer();
    this.deliveries.push({ eventId: event.id, type: event.type, status: response.status });
    return response.status;
  }

  // ------------------------------------------------------------------ the API

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", this.url);
    const method = request.method ?? "GET";
    try {
      if (!url.pathname.startsWith("/v1/")) return await this.handlePage(method, url, raw, response);
      if (request.headers.authorization !== `Bearer ${this.options.secretKey}`) {
        throw new ApiError(401, "Invalid API Key provided.");
      }
      const body = method === "GET" || method === "DELETE" ? Object.fromEntries(url.searchParams) : parseStripeForm(raw);
      const key = request.headers["idempotency-key"] as string | undefined;
      this.calls.push({ method, path: url.pathname, body, idempotencyKey: key });
      const remembered = key && method === "POST" ? this.idempotent.get(key) : undefined;
      if (remembered) return this.send(response, remembered.status, remembered.body, { "idempotent-replayed": "true" });
      const result = this.api(method, url.pathname, body);
      if (key && method === "POST") this.idempotent.set(key, { status: 200, body: result });
      this.send(response, 200, result);
    } catch (error) {
      if (error instanceof ApiError) {
        this.send(response, error.status, { error: { type: error.status === 401 ? "invalid_request_error" : "invalid_request_error", message: error.message, code: error.code, param: error.param } });
      } else {
        this.send(response, 500, { error: { type: "api_error", message: (error as Error).message } });
      }
    }
  }

  private send(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...headers }).end(JSON.stringify(body));
  }

  private api(method: string, path: string, body: Json): unknown {
    const parts = path.split("/").slice(2); // after /v1
    const [resource, id] = [parts.join("/").replace(/\/[^/]+$/, ""), parts.at(-1)!];
    if (method === "POST" && path === "/v1/customers") return this.createCustomer(body);
    if (method === "GET" && resource === "customers") return this.find(this.customers, id, "customer");
    if (method === "GET" && path === "/v1/prices") return this.list([...this.prices.values()], "/v1/prices");
    if (method === "GET" && resource === "prices") return this.find(this.prices, id, "price");
    if (method === "POST" && path === "/v1/checkout/sessions") return this.createSession(body);
    if (method === "GET" && resource === "checkout/sessions") return this.publicSession(this.find(this.sessions, id, "checkout.session"));
    if (method === "GET" && path === "/v1/subscriptions") return this.listSubscriptions(body);
    if (method === "GET" && resource === "subscriptions") return this.subscription(id);
    if (method === "POST" && resource === "subscriptions") return this.updateSubscription(id, body);
    if (method === "DELETE" && resource === "subscriptions") {
      const subscription = this.subscription(id);
      Object.assign(subscription, { status: "canceled", canceled_at: nowSeconds(), ended_at: nowSeconds() });
      return subscription;
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") return this.createPortalSession(body);
    throw new ApiError(404, `Unrecognized request URL (${method}: ${path}).`);
  }

  private find(map: Map<string, Row>, id: string, what: string): Row {
    const row = map.get(id);
    if (!row) throw new ApiError(404, `No such ${what}: '${id}'`, "resource_missing", "id");
    return row;
  }

  private subscription(id: string): Row {
    return this.find(this.subscriptions, id, "subscription");
  }

  private list(rows: Row[], url: string) {
    return { object: "list", data: rows, has_more: false, url };
  }

  private createCustomer(body: Json): Row {
    const customer: Row = {
      id: newId("cus"),
      object: "customer",
      created: nowSeconds(),
      email: body.email ?? null,
      name: body.name ?? null,
      livemode: false,
      metadata: body.metadata ?? {},
      invoice_settings: { default_payment_method: null },
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  private createSession(body: Json): Row {
    if (body.mode !== "subscription") throw new ApiError(400, "This fake only knows subscription mode.", "parameter_invalid", "mode");
    const lineItems = body.line_items as Array<{ price: string; quantity?: string }> | undefined;
    if (!lineItems?.length || !this.prices.has(lineItems[0]!.price)) throw new ApiError(400, `No such price: '${lineItems?.[0]?.price ?? ""}'`, "resource_missing", "line_items[0][price]");
    if (typeof body.customer === "string" && !this.customers.has(body.customer)) throw new ApiError(400, `No such customer: '${body.customer}'`, "resource_missing", "customer");
    if (typeof body.success_url !== "string") throw new ApiError(400, "Missing required param: success_url.", "parameter_missing", "success_url");
    const id = newId("cs_test");
    const session: Row = {
      id,
      object: "checkout.session",
      client_reference_id: body.client_reference_id ?? null,
      created: nowSeconds(),
      customer: body.customer ?? null,
      expires_at: nowSeconds() + DAY,
      livemode: false,
      metadata: body.metadata ?? {},
      mode: "subscription",
      payment_status: "unpaid",
      status: "open",
      subscription: null,
      success_url: body.success_url,
      cancel_url: body.cancel_url ?? null,
      url: `${this.url}/checkout/${id}`,
      line_items_input: lineItems,
      subscription_data_input: body.subscription_data ?? {},
    };
    this.sessions.set(id, session);
    return this.publicSession(session);
  }

  private publicSession(session: Row): Row {
    const visible: Row = { ...session, url: session.status === "open" ? session.url : null };
    delete visible.line_items_input;
    delete visible.subscription_data_input;
    return visible;
  }

  private listSubscriptions(query: Json) {
    const status = (query.status as string | undefined) ?? "active";
    const rows = [...this.subscriptions.values()].filter((row) => status === "all" || row.status === status);
    const after = query.starting_after as string | undefined;
    const start = after ? rows.findIndex((row) => row.id === after) + 1 : 0;
    const limit = Number(query.limit ?? 10);
    const page = rows.slice(start, start + limit);
    return { object: "list", data: page, has_more: start + limit < rows.length, url: "/v1/subscriptions" };
  }

  private updateSubscription(id: string, body: Json): Row {
    const subscription = this.subscription(id);
    if (body.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = body.cancel_at_period_end === "true";
    if (body.metadata) subscription.metadata = { ...(subscription.metadata as Json), ...(body.metadata as Json) };
    return subscription;
  }

  private createPortalSession(body: Json): Row {
    if (typeof body.customer !== "string" || !this.customers.has(body.customer)) throw new ApiError(400, `No such customer: '${String(body.customer)}'`, "resource_missing", "customer");
    const id = newId("bps");
    const session: Row = { id, object: "billing_portal.session", created: nowSeconds(), customer: body.customer, livemode: false, return_url: body.return_url ?? null, url: `${this.url}/portal/${id}` };
    this.portalSessions.set(id, session);
    return session;
  }

  private newInvoice(subscription: Row, status: "paid" | "open"): Row {
    const invoice: Row = {
      id: newId("in"),
      object: "invoice",
      customer: subscription.customer,
      status,
      created: nowSeconds(),
      livemode: false,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: subscription.metadata, subscription: subscription.id } },
    };
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }

  // ------------------------------------------------------------------ hosted pages

  private async handlePage(method: string, url: URL, _raw: string, response: http.ServerResponse) {
    const [, kind, id, action] = url.pathname.split("/");
    const page = (title: string, body: string) =>
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main>${body}</main></body></html>`);
    if (kind === "checkout" && id) {
      const session = this.find(this.sessions, id, "checkout.session");
      if (method === "POST" && action === "pay") {
        await this.completeCheckout(id);
        const target = String(session.success_url).replace("{CHECKOUT_SESSION_ID}", id);
        return response.writeHead(303, { location: target }).end();
      }
      const price = this.prices.get((session.line_items_input as Array<{ price: string }>)[0]!.price)!;
      return page(
        "Test checkout",
        `<h1>Test checkout</h1><p>${(Number(price.unit_amount) / 100).toFixed(2)} ${String(price.currency).toUpperCase()} a ${String((price.recurring as Json).interval)}</p>
         <form method="post" action="/checkout/${id}/pay"><button type="submit">Pay</button></form>
         ${session.cancel_url ? `<a href="${String(session.cancel_url)}">Back</a>` : ""}`,
      );
    }
    if (kind === "portal" && id) {
      const portal = this.find(this.portalSessions, id, "billing_portal.session");
      const mine = [...this.subscriptions.values()].filter((row) => row.customer === portal.customer && row.status !== "canceled");
      if (method === "POST" && action === "cancel") {
        for (const subscription of mine) await this.cancelSubscription(subscription.id);
        return response.writeHead(303, { location: String(portal.return_url) }).end();
      }
      return page(
        "Test billing portal",
        `<h1>Test billing portal</h1><p>${mine.length} active subscription(s)</p>
         <form method="post" action="/portal/${id}/cancel"><button type="submit">Cancel subscription</button></form>
         <a href="${String(portal.return_url)}">Return</a>`,
      );
    }
    if (kind === "_test" && id === "subscriptions" && method === "POST" && action) {
      const [subscriptionId, change] = action.split(":");
      if (change === "cancel") await this.cancelSubscription(subscriptionId!);
      else if (change === "fail-payment") await this.failPayment(subscriptionId!);
      else throw new ApiError(404, `unknown test change ${change ?? ""}`);
      return this.send(response, 200, this.subscription(subscriptionId!));
    }
    if (kind === "_test" && id === "state" && method === "GET") {
      return this.send(response, 200, { sessions: [...this.sessions.values()].map((row) => this.publicSession(row)), subscriptions: [...this.subscriptions.values()] });
    }
    throw new ApiError(404, `Unrecognized request URL (${method}: ${url.pathname}).`);
  }
}
