-- AlterTable
ALTER TABLE "BlogTag" ADD COLUMN     "rankScore" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "BlogTag_tagId_rankScore_blogId_idx" ON "BlogTag"("tagId", "rankScore" DESC, "blogId" DESC);


-- Hand-written: carry each listing's current score into its tags.
UPDATE "BlogTag" bt SET "rankScore" = b."rankScore" FROM "Blog" b WHERE b.id = bt."blogId";
