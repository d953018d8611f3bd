-- CreateEnum
CREATE TYPE "AgentState" AS ENUM ('offline', 'available', 'offered', 'on_call', 'wrap_up', 'not_ready');

-- CreateEnum
CREATE TYPE "QueuedCallStatus" AS ENUM ('waiting', 'offered', 'connected', 'ended', 'abandoned');

-- CreateTable
CREATE TABLE "Skill" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayNameZh" TEXT NOT NULL,
    "displayNameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentProfile" (
    "userId" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "endpoint" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "maxVoiceCalls" INTEGER NOT NULL DEFAULT 1,
    "wrapUpSeconds" INTEGER NOT NULL DEFAULT 30,
    "state" "AgentState" NOT NULL DEFAULT 'offline',
    "stateReasonId" TEXT,
    "stateSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "wrapUpUntil" TIMESTAMP(3),
    "lastCallEndedAt" TIMESTAMP(3),
    "currentCallId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "AgentSkill" (
    "agentId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "proficiency" INTEGER NOT NULL,

    CONSTRAINT "AgentSkill_pkey" PRIMARY KEY ("agentId","skillId")
);

-- CreateTable
CREATE TABLE "NotReadyReason" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotReadyReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Queue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayNameZh" TEXT NOT NULL,
    "displayNameEn" TEXT NOT NULL,
    "requiredSkills" JSONB NOT NULL DEFAULT '[]',
    "hours" JSONB,
    "serviceLevelPercent" INTEGER NOT NULL DEFAULT 80,
    "serviceLevelSeconds" INTEGER NOT NULL DEFAULT 20,
    "maxWaiting" INTEGER NOT NULL DEFAULT 50,
    "maxWaitSeconds" INTEGER NOT NULL DEFAULT 600,
    "offerTimeoutSeconds" INTEGER NOT NULL DEFAULT 15,
    "whenFull" JSONB NOT NULL,
    "whenClosed" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Queue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueuedCall" (
    "id" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 5,
    "requiredSkills" JSONB NOT NULL DEFAULT '[]',
    "language" TEXT,
    "preferredAgentId" TEXT,
    "arrivedAt" TIMESTAMP(3) NOT NULL,
    "status" "QueuedCallStatus" NOT NULL DEFAULT 'waiting',
    "agentId" TEXT,
    "offeredAt" TIMESTAMP(3),
    "offerExpiresAt" TIMESTAMP(3),
    "offerCount" INTEGER NOT NULL DEFAULT 0,
    "offerTimeoutSeconds" INTEGER NOT NULL DEFAULT 15,
    "declinedBy" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "connectedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueuedCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentStateChange" (
    "id" BIGSERIAL NOT NULL,
    "agentId" TEXT NOT NULL,
    "state" "AgentState" NOT NULL,
    "reasonId" TEXT,
    "callId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentStateChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Skill_name_key" ON "Skill"("name");

-- CreateIndex
CREATE UNIQUE INDEX "AgentProfile_extension_key" ON "AgentProfile"("extension");

-- CreateIndex
CREATE UNIQUE INDEX "AgentProfile_currentCallId_key" ON "AgentProfile"("currentCallId");

-- CreateIndex
CREATE INDEX "AgentSkill_skillId_idx" ON "AgentSkill"("skillId");

-- CreateIndex
CREATE UNIQUE INDEX "NotReadyReason_code_key" ON "NotReadyReason"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Queue_name_key" ON "Queue"("name");

-- CreateIndex
CREATE INDEX "QueuedCall_status_priority_arrivedAt_idx" ON "QueuedCall"("status", "priority", "arrivedAt");

-- CreateIndex
CREATE INDEX "QueuedCall_status_offerExpiresAt_idx" ON "QueuedCall"("status", "offerExpiresAt");

-- CreateIndex
CREATE INDEX "QueuedCall_queueId_arrivedAt_idx" ON "QueuedCall"("queueId", "arrivedAt");

-- CreateIndex
CREATE INDEX "AgentStateChange_agentId_at_idx" ON "AgentStateChange"("agentId", "at");

-- CreateIndex
CREATE INDEX "AgentStateChange_at_idx" ON "AgentStateChange"("at");

-- AddForeignKey
ALTER TABLE "AgentProfile" ADD CONSTRAINT "AgentProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentSkill" ADD CONSTRAINT "AgentSkill_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "AgentProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentSkill" ADD CONSTRAINT "AgentSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not-ready reasons every contact center starts with, and "no-answer" (未接听), the matcher's own.
INSERT INTO "NotReadyReason" ("id", "code", "nameZh", "nameEn", "system") VALUES
  ('reason-no-answer', 'no-answer', '未接听', 'Missed offer', true),
  ('reason-break', 'break', '小休', 'Short break', false),
  ('reason-meal', 'meal', '就餐', 'Meal', false),
  ('reason-training', 'training', '培训', 'Training', false),
  ('reason-meeting', 'meeting', '会议', 'Meeting', false);

-- A call is offered to at most one agent, and only while offered or connected it names one.
ALTER TABLE "QueuedCall" ADD CONSTRAINT "QueuedCall_agent_matches_status"
  CHECK (("status" IN ('offered', 'connected')) = ("agentId" IS NOT NULL));
CREATE UNIQUE INDEX "QueuedCall_one_active_call_per_agent" ON "QueuedCall" ("agentId") WHERE "status" IN ('offered', 'connected');
ALTER TABLE "AgentSkill" ADD CONSTRAINT "AgentSkill_proficiency_range" CHECK ("proficiency" BETWEEN 1 AND 5);
