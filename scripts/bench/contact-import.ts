// Imports a contact list of 100,000 rows (GBK; phone, name, time zone, two contact fields, 1 % repeated
// numbers) into a draft campaign of a scratch database through the function the import route calls.
//   npx tsx scripts/bench/contact-import.ts [--rows 100000] [--encoding gbk|utf-8]
// Prints the measured time; it asserts nothing.
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { createPrismaClient } from "@/prisma/client";
import { encodeCsvText } from "@/app/_server/csv-import/decode-csv-bytes";
import { campaignInputSchema } from "@/app/_server/campaigns/campaign-inputs";
import { importContacts } from "@/app/_server/campaigns/import-contacts";
import { createCampaign } from "@/app/_server/campaigns/manage-campaigns";
import { createScratchDatabase } from "../run-flow/scratch-database";

const args = z
  .object({ rows: z.coerce.number().int().min(1).max(1_000_000).default(100_000), encoding: z.enum(["gbk", "utf-8"]).default("gbk") })
  .parse(Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((part) => part.trim().split(/\s+/))));

const MODELS = ["轿车", "SUV", "MPV"];

function csvFile(rows: number): string {
  const lines = ["手机号,姓名,时区,车型,城市"];
  for (let i = 0; i < rows; i += 1) {
    const number = i % 100 === 99 ? i - 1 : i;
    lines.push(`138 ${String(number).padStart(8, "0").replace(/(\d{4})(\d{4})/, "$1 $2")},客户${i},${i % 2 === 0 ? "Asia/Shanghai" : ""},${MODELS[i % 3]},北京`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase();
  const db = createPrismaClient(scratch.url);
  try {
    const flow = await db.flow.create({ data: { name: "bench", kind: "campaign", draftGraph: {} } });
    const campaign = await createCampaign(db, campaignInputSchema.parse({ name: "bench", flowId: flow.id }), null);
    const bytes = encodeCsvText(csvFile(args.rows), args.encoding);
    const started = performance.now();
    const result = await importContacts("zh-CN", campaign.id, bytes, null, db);
    const seconds = (performance.now() - started) / 1000;
    const stored = await db.campaignContact.count({ where: { campaignId: campaign.id } });
    console.log(`${args.rows} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB ${args.encoding}: ${result.added} contacts added, ${result.merged.inFile} merged within the file, ${stored} stored, in ${seconds.toFixed(2)} s`);
  } finally {
    await db.$disconnect();
    await scratch.drop();
  }
}

await main();
