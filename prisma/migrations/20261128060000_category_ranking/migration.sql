-- AlterTable
ALTER TABLE "BlogCategory" ADD COLUMN     "rankScore" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "BlogCategory_categoryId_rankScore_blogId_idx" ON "BlogCategory"("categoryId", "rankScore" DESC, "blogId" DESC);


-- Hand-written: carry each listing's current score into its categories.
UPDATE "BlogCategory" bc SET "rankScore" = b."rankScore" FROM "Blog" b WHERE b.id = bc."blogId";
