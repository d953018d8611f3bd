// Imports a CSV of 100,000 customers (GBK, three attribute fields) into a scratch database through
// the same function the import route calls, and prints how long each part took.
//   npx tsx scripts/bench/customer-import.ts [--rows 100000] [--encoding gbk|utf-8]
// Prints the measured time; it asserts nothing (the target is under 10 s).
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { createPrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { encodeCsvText } from "@/app/_server/csv-import/decode-csv-bytes";
import { importCustomers } from "@/app/_server/customers/import-customers";
import { createScratchDatabase } from "../run-flow/scratch-database";

const args = z
  .object({ rows: z.coerce.number().int().min(1).max(1_000_000).default(100_000), encoding: z.enum(["gbk", "utf-8"]).default("gbk") })
  .parse(Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((part) => part.trim().split(/\s+/))));

const TAGS = ["VIP客户", "多次投诉客户", "家电产品用户", "新客户"];
const LEVELS = ["普通", "银卡", "金卡", "VIP"];
const SURNAMES = "王李张刘陈杨赵黄周吴";

function csvFile(rows: number): string {
  const lines = ["姓名,电话,会员等级,标签,时区,首选语言,订单号,积分,入会日期"];
  for (let i = 0; i < rows; i += 1) {
    const phone = `13${String(100_000_000 + i).padStart(9, "0")}`;
    const tags = `${TAGS[i % 4]};${TAGS[(i + 1) % 4]}`;
    lines.push(`${SURNAMES[i % 10]}客户${i},${phone},${LEVELS[i % 4]},${tags},Asia/Shanghai,zh-CN,"A${i}",${i % 5000},2024-0${(i % 9) + 1}-1${i % 9}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase();
  const db = createPrismaClient(scratch.url);
  try {
    const admin = await db.user.create({ data: { email: "bench@example.com", name: "Bench", role: "admin", passwordHash: "unused" } });
    await db.customerField.createMany({
      data: [
        { key: "orderNumber", labelZh: "订单号", labelEn: "Order number", type: "text", required: true },
        { key: "points", labelZh: "积分", labelEn: "Points", type: "number" },
        { key: "memberSince", labelZh: "入会日期", labelEn: "Member since", type: "date" },
      ],
    });
    const session: Session = { userId: admin.id, role: "admin", locale: "zh-CN", name: admin.name, email: admin.email };
    const bytes = encodeCsvText(csvFile(args.rows), args.encoding);
    const started = performance.now();
    const result = await importCustomers(session, bytes, null, db);
    const seconds = (performance.now() - started) / 1000;
    const stored = await db.customerPhone.count();
    console.log(`${args.rows} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB ${args.encoding}: imported ${result.created} customers (${stored} phones) in ${seconds.toFixed(2)} s`);
  } finally {
    await db.$disconnect();
    await scratch.drop();
  }
}

await main();
