// Turns a feed's bytes into text. The encoding comes from, in order: a byte-order mark, the HTTP
// charset, the XML declaration, then detection (valid UTF-8, else Windows-1252, which is what a
// feed without a declared charset almost always means).

import { isUtf8 } from "node:buffer";

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

function normaliseLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const clean = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return normaliseLabel(contentType?.match(/charset\s*=\s*("?)([^";,\s]+)\1/i)?.[2]);
}

function charsetFromXmlDeclaration(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 200).toString("latin1");
  return normaliseLabel(head.match(/^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/)?.[1]);
}

export function decodeFeedBody(bytes: Buffer, contentType?: string): { text: string; encoding: string } {
  for (const [signature, encoding] of BOMS) {
    if (signature.every((byte, index) => bytes[index] === byte)) {
      return { text: new TextDecoder(encoding).decode(bytes.subarray(signature.length)), encoding };
    }
  }
  const declared = charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes);
  // A UTF-16 label on bytes with no BOM is almost always a wrong label on single-byte text.
  if (declared === "utf-8") return { text: bytes.toString("utf8"), encoding: declared }; // Buffer's decoder is the faster
  if (declared && !declared.startsWith("utf-16")) return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  // isUtf8 validates without building a string; toString then decodes without re-checking.
  if (isUtf8(bytes)) return { text: bytes.toString("utf8"), encoding: "utf-8" };
  return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
}
