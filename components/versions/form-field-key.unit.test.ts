import { describe, expect, it } from "vitest";
import { formFieldKey } from "./form-field-key";

describe("formFieldKey", () => {
  const menu = { prompt: [{ kind: "tts", text: "Choose" }], options: [{ key: "1" }, { key: "3", label: "Sales" }] };

  it("turns a keyed option into its position in the form", () => {
    expect(formFieldKey(["options", { by: "key", value: "3" }, "label"], menu)).toBe("options.1.label");
  });

  it("keeps positions and names as they are", () => {
    expect(formFieldKey(["prompt", 0, "text"], menu)).toBe("prompt.0.text");
  });

  it("stops at the list when the item is gone", () => {
    expect(formFieldKey(["options", { by: "key", value: "9" }], menu)).toBe("options");
    expect(formFieldKey(["prompt", 4, "text"], menu)).toBe("prompt");
  });
});
