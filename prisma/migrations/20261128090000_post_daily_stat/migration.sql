-- CreateTable
CREATE TABLE "PostDailyStat" (
    "postId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PostDailyStat_pkey" PRIMARY KEY ("postId","day")
);

-- CreateIndex
CREATE INDEX "PostDailyStat_day_idx" ON "PostDailyStat"("day");

-- AddForeignKey
ALTER TABLE "PostDailyStat" ADD CONSTRAINT "PostDailyStat_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

