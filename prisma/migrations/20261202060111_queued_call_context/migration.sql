-- AlterTable
ALTER TABLE "QueuedCall" ADD COLUMN     "asteriskId" TEXT,
ADD COLUMN     "callerNumber" TEXT,
ADD COLUMN     "dialedNumber" TEXT,
ADD COLUMN     "disposition" TEXT,
ADD COLUMN     "variables" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "workflowId" TEXT,
ADD COLUMN     "wrapUpNote" TEXT;
