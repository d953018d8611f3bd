import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { assertSameOrigin } from "./same-origin";

const env = { NEXTAUTH_URL: "https://flows.example.cn" };
const post = (headers: Record<string, string>, method = "POST") => new Request("http://127.0.0.1:3000/api/flows/f/restore", { method, headers });

function refusal(req: Request): AppError | null {
  try {
    assertSameOrigin(req, env);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("assertSameOrigin", () => {
  it("refuses state changes from other sites, other ports of the same host and opaque origins", () => {
    const foreign: Array<Record<string, string>> = [{ "sec-fetch-site": "same-site" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "none" }, { origin: "https://evil.example" }, { origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" }, { origin: "null" }];
    for (const headers of foreign) {
      expect(refusal(post(headers)), JSON.stringify(headers)).toMatchObject({ status: 403, code: "cross_site_request" });
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) expect(refusal(post({ "sec-fetch-site": "cross-site" }, method))?.status).toBe(403);
  });

  it("lets same-origin pages, the public origin behind a proxy, API tokens, reads and non-browsers through", () => {
    expect(refusal(post({ "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refusal(post({ origin: "https://flows.example.cn" }))).toBeNull();
    expect(refusal(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBeNull();
    expect(refusal(post({ authorization: "Bearer cct_x", "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(refusal(post({ "sec-fetch-site": "cross-site" }, "GET"))).toBeNull();
    expect(refusal(post({}))).toBeNull();
  });
});
