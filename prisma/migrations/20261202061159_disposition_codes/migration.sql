-- CreateTable
CREATE TABLE "DispositionCode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DispositionCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DispositionCode_code_key" ON "DispositionCode"("code");

-- The codes a contact center starts with (administrators add, rename and deactivate them).
INSERT INTO "DispositionCode" ("id", "code", "nameZh", "nameEn") VALUES
  ('disposition-resolved', 'resolved', '已解决', 'Resolved'),
  ('disposition-callback', 'callback', '需回访', 'Call back'),
  ('disposition-escalated', 'escalated', '已转交', 'Escalated'),
  ('disposition-complaint', 'complaint', '投诉', 'Complaint');
