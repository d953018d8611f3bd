-- AlterTable
ALTER TABLE "Queue" ADD COLUMN     "callbackAfterSeconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "callbackEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "callbackKey" TEXT NOT NULL DEFAULT '1',
ADD COLUMN     "callbackRetries" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "callbackRetrySeconds" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "recording" TEXT NOT NULL DEFAULT 'off';

-- AlterTable
ALTER TABLE "QueuedCall" ADD COLUMN     "callbackAttempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "callbackNumber" TEXT,
ADD COLUMN     "callbackStatus" TEXT,
ADD COLUMN     "recordingName" TEXT;
