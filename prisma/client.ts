import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./database-url";

export type { PrismaClient };

/** Engine-free Prisma client (WASM query compiler + pg driver adapter). */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

declare global {
  // One pool per process, kept across Next.js hot reloads.
  var ccPrisma: PrismaClient | undefined;
}

export function prisma(): PrismaClient {
  globalThis.ccPrisma ??= createPrismaClient();
  return globalThis.ccPrisma;
}
