-- Hand-written: a post page's related posts are chosen in the database, so that the page's one
-- lookup returns the post and its related cards together (lib/posts/queries.ts). As a second
-- statement they cost the web process a second round trip on every post page the page cache has not
-- kept: about a quarter of such a page's work on the scale seed, half of it the round trip itself
-- (docs/decisions/007, session 11). The rule is the one the page used before, moved from TypeScript.

-- The OR of a title's distinctive words as tsquery text: its words of four or more letters or
-- digits, lower-cased, each once, the first eight in title order. NULL when it has none. Letters
-- are told by the database's character type: any UTF-8 one (the embedded server's is C.UTF-8) knows
-- every script's, while a plain "C" database knows only ASCII letters.
CREATE FUNCTION related_post_words(title text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(word, ' | ' ORDER BY first_seen)
    FROM (SELECT word, min(n) AS first_seen
            FROM regexp_split_to_table(lower(title), '[^[:alnum:]]+') WITH ORDINALITY AS t(word, n)
           WHERE char_length(word) >= 4
           GROUP BY word
           ORDER BY min(n)
           LIMIT 8) words
$$;

-- The statement that ranks a post's related posts, with the words written into it as a literal: the
-- plan must see them (the GIN index for rare words, a walk down the date index for common ones), so
-- it is never prepared. Ranked among the newest 50 matches: common words match a third of a million
-- posts on the scale seed, and ranking them all took seconds; among 200 the query was still a quarter
-- of a post page's cost (post pages without the page cache 156-169 -> 193-214 requests/s at 50), and
-- four cards need recent, similar posts, not the best of a larger pool. Only the best 12 are joined
-- to their listing to check it is public (joining all 50 was a quarter of the query, 0.9 -> 0.75 ms);
-- should most come from listings that are not public, the same blog tops the cards up.
-- Its estimate for a rare word needs the statistics target that
-- migration 20261128140000_search_vector_statistics sets. `npm run explain:lists` shows its plan.
CREATE FUNCTION related_post_sql(post_id text, words text, how_many integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format($sql$
    SELECT coalesce(jsonb_agg(card ORDER BY rank DESC, "publishedAt" DESC, id), '[]'::jsonb)
      FROM (SELECT jsonb_build_object(
                     'id', r.id, 'title', r.title, 'excerpt', r.excerpt, 'imageUrl', r."imageUrl",
                     'publishedAt', r."publishedAt", 'readingMinutes', r."readingMinutes", 'authors', r.authors,
                     'blog', jsonb_build_object('slug', b.slug, 'name', b.name, 'tier', b.tier)) AS card,
                   r.rank, r."publishedAt", r.id
              FROM (SELECT c.*, ts_rank_cd(c."searchVector", to_tsquery('english', %2$L)) AS rank
                      FROM (SELECT p.id, p.title, p.excerpt, p."imageUrl", p."publishedAt", p."readingMinutes", p.authors, p."searchVector", p."blogId"
                              FROM "Post" p
                             WHERE p.id <> %1$L AND p."searchVector" @@ to_tsquery('english', %2$L) AND p."hiddenAt" IS NULL
                             ORDER BY p."publishedAt" DESC
                             LIMIT 50) c
                     ORDER BY rank DESC, c."publishedAt" DESC, c.id
                     LIMIT 12) r
              JOIN "Blog" b ON b.id = r."blogId"
             WHERE b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE'
             ORDER BY r.rank DESC, r."publishedAt" DESC, r.id
             LIMIT %3$s) cards
  $sql$, post_id, words, how_many)
$$;

-- A post's related cards as a JSON array, best first: posts on similar subjects (the statement
-- above), topped up with the newest posts of the same listing when fewer than `how_many` match.
-- Only public posts of public, mirrored listings (the rules of publicPostWhere in
-- lib/posts/queries.ts; a test checks they agree).
CREATE FUNCTION related_post_cards(post_id text, title text, blog_id text, how_many integer) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
  words text := related_post_words(title);
  cards jsonb := '[]'::jsonb;
  found_ids text[];
BEGIN
  IF words IS NOT NULL THEN
    EXECUTE related_post_sql(post_id, words, how_many) INTO cards;
  END IF;
  IF jsonb_array_length(cards) < how_many THEN
    found_ids := ARRAY(SELECT card ->> 'id' FROM jsonb_array_elements(cards) AS card);
    cards := cards || coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'id', p.id, 'title', p.title, 'excerpt', p.excerpt, 'imageUrl', p."imageUrl",
               'publishedAt', p."publishedAt", 'readingMinutes', p."readingMinutes", 'authors', p.authors,
               'blog', jsonb_build_object('slug', b.slug, 'name', b.name, 'tier', b.tier))
             ORDER BY p."publishedAt" DESC, p.id DESC)
        FROM (SELECT p.* FROM "Post" p
               WHERE p."blogId" = related_post_cards.blog_id AND p."hiddenAt" IS NULL
                 AND p.id <> related_post_cards.post_id AND p.id <> ALL (found_ids)
               ORDER BY p."publishedAt" DESC, p.id DESC
               LIMIT how_many - jsonb_array_length(cards)) p
        JOIN "Blog" b ON b.id = p."blogId"
       WHERE b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE'), '[]'::jsonb);
  END IF;
  RETURN cards;
END
$$;
