-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "entryPointDraft" JSONB;

-- AlterTable
ALTER TABLE "FlowVersion" ADD COLUMN     "entryPoints" JSONB;
