-- The audit log is append-only, enforced by the database rather than by convention: entries are
-- never changed, removed or truncated. The one change allowed is the database's own: when a user is
-- deleted, the foreign key sets their entries' "actorId" to NULL and everything else stays.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.id = OLD.id AND NEW.action = OLD.action AND NEW."targetType" = OLD."targetType"
     AND NEW."targetId" = OLD."targetId" AND NEW.reason IS NOT DISTINCT FROM OLD.reason
     AND NEW.data IS NOT DISTINCT FROM OLD.data AND NEW."createdAt" = OLD."createdAt"
     AND NEW."actorId" IS NULL AND OLD."actorId" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: entries cannot be changed or removed (%)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditLog_append_only_rows" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE TRIGGER "AuditLog_append_only_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
