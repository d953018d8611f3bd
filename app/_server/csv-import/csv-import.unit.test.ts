import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, encodeCsvText } from "./decode-csv-bytes";
import { RowErrors, checkMapping, guessMapping, mapRows, type ImportTarget } from "./map-columns";
import { parseCsv } from "./parse-csv";
import { readCsvImport } from "./read-csv-import";

const targets: ImportTarget[] = [
  { key: "name", required: true, aliases: ["姓名", "客户名称"] },
  { key: "phones", required: true, aliases: ["电话", "手机"] },
  { key: "tags", required: false, aliases: ["标签"] },
];

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with and without a byte order mark, and GBK otherwise", () => {
    const text = "姓名,电话\r\n王芳,13800000000\r\n";
    expect(decodeCsvBytes(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))).toEqual({ text, encoding: "utf-8" });
    const gbk = iconv.encode(text, "gbk");
    expect([...gbk.subarray(0, 4)]).toEqual([0xd0, 0xd5, 0xc3, 0xfb]); // 姓名 in GBK
    expect(decodeCsvBytes(gbk)).toEqual({ text, encoding: "gbk" });
    expect(decodeCsvBytes(Buffer.from("name,phone\n", "ascii")).encoding).toBe("utf-8");
  });

  it("encodes an export in either, round-tripping", () => {
    const text = "姓名\r\n多次投诉客户\r\n";
    expect(decodeCsvBytes(encodeCsvText(text, "gbk"))).toEqual({ text, encoding: "gbk" });
    expect([...encodeCsvText(text, "utf-8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsvBytes(encodeCsvText(text, "utf-8"))).toEqual({ text, encoding: "utf-8" });
  });
});

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and blank lines", () => {
    const parsed = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n1,,3\nlast');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a", "b", "c"] },
        { line: 2, cells: ["x, y", 'say "hi"', "two\nlines"] },
        { line: 5, cells: ["1", "", "3"] },
        { line: 6, cells: ["last"] },
      ],
    });
    expect(parseCsv("a,\n")).toEqual({ ok: true, records: [{ line: 1, cells: ["a", ""] }] });
  });

  it("names the line of a broken quote", () => {
    expect(parseCsv('a,b\n"open,c\nd')).toEqual({ ok: false, line: 2, problem: "unclosed-quote" });
    expect(parseCsv('a\n"x"y,1')).toEqual({ ok: false, line: 2, problem: "text-after-quote" });
  });
});

describe("column mapping", () => {
  it("guesses from Chinese or English headers and checks a chosen mapping", () => {
    expect(guessMapping(["客户名称", "手机", "备注"], targets)).toEqual({ name: 0, phones: 1 });
    expect(guessMapping(["Name", "PHONES"], targets)).toEqual({ name: 0, phones: 1 });
    // A column goes to the first target that claims it: a catch-all target listed later gets the rest.
    expect(guessMapping(["电话", "备注"], [...targets, { key: "fields.电话", required: false, aliases: ["电话"] }, { key: "fields.备注", required: false, aliases: ["备注"] }])).toEqual({ phones: 0, "fields.备注": 1 });
    expect(checkMapping({ name: 0 }, ["a", "b"], targets)).toEqual([{ row: 1, field: "phones", message: "needs a column" }]);
    expect(checkMapping({ name: 0, phones: 0, bogus: 1, tags: 5 }, ["a", "b"], targets)).toEqual([
      { row: 1, field: "bogus", message: "is not a field that can be imported" },
      { row: 1, field: "tags", message: "is mapped to column 6, which the file does not have" },
      { row: 1, field: "phones", message: "uses the same column as name" },
    ]);
  });

  it("maps rows by spreadsheet row number, trims, fills short rows and undoes our export's formula guard", () => {
    const parsed = parseCsv("n,p\n王芳 , '+8613800000000\n李雷\n");
    if (!parsed.ok) throw new Error("parse");
    expect(mapRows(parsed.records, { name: 0, phones: 1 })).toEqual([
      { row: 2, values: { name: "王芳", phones: "+8613800000000" } },
      { row: 3, values: { name: "李雷", phones: "" } },
    ]);
  });

  it("keeps at most the limit of row errors but counts them all", () => {
    const errors = new RowErrors(2);
    for (let row = 2; row < 7; row += 1) errors.add(row, "phones", "bad");
    expect(errors.list).toHaveLength(2);
    expect(errors.total).toBe(5);
  });
});

describe("readCsvImport", () => {
  it("reads a GBK file end to end with a guessed mapping", () => {
    const read = readCsvImport(iconv.encode("姓名,电话,标签\r\n王芳,13800000000,VIP客户\r\n", "gbk"), targets, null);
    expect(read).toMatchObject({ ok: true, encoding: "gbk", header: ["姓名", "电话", "标签"], mapping: { name: 0, phones: 1, tags: 2 } });
    expect(read.ok && read.rows).toEqual([{ row: 2, values: { name: "王芳", phones: "13800000000", tags: "VIP客户" } }]);
  });

  it("builds the targets from the header when given a function", () => {
    const perColumn = (header: readonly string[]) => header.map((cell) => ({ key: `fields.${cell}`, required: false, aliases: [cell] }));
    const read = readCsvImport(Buffer.from("城市,车型\n北京,轿车\n"), perColumn, null);
    expect(read).toMatchObject({ ok: true, mapping: { "fields.城市": 0, "fields.车型": 1 }, targets: [{ key: "fields.城市" }, { key: "fields.车型" }] });
    expect(readCsvImport(new Uint8Array(), perColumn, null)).toMatchObject({ ok: false, targets: [] });
  });

  it("reports an empty file, a broken quote and a bad mapping without rows", () => {
    expect(readCsvImport(new Uint8Array(), targets, null)).toMatchObject({ ok: false, errors: [{ row: 0, field: "file" }] });
    expect(readCsvImport(Buffer.from('姓名,电话\n"王芳,1'), targets, null)).toMatchObject({ ok: false, errors: [{ row: 0, field: "file", message: "has a quote opened on line 2 that is never closed" }] });
    expect(readCsvImport(Buffer.from("a,b\n1,2"), targets, null)).toMatchObject({ ok: false, errors: [{ field: "name" }, { field: "phones" }] });
  });
});
