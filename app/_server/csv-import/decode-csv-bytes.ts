import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "gbk";

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * An uploaded file's text: valid UTF-8 (with or without a byte order mark) is UTF-8; anything else
 * is taken as GBK, which Chinese spreadsheets save by default. GBK text is almost never valid UTF-8
 * (its two-byte characters break UTF-8's continuation rules), so the check decides reliably.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(body), "gbk"), encoding: "gbk" };
  }
}

/** A CSV export in the chosen encoding: UTF-8 with a byte order mark (Excel then reads it as UTF-8), or GBK. */
export function encodeCsvText(text: string, encoding: CsvEncoding): Buffer {
  return encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, "utf8")]);
}
