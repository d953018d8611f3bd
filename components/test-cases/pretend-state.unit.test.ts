import { describe, expect, it } from "vitest";
import { pretendSchema } from "@/flows-runtime/pretend/pretend-schema";
import { emptyPretendForm, formFromPretend, pretendFromForm } from "./pretend-state";

describe("pretend form", () => {
  it("pretends nothing when nothing is filled in", () => {
    expect(pretendFromForm(emptyPretendForm("Asia/Shanghai"))).toEqual({ ok: true, pretend: {} });
  });

  it("reads typed values as JSON when they are JSON, else as text, and round-trips", () => {
    const form = {
      ...emptyPretendForm("Asia/Shanghai"),
      clockOn: true,
      date: "2026-12-02",
      time: "05:37",
      caller: " 13800000000 ",
      variables: [
        { name: "customer.tier", value: "vip" },
        { name: "visits", value: "3" },
        { name: "", value: "ignored" },
      ],
      http: [{ nodeId: "lookup_customer", status: "200", body: '{"tier":"vip"}' }],
    };
    const result = pretendFromForm(form);
    expect(result).toEqual({
      ok: true,
      pretend: {
        clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" },
        caller: "13800000000",
        variables: [
          { name: "customer.tier", value: "vip" },
          { name: "visits", value: 3 },
        ],
        http: [{ nodeId: "lookup_customer", status: 200, body: { tier: "vip" } }],
      },
    });
    if (!result.ok) throw new Error("expected a pretend");
    expect(pretendSchema.parse(result.pretend)).toEqual(result.pretend);
    expect(pretendFromForm(formFromPretend(result.pretend, "UTC"))).toEqual(result);
  });

  it("names the canned body that is not JSON", () => {
    const form = { ...emptyPretendForm("UTC"), http: [{ nodeId: "a", status: "200", body: "{tier: vip}" }] };
    expect(pretendFromForm(form)).toEqual({ ok: false, field: "http.0.body" });
  });
});

describe("recorded keys", () => {
  it("groups keys pressed after the same prompt and starts a new input after the next one", async () => {
    const { recordKeys } = await import("./use-case-recorder");
    let inputs = recordKeys([], "1", 0);
    inputs = recordKeys(inputs, "2", 2);
    inputs = recordKeys(inputs, "3", 2);
    inputs = recordKeys(inputs, "#", 3);
    expect(inputs).toEqual([
      { afterPrompt: 1, keys: "1" },
      { afterPrompt: 2, keys: "23" },
      { afterPrompt: 3, keys: "#" },
    ]);
  });
});
