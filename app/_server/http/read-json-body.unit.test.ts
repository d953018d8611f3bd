import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { readJsonBody } from "./read-json-body";

const request = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/", { method: "POST", headers, body });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("readJsonBody", () => {
  it("parses JSON within the limit", async () => {
    expect(await readJsonBody(request('{"a":[1,"二"]}'), 100)).toEqual({ a: [1, "二"] });
    expect(await readJsonBody(request("{}", { "content-type": "application/json; charset=utf-8" }), 100)).toEqual({});
  });

  it("refuses a body over the limit by its declared length or its actual size", async () => {
    const declared = await failure(readJsonBody(request("{}", { "content-type": "application/json", "content-length": "101" }), 100));
    expect(declared).toMatchObject({ status: 413, code: "payload_too_large", details: { limit: 100 } });
    const actual = await failure(readJsonBody(request(JSON.stringify({ text: "x".repeat(200) })), 100));
    expect(actual.status).toBe(413);
  });

  it("refuses other content types, empty bodies and broken JSON", async () => {
    expect((await failure(readJsonBody(request("a=1", { "content-type": "application/x-www-form-urlencoded" }), 100))).status).toBe(415);
    expect((await failure(readJsonBody(request("  "), 100))).code).toBe("invalid_json");
    const broken = await failure(readJsonBody(request("{nope"), 100));
    expect(broken).toMatchObject({ status: 400, code: "invalid_json" });
  });
});
