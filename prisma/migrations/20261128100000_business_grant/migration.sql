-- AlterTable
ALTER TABLE "Blog" ADD COLUMN     "businessGrantedAt" TIMESTAMPTZ(3);

