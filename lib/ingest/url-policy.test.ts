import { describe, expect, it } from "vitest";
import { checkUrl, forbiddenAddressReason, policyOf } from "./url-policy";

const refused = (url: string, policy = policyOf()) => {
  const verdict = checkUrl(url, policy);
  return verdict.ok ? null : verdict.reason;
};

describe("URLs the reader refuses before sending a byte (security.md 17, 19)", () => {
  it.each([
    ["http://127.0.0.1/feed", "127.0.0.1 is a loopback address"],
    ["http://10.1.2.3/feed", "10.1.2.3 is a private address"],
    ["http://172.16.0.1/", "172.16.0.1 is a private address"],
    ["http://172.31.255.255/", "172.31.255.255 is a private address"],
    ["http://192.168.1.1/", "192.168.1.1 is a private address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address (cloud metadata lives here)"],
    ["http://[::1]/", "::1 is a loopback address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 maps to 127.0.0.1, a loopback address"],
    ["http://[::ffff:10.0.0.1]/", "::ffff:a00:1 maps to 10.0.0.1, a private address"],
    ["http://0.0.0.0/", "0.0.0.0 is an unspecified address"],
    ["http://100.64.0.1/", "100.64.0.1 is a shared (CGNAT) address"],
    ["http://2130706433/", "127.0.0.1 is a loopback address"],
    ["http://0x7f.1/", "127.0.0.1 is a loopback address"],
    ["http://017700000001/", "127.0.0.1 is a loopback address"],
    ["http://[fd00::1]/", "fd00::1 is a unique-local (private) address"],
    ["http://[fe80::1]/", "fe80::1 is a link-local address"],
    ["http://224.0.0.1/", "224.0.0.1 is a multicast address"],
    ["http://[::]/", ":: is an unspecified address"],
  ])("%s", (url, reason) => {
    expect(refused(url)).toBe(reason);
  });

  it.each([
    ["http://example.com:8080/feed", "port 8080 is not allowed (only 80 and 443)"],
    ["http://example.com:22/", "port 22 is not allowed (only 80 and 443)"],
    ["file:///etc/passwd", "file: URLs are not allowed (only http and https)"],
    ["gopher://example.com/", "gopher: URLs are not allowed (only http and https)"],
    ["ftp://example.com/feed", "ftp: URLs are not allowed (only http and https)"],
    ["javascript:alert(1)", "javascript: URLs are not allowed (only http and https)"],
    ["http://user:secret@example.com/feed", "URLs with a user name or password are not allowed"],
    ["http://localhost/feed", "localhost is not a public host name"],
    ["http://intranet/feed", "intranet is not a public host name"],
    ["not a url", "not a url is not a valid URL"],
  ])("%s", (url, reason) => {
    expect(refused(url)).toBe(reason);
  });

  it("accepts public http(s) URLs on the usual ports", () => {
    for (const url of ["https://example.com/feed.xml", "http://blog.example.org:80/rss", "https://8.8.8.8/", "https://[2606:4700::1111]/"]) {
      expect(refused(url), url).toBeNull();
    }
  });

  it("lets INGEST_ALLOW_HOSTS name a local server, and only on that port", () => {
    const policy = policyOf(["127.0.0.1:4010"]);
    expect(checkUrl("http://127.0.0.1:4010/feed", policy)).toMatchObject({ ok: true, allowlisted: true });
    expect(refused("http://127.0.0.1:4011/feed", policy)).toBe("port 4011 is not allowed (only 80 and 443)");
    expect(refused("http://127.0.0.1/feed", policy)).toBe("127.0.0.1 is a loopback address");
  });

  it("classifies addresses the resolver may return", () => {
    expect(forbiddenAddressReason("93.184.216.34")).toBeNull();
    expect(forbiddenAddressReason("2606:2800:220:1::1")).toBeNull();
    expect(forbiddenAddressReason("::ffff:93.184.216.34")).toBeNull();
    expect(forbiddenAddressReason("fe80::1%eth0")).toBe("fe80::1%eth0 is a link-local address");
    expect(forbiddenAddressReason("198.18.0.1")).toBe("198.18.0.1 is a benchmarking address");
  });
});
