-- AlterTable
ALTER TABLE "Queue" ADD COLUMN     "routingFlowId" TEXT;

-- AddForeignKey
ALTER TABLE "Queue" ADD CONSTRAINT "Queue_routingFlowId_fkey" FOREIGN KEY ("routingFlowId") REFERENCES "Flow"("id") ON DELETE SET NULL ON UPDATE CASCADE;
