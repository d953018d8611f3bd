-- DropIndex
DROP INDEX "CallExecution_flowVersionId_startedAt_idx";

-- DropIndex
DROP INDEX "CallExecution_startedAt_idx";

-- DropIndex
DROP INDEX "CallExecution_outcome_startedAt_idx";

-- CreateIndex
CREATE INDEX "CallExecution_startedAt_id_idx" ON "CallExecution"("startedAt", "id");

-- CreateIndex
CREATE INDEX "CallExecution_flowId_startedAt_id_idx" ON "CallExecution"("flowId", "startedAt", "id");

-- CreateIndex
CREATE INDEX "CallExecution_flowVersionId_startedAt_id_idx" ON "CallExecution"("flowVersionId", "startedAt", "id");

-- CreateIndex
CREATE INDEX "CallExecution_outcome_startedAt_id_idx" ON "CallExecution"("outcome", "startedAt", "id");

-- CreateIndex
CREATE INDEX "CallExecution_caller_startedAt_id_idx" ON "CallExecution"("caller", "startedAt", "id");

-- CreateIndex
CREATE INDEX "CallExecution_dialed_startedAt_id_idx" ON "CallExecution"("dialed", "startedAt", "id");

-- CreateIndex
CREATE INDEX "CallRecording_executionId_idx" ON "CallRecording"("executionId");
