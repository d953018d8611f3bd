import { describe, expect, it } from "vitest";
import { checkAttributes, customerFieldInputSchema, type FieldRule } from "./field-rules";

const rules: FieldRule[] = [
  { key: "orderNumber", labelZh: "订单号", labelEn: "Order number", type: "text", options: [], required: true },
  { key: "points", labelZh: "积分", labelEn: "Points", type: "number", options: [], required: false },
  { key: "memberSince", labelZh: "入会日期", labelEn: "Member since", type: "date", options: [], required: false },
  { key: "product", labelZh: "产品线", labelEn: "Product line", type: "choice", options: ["家电", "手机"], required: false },
];

describe("customer field rules", () => {
  it("accepts values of each type, converts numbers from text and drops empty optional values", () => {
    expect(checkAttributes(rules, { orderNumber: "A-1", points: " 12.5 ", memberSince: "2024-02-29", product: "家电" }, "zh-CN")).toEqual({
      ok: true,
      attributes: { orderNumber: "A-1", points: 12.5, memberSince: "2024-02-29", product: "家电" },
    });
    expect(checkAttributes(rules, { orderNumber: "A-1", points: "", product: null }, "en")).toEqual({ ok: true, attributes: { orderNumber: "A-1" } });
  });

  it("names every wrong field by its label, in the reader's language", () => {
    const wrong = { points: "many", memberSince: "2023-02-29", product: "汽车", color: "red" };
    expect(checkAttributes(rules, wrong, "zh-CN")).toEqual({
      ok: false,
      problems: [
        { field: "attributes.color", message: "color不是客户字段（请先在字段列表中添加）" },
        { field: "attributes.orderNumber", message: "订单号为必填项" },
        { field: "attributes.points", message: "积分必须是数字" },
        { field: "attributes.memberSince", message: "入会日期必须是日期，例如 2026-12-31" },
        { field: "attributes.product", message: "产品线必须是以下之一：家电、手机" },
      ],
    });
    const english = checkAttributes(rules, { orderNumber: 7, points: Number.NaN }, "en");
    expect(english.ok ? [] : english.problems.map((problem) => problem.message)).toEqual(["Order number must be text", "Points must be a number"]);
    expect(checkAttributes(rules, { orderNumber: "x".repeat(1001) }, "en")).toMatchObject({ ok: false, problems: [{ message: "Order number can have at most 1000 characters" }] });
  });

  it("checks the field list's own entries", () => {
    const problems = (input: unknown) => {
      const parsed = customerFieldInputSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(problems({ key: "tier2", labelZh: "等级", labelEn: "Level", type: "choice", options: ["金", "银"] })).toEqual([]);
    expect(problems({ key: "2x", labelZh: "", labelEn: "L", type: "choice", options: [] })).toEqual([
      "key: must start with a letter and contain only letters, digits and _ (at most 64)",
      "labelZh: is required",
      "options: a choice field needs at least one option",
    ]);
    expect(problems({ key: "a", labelZh: "甲", labelEn: "A", type: "text", options: ["x"] })).toEqual(["options: only a choice field has options"]);
    expect(problems({ key: "a", labelZh: "甲", labelEn: "A", type: "choice", options: ["x", "x"] })).toEqual(["options: must not repeat an option"]);
  });
});
