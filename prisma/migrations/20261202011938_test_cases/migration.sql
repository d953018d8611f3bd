-- AlterTable
ALTER TABLE "TestCallPlan" ADD COLUMN     "pretend" JSONB;

-- CreateTable
CREATE TABLE "TestCase" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pretend" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "expectations" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TestCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestCaseRun" (
    "id" TEXT NOT NULL,
    "testCaseId" TEXT,
    "flowId" TEXT NOT NULL,
    "caseSnapshot" JSONB NOT NULL,
    "reviewId" TEXT,
    "testCallPlanId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "results" JSONB,
    "error" TEXT,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "TestCaseRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TestCase_flowId_name_key" ON "TestCase"("flowId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TestCaseRun_testCallPlanId_key" ON "TestCaseRun"("testCallPlanId");

-- CreateIndex
CREATE INDEX "TestCaseRun_testCaseId_startedAt_idx" ON "TestCaseRun"("testCaseId", "startedAt");

-- CreateIndex
CREATE INDEX "TestCaseRun_reviewId_idx" ON "TestCaseRun"("reviewId");

-- AddForeignKey
ALTER TABLE "TestCase" ADD CONSTRAINT "TestCase_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestCaseRun" ADD CONSTRAINT "TestCaseRun_testCaseId_fkey" FOREIGN KEY ("testCaseId") REFERENCES "TestCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestCaseRun" ADD CONSTRAINT "TestCaseRun_testCallPlanId_fkey" FOREIGN KEY ("testCallPlanId") REFERENCES "TestCallPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
