import { describe, expect, it } from "vitest";
import { ZSignInEmail } from "./email-address";
import { safeReturnPath } from "./return-path";

describe("the addresses we send sign-in links to (security.md 13)", () => {
  it("takes plain addresses, trimmed and lower-cased", () => {
    expect(ZSignInEmail.parse("  Maya.Lindqvist+blog@Example.COM ")).toBe("maya.lindqvist+blog@example.com");
    expect(ZSignInEmail.parse("o'brien@mail.example.ie")).toBe("o'brien@mail.example.ie");
  });

  it("refuses quoted local parts, lists, look-alike @, comments, spaces and bare hosts", () => {
    for (const odd of [
      '"quoted"@example.com',
      '"a@b"@example.com',
      "a@example.com,b@example.com",
      "a@example.com;b@example.com",
      "a@example.com b@example.com",
      "name＠example.com",
      "name@exａmple.com",
      "name(comment)@example.com",
      "name@example",
      "name@localhost",
      "name@[127.0.0.1]",
      "name@@example.com",
      ".name@example.com",
      "na..me@example.com",
      "name@-example.com",
      "",
      `${"a".repeat(65)}@example.com`,
    ]) {
      expect(ZSignInEmail.safeParse(odd).success, odd).toBe(false);
    }
  });
});

describe("where sign-in returns to", () => {
  it("is a path on this site, never another host", () => {
    expect(safeReturnPath("/blogs/x?y=1")).toBe("/blogs/x?y=1");
    for (const bad of [undefined, "", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]) expect(safeReturnPath(bad)).toBe("/account");
  });
});
