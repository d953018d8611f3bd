// Prisma's CLI normally downloads a native schema engine; engine "js" runs it as WASM through the
// pg driver adapter instead, so migrations work on machines without access to Prisma's binary host.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "./prisma/database-url";

// schema.prisma reads env("DATABASE_URL"); without it Prisma's CLI goes looking for a native engine.
process.env.DATABASE_URL ??= databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaPg({ connectionString: databaseUrl() }),
});
