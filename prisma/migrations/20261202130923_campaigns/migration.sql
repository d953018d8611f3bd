-- CreateEnum
CREATE TYPE "CampaignState" AS ENUM ('draft', 'running', 'paused', 'stopped', 'completed');

-- CreateEnum
CREATE TYPE "CampaignMode" AS ENUM ('agentless', 'progressive', 'predictive');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "mode" "CampaignMode" NOT NULL DEFAULT 'agentless',
    "schedule" JSONB NOT NULL,
    "retryRules" JSONB NOT NULL,
    "maxLines" INTEGER NOT NULL DEFAULT 10,
    "maxDialsPerSecond" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "ringSeconds" INTEGER NOT NULL DEFAULT 30,
    "callerId" TEXT,
    "abandonTarget" DOUBLE PRECISION,
    "state" "CampaignState" NOT NULL DEFAULT 'draft',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignContact" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "timeZone" TEXT,
    "name" TEXT,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT,
    "outcomeAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "doneReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallAttempt" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "phone" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" TEXT,
    "cause" INTEGER,
    "dialedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DoNotCall" (
    "id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DoNotCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "frequencyCapCalls" INTEGER NOT NULL DEFAULT 3,
    "frequencyCapDays" INTEGER NOT NULL DEFAULT 7,
    "legalWindows" JSONB NOT NULL DEFAULT '{"CN":{"start":"08:00","end":"21:00"}}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CampaignContact_campaignId_phone_key" ON "CampaignContact"("campaignId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "CallAttempt_channelId_key" ON "CallAttempt"("channelId");

-- CreateIndex
CREATE INDEX "CallAttempt_phone_dialedAt_idx" ON "CallAttempt"("phone", "dialedAt");

-- CreateIndex
CREATE INDEX "CallAttempt_campaignId_status_idx" ON "CallAttempt"("campaignId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CallAttempt_contactId_number_key" ON "CallAttempt"("contactId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DoNotCall_phone_campaignId_key" ON "DoNotCall"("phone", "campaignId");

-- AddForeignKey
ALTER TABLE "CampaignContact" ADD CONSTRAINT "CampaignContact_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAttempt" ADD CONSTRAINT "CallAttempt_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAttempt" ADD CONSTRAINT "CallAttempt_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "CampaignContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
