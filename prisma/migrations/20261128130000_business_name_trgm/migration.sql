-- Hand-written: blog-name search looks up matching Business Listings first (they lead the results)
-- in this small partial index, then takes a bounded number of other matches from the full one.
CREATE INDEX IF NOT EXISTS "Blog_business_name_trgm_idx" ON "Blog" USING GIN ("name" gin_trgm_ops) WHERE tier = 'BUSINESS';
