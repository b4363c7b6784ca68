// Which URLs the feed reader may fetch: http(s) only, ports 80/443, no credentials, and never an
// address inside our own network (loopback, private, link-local/cloud metadata, CGNAT, unique-local,
// unspecified, multicast, reserved, IPv4-mapped IPv6). `host:port` pairs in INGEST_ALLOW_HOSTS are
// the only exception (tests and local demos). The same address rules run again at connect time, on
// every redirect hop (see safe-dispatcher.ts), so a DNS answer that changes in between gains nothing.
import { isIP } from "node:net";
import { loadWorkerSettings } from "@/lib/env";
import type { Resolver } from "./safe-dispatcher";

export type UrlVerdict = { ok: true; url: URL; allowlisted: boolean } | { ok: false; reason: string };

type Range = { base: bigint; bits: number; size: 32 | 128; label: string };

function v4ToBigInt(address: string): bigint {
  return address.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two hextets.
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = v4ToBigInt(dotted[1]!);
    text = text.slice(0, -dotted[1]!.length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const headParts = head ? head.split(":") : [];
  const tailParts = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = tail === undefined ? headParts : [...headParts, ...Array(missing).fill("0"), ...tailParts];
  return parts.reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part || "0", 16)), 0n);
}

const range = (cidr: string, label: string): Range => {
  const [base, bits] = cidr.split("/") as [string, string];
  const v6 = base.includes(":");
  return { base: v6 ? v6ToBigInt(base) : v4ToBigInt(base), bits: Number(bits), size: v6 ? 128 : 32, label };
};

const V4_RANGES: Range[] = [
  range("0.0.0.0/8", "an unspecified address"),
  range("10.0.0.0/8", "a private address"),
  range("100.64.0.0/10", "a shared (CGNAT) address"),
  range("127.0.0.0/8", "a loopback address"),
  range("169.254.0.0/16", "a link-local address (cloud metadata lives here)"),
  range("172.16.0.0/12", "a private address"),
  range("192.0.0.0/24", "a reserved address"),
  range("192.0.2.0/24", "a documentation address"),
  range("192.88.99.0/24", "a reserved (6to4 relay) address"),
  range("192.168.0.0/16", "a private address"),
  range("198.18.0.0/15", "a benchmarking address"),
  range("198.51.100.0/24", "a documentation address"),
  range("203.0.113.0/24", "a documentation address"),
  range("224.0.0.0/4", "a multicast address"),
  range("240.0.0.0/4", "a reserved address"),
];

const V6_RANGES: Range[] = [
  range("::/128", "an unspecified address"),
  range("::1/128", "a loopback address"),
  range("64:ff9b::/96", "a NAT64 address"),
  range("64:ff9b:1::/48", "a NAT64 address"),
  range("100::/64", "a discard address"),
  range("2001::/32", "a Teredo address"),
  range("2001:db8::/32", "a documentation address"),
  range("2002::/16", "a 6to4 address"),
  range("fc00::/7", "a unique-local (private) address"),
  range("fe80::/10", "a link-local address"),
  range("ff00::/8", "a multicast address"),
];

const inRange = (value: bigint, r: Range) => value >> BigInt(r.size - r.bits) === r.base >> BigInt(r.size - r.bits);

/** Why an IP address may not be fetched, or null when it is a public address. */
export function forbiddenAddressReason(address: string): string | null {
  const family = isIP(address);
  if (family === 4) {
    const value = v4ToBigInt(address);
    const hit = V4_RANGES.find((r) => inRange(value, r));
    return hit ? `${address} is ${hit.label}` : null;
  }
  if (family === 6) {
    const value = v6ToBigInt(address);
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses carry an IPv4 address.
    if (value >> 32n === 0xffffn || (value >> 32n === 0n && value > 1n)) {
      const v4 = [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
      const inner = forbiddenAddressReason(v4);
      return inner ? `${address} maps to ${inner.replace(" is ", ", ")}` : null;
    }
    const hit = V6_RANGES.find((r) => inRange(value, r));
    return hit ? `${address} is ${hit.label}` : null;
  }
  return `${address} is not an IP address`;
}

/** Hosts that may be reached although private (INGEST_ALLOW_HOSTS), and the ports open to all. */
export type FetchPolicy = { allowHosts: ReadonlySet<string>; ports: ReadonlySet<string>; lookup?: Resolver };

export const DEFAULT_PORTS = ["80", "443"] as const;

export const policyOf = (allowHosts: readonly string[] = [], ports: readonly string[] = DEFAULT_PORTS): FetchPolicy => ({
  allowHosts: new Set(allowHosts.map((entry) => entry.toLowerCase())),
  ports: new Set(ports),
});

export const DEFAULT_POLICY = policyOf();

/** The policy of this installation (INGEST_ALLOW_HOSTS), for the web server's own fetches. */
export const installationPolicy = (): FetchPolicy => policyOf(loadWorkerSettings().INGEST_ALLOW_HOSTS);

const defaultPort = (url: URL) => (url.protocol === "https:" ? "443" : "80");

/** `host:port` of a URL as INGEST_ALLOW_HOSTS names it (IPv6 hosts in brackets). */
export const hostPortOf = (url: URL) => `${url.hostname.toLowerCase()}:${url.port || defaultPort(url)}`;

/** Checks a URL before any connection is made. */
export function checkUrl(raw: string | URL, policy: FetchPolicy = DEFAULT_POLICY): UrlVerdict {
  let url: URL;
  try {
    url = typeof raw === "string" ? new URL(raw.trim()) : new URL(raw.href);
  } catch {
    return { ok: false, reason: `${String(raw).slice(0, 200)} is not a valid URL` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: `${url.protocol} URLs are not allowed (only http and https)` };
  }
  if (url.username || url.password) return { ok: false, reason: "URLs with a user name or password are not allowed" };
  const allowlisted = policy.allowHosts.has(hostPortOf(url));
  if (allowlisted) return { ok: true, url, allowlisted };
  const port = url.port || defaultPort(url);
  if (!policy.ports.has(port)) return { ok: false, reason: `port ${port} is not allowed (only ${[...policy.ports].join(" and ")})` };
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    if (reason) return { ok: false, reason };
  } else if (host === "localhost" || host.endsWith(".localhost") || !host.includes(".")) {
    return { ok: false, reason: `${host} is not a public host name` };
  }
  return { ok: true, url, allowlisted };
}
