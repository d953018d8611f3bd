-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "draftEditorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "FlowReview" ADD COLUMN     "authorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
