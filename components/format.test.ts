import { describe, expect, it } from "vitest";
import { languageName } from "./format";

describe("languageName", () => {
  it("names a language code, and gives back as written what Intl cannot read instead of throwing", () => {
    expect(languageName("pt-BR")).toBe("Brazilian Portuguese");
    expect(languageName("de")).toBe("German");
    // Stored before feed languages were checked: Intl.DisplayNames throws on these.
    expect(languageName("en_us")).toBe("en_us");
    expect(languageName("x")).toBe("x");
  });
});
