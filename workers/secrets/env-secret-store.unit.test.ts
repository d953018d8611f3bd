import { describe, expect, it } from "vitest";
import { createEnvSecretStore } from "./env-secret-store";
import { createMemorySecretStore } from "./memory-secret-store";

describe("env secret store", () => {
  const store = createEnvSecretStore({ CC_SECRET_CRM_TOKEN: "abc", CC_SECRET_EMPTY: "", CC_SECRET_mixed: "m", CRM_TOKEN: "wrong" });

  it("reads CC_SECRET_<NAME>", async () => {
    expect(await store.get("CRM_TOKEN")).toBe("abc");
    expect(await store.get("mixed")).toBe("m");
  });

  it("treats absent and empty variables as not configured, and names exactly as written", async () => {
    expect(await store.get("MISSING")).toBeUndefined();
    expect(await store.get("EMPTY")).toBeUndefined();
    expect(await store.get("crm_token")).toBeUndefined();
  });

  it("never reads variables outside its prefix through odd names", async () => {
    const env = { CC_SECRET_: "x", "CC_SECRET_A-B": "y" };
    const odd = createEnvSecretStore(env);
    expect(await odd.get("")).toBeUndefined();
    expect(await odd.get("A-B")).toBeUndefined();
  });

  it("reads process.env by default", async () => {
    process.env.CC_SECRET_UNIT_TEST_DEFAULT = "from-process";
    try {
      expect(await createEnvSecretStore().get("UNIT_TEST_DEFAULT")).toBe("from-process");
    } finally {
      delete process.env.CC_SECRET_UNIT_TEST_DEFAULT;
    }
  });
});

describe("memory secret store", () => {
  it("returns configured values only", async () => {
    const store = createMemorySecretStore({ A: "1" });
    expect(await store.get("A")).toBe("1");
    expect(await store.get("B")).toBeUndefined();
  });
});
