import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../prisma/client";
import { createHttpPolicyReader } from "./http-policy-reader";

describe("HTTP policy reader", () => {
  it("fails closed when the database cannot be read, and does not cache the failure", async () => {
    // Nothing listens on port 1: every read fails.
    const prisma = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");
    const read = createHttpPolicyReader(prisma);
    await expect(read()).rejects.toThrow();
    await expect(read()).rejects.toThrow();
    await prisma.$disconnect();
  });
});
