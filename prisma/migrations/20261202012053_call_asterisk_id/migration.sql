-- AlterTable
ALTER TABLE "CallExecution" ADD COLUMN     "asteriskId" TEXT NOT NULL DEFAULT 'default';
