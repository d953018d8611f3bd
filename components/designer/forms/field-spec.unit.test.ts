import { describe, expect, it } from "vitest";
import { getNodeDefinition, nodeDefinitions } from "@/flows-runtime/nodes/registry.definitions";
import { fieldSpecOf, initialValue } from "./field-spec";

describe("fieldSpecOf", () => {
  it("reads every node type's settings schema into a form spec", () => {
    for (const definition of nodeDefinitions) {
      const spec = fieldSpecOf(definition.schema);
      expect(spec.kind, definition.type).toBe("object");
    }
  });

  it("recognises discriminated unions, nullable fields and enums", () => {
    const transfer = fieldSpecOf(getNodeDefinition("transfer")?.schema ?? fail());
    const target = transfer.kind === "object" ? transfer.properties.find((property) => property.name === "target")?.spec : undefined;
    expect(target?.kind).toBe("union");
    if (target?.kind === "union") {
      expect(target.discriminator).toBe("kind");
      expect(target.variants.map((variant) => variant.value)).toEqual(["queue", "number", "endpoint"]);
    }
    const collect = fieldSpecOf(getNodeDefinition("collect")?.schema ?? fail());
    const terminator = collect.kind === "object" ? collect.properties.find((property) => property.name === "terminator")?.spec : undefined;
    expect(terminator).toMatchObject({ kind: "nullable", inner: { kind: "string", options: ["#", "*"] } });
  });

  it("makes new list items that start from the schema's defaults", () => {
    const menu = fieldSpecOf(getNodeDefinition("menu")?.schema ?? fail());
    const prompt = menu.kind === "object" ? menu.properties.find((property) => property.name === "prompt")?.spec : undefined;
    expect(prompt?.kind).toBe("array");
    if (prompt?.kind === "array") expect(initialValue(prompt.items)).toEqual({ kind: "tts", text: "" });
  });
});

function fail(): never {
  throw new Error("missing node definition");
}
