import { describe, expect, it } from "vitest";
import { makeIssue, nodeIssue } from "../compiler/issue";
import { enMessages } from "./en";
import { fieldLabel, pathLabel } from "./field-label";
import { formatIssue, nodeReference } from "./format-issue";
import { zhCNMessages } from "./zh-CN";

const placeholders = (template: string): string[] => [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1] ?? "");

describe("issue catalogs", () => {
  it("have the same codes and the same placeholders in every language", () => {
    expect(Object.keys(zhCNMessages).sort()).toEqual(Object.keys(enMessages).sort());
    for (const [code, english] of Object.entries(enMessages)) {
      const chinese = Object.hasOwn(zhCNMessages, code) ? Object.getOwnPropertyDescriptor(zhCNMessages, code)?.value : undefined;
      expect(typeof chinese).toBe("string");
      expect(placeholders(String(chinese)).sort(), code).toEqual(placeholders(english).sort());
      expect(String(chinese)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("leave no placeholder unfilled when the params are given", () => {
    for (const [code, english] of Object.entries(enMessages)) {
      const params: Record<string, string | number> = { nodeType: "menu", nodeLabel: "Main menu" };
      for (const name of placeholders(english)) if (name !== "node" && name !== "field") params[name] = 1;
      for (const locale of ["en", "zh-CN"] as const) {
        expect(formatIssue({ code, params, path: ["options", 0, "key"] }, locale)).not.toMatch(/\{[A-Za-z]+\}/);
      }
    }
  });
});

describe("formatIssue", () => {
  it("writes the node, field and port in the reader's language", () => {
    const duplicate = nodeIssue({ id: "m", type: "menu", label: "Main menu" }, "duplicate-key", ["options", 2, "key"], { key: "1" });
    expect(duplicate.message).toBe('Menu "Main menu": key 1 is used by two options');
    expect(formatIssue(duplicate, "zh-CN")).toBe("按键菜单“Main menu”：按键 1 被两个选项使用");
    const range = nodeIssue({ id: "m", type: "menu", label: "主菜单" }, "setting-too-big", ["timeoutSeconds"], { maximum: 60 });
    expect(formatIssue(range, "zh-CN")).toBe("按键菜单“主菜单”：“等待按键（秒）” 不能大于 60");
    const unconnected = nodeIssue({ id: "m", type: "menu" }, "required-port-unconnected", [], { port: "timeout" });
    expect(unconnected.message).toBe('Menu "m" has no path for "timeout": connect it to a node');
    expect(formatIssue(unconnected, "zh-CN")).toBe("按键菜单“m” 的 “超时” 没有后续路径，请连接到一个节点");
    const type = nodeIssue({ id: "p", type: "play", label: "Hi" }, "setting-wrong-type", ["bargeIn"], { expected: "boolean" });
    expect(formatIssue(type, "zh-CN")).toBe("播放语音“Hi”：“允许按键打断” 必须是布尔值（true/false）");
  });

  it("labels fields from form hints and falls back to readable names", () => {
    expect(fieldLabel("menu", ["options", 2, "key"], "en")).toBe("Options #3 › Key");
    expect(fieldLabel("menu", ["options", 2, "key"], "zh-CN")).toBe("选项 #3 › 按键");
    expect(fieldLabel("collect", ["somethingNew"], "en")).toBe("something new");
    expect(fieldLabel("no-such-type", [], "en")).toBe("settings");
    expect(pathLabel(["nodes", 3, "position", "x"])).toBe("nodes #4 › position › x");
    expect(nodeReference("fax", "Old", "en")).toBe('fax "Old"');
  });

  it("falls back to the code for an unknown code and keeps {{secret.NAME}} literal", () => {
    expect(formatIssue({ code: "no-such-code", params: {}, path: [] })).toBe("no-such-code");
    const credential = nodeIssue({ id: "h", type: "http-request", label: "API" }, "literal-credential", ["headers", 0, "value"], { header: "Authorization" });
    expect(credential.message).toContain("{{secret.NAME}}");
    expect(makeIssue({ code: "no-start" })).toEqual({ severity: "error", code: "no-start", message: "The flow has no Start node: add one", params: {}, nodeId: null, edgeId: null, path: [] });
  });
});
