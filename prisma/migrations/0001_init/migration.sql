-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'ops', 'agent', 'marketer');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flow" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "draftGraph" JSONB NOT NULL,
    "draftRevision" INTEGER NOT NULL DEFAULT 1,
    "liveVersionId" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowVersion" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "graph" JSONB NOT NULL,
    "plan" JSONB NOT NULL,
    "planHash" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntryPoint" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntryPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallExecution" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "flowVersionId" TEXT NOT NULL,
    "caller" TEXT NOT NULL,
    "dialed" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "error" TEXT,
    "lastNodeId" TEXT,
    "handover" JSONB,

    CONSTRAINT "CallExecution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallStep" (
    "id" BIGSERIAL NOT NULL,
    "executionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "nodeId" TEXT NOT NULL,
    "nodeType" TEXT NOT NULL,
    "label" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "port" TEXT,
    "input" TEXT,
    "varsChanged" JSONB NOT NULL,
    "error" TEXT,
    "detail" JSONB,

    CONSTRAINT "CallStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallRecording" (
    "id" TEXT NOT NULL,
    "executionId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "durationSeconds" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallRecording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestCallPlan" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "graph" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "callId" TEXT,

    CONSTRAINT "TestCallPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Flow_liveVersionId_key" ON "Flow"("liveVersionId");

-- CreateIndex
CREATE INDEX "Flow_deletedAt_updatedAt_idx" ON "Flow"("deletedAt", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FlowVersion_flowId_number_key" ON "FlowVersion"("flowId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "EntryPoint_kind_value_key" ON "EntryPoint"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "CallExecution_workflowId_key" ON "CallExecution"("workflowId");

-- CreateIndex
CREATE INDEX "CallExecution_flowVersionId_startedAt_idx" ON "CallExecution"("flowVersionId", "startedAt");

-- CreateIndex
CREATE INDEX "CallExecution_startedAt_idx" ON "CallExecution"("startedAt");

-- CreateIndex
CREATE INDEX "CallExecution_outcome_startedAt_idx" ON "CallExecution"("outcome", "startedAt");

-- CreateIndex
CREATE INDEX "CallStep_nodeId_enteredAt_idx" ON "CallStep"("nodeId", "enteredAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallStep_executionId_seq_key" ON "CallStep"("executionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "CallRecording_name_key" ON "CallRecording"("name");

-- CreateIndex
CREATE UNIQUE INDEX "TestCallPlan_callId_key" ON "TestCallPlan"("callId");

-- CreateIndex
CREATE INDEX "TestCallPlan_flowId_createdAt_idx" ON "TestCallPlan"("flowId", "createdAt");

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_liveVersionId_fkey" FOREIGN KEY ("liveVersionId") REFERENCES "FlowVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowVersion" ADD CONSTRAINT "FlowVersion_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryPoint" ADD CONSTRAINT "EntryPoint_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallExecution" ADD CONSTRAINT "CallExecution_flowVersionId_fkey" FOREIGN KEY ("flowVersionId") REFERENCES "FlowVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallStep" ADD CONSTRAINT "CallStep_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "CallExecution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallRecording" ADD CONSTRAINT "CallRecording_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "CallExecution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

