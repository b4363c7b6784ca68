// The undici dispatchers the feed reader connects through. The guarded one resolves names itself
// and refuses to connect to any address url-policy.ts forbids: the check happens at connect time,
// for the address actually used, on every hop. The open one serves only INGEST_ALLOW_HOSTS entries.
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import { Agent } from "undici";
import { forbiddenAddressReason } from "./url-policy";

export class RefusedAddressError extends Error {
  readonly code = "EREFUSEDADDRESS";
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves a name to all its addresses (dns.lookup by default; tests give a fake resolver). */
export type Resolver = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, callback) => dns.lookup(hostname, { all: true }, callback);

export const guardedLookup = (resolve: Resolver = systemResolver) => (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
  resolve(hostname, (error, found) => {
    const addresses = options.family === 4 || options.family === 6 ? found.filter((entry) => entry.family === options.family) : found;
    if (error) return callback(error, []);
    const allowed = addresses.filter((entry) => !forbiddenAddressReason(entry.address));
    if (allowed.length === 0) {
      const reason = addresses.length ? `${hostname} resolves to ${forbiddenAddressReason(addresses[0]!.address)}` : `${hostname} has no address`;
      return callback(new RefusedAddressError(reason) as unknown as NodeJS.ErrnoException, []);
    }
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};

const common = {
  connections: 8,
  keepAliveTimeout: 10_000,
  headersTimeout: 15_000,
  bodyTimeout: 15_000,
} as const;

const guarded = new Map<Resolver, Agent>();
let open: Agent | undefined;

export function guardedDispatcher(resolve: Resolver = systemResolver): Agent {
  let agent = guarded.get(resolve);
  if (!agent) {
    agent = new Agent({ ...common, connect: { timeout: 10_000, lookup: guardedLookup(resolve) } });
    guarded.set(resolve, agent);
  }
  return agent;
}

/** Only for INGEST_ALLOW_HOSTS entries: private addresses named on purpose by the operator. */
export function allowlistDispatcher(): Agent {
  open ??= new Agent({ ...common, connect: { timeout: 10_000 } });
  return open;
}
