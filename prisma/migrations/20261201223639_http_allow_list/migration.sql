-- CreateTable
CREATE TABLE "HttpAllowedHost" (
    "id" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "allowInternal" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HttpAllowedHost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HttpSecretBinding" (
    "secret" TEXT NOT NULL,
    "destinations" TEXT[],
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HttpSecretBinding_pkey" PRIMARY KEY ("secret")
);

-- CreateIndex
CREATE UNIQUE INDEX "HttpAllowedHost_destination_key" ON "HttpAllowedHost"("destination");
