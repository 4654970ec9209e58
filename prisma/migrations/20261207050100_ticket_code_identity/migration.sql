-- A ticket's identity is now the sha256 of its code's 89 decoded bytes, no longer of the code's text (a code
-- has exactly one spelling, as lib/tickets/ticket-code.ts says). Every stored code is the canonical unpadded
-- base64url of 119 characters: padded to 120 and put in the standard alphabet, decode() reads it. Rows whose
-- secret is not such a code are left alone.
--
-- Revocations first: each one holds its ticket's code hash, so it is matched while the ticket still has the
-- old one. Running this twice changes nothing more.
UPDATE "tickets_revoked_secrets" AS r
SET "secret_hash" = encode(sha256(decode(translate(t."secret", '-_', '+/') || '=', 'base64')), 'hex')
FROM "tickets_tickets" AS t
WHERE r."ticket_id" = t."id"
  AND r."secret_hash" = t."secret_hash"
  AND t."secret" ~ '^[A-Za-z0-9_-]{119}$';

UPDATE "tickets_tickets"
SET "secret_hash" = encode(sha256(decode(translate("secret", '-_', '+/') || '=', 'base64')), 'hex')
WHERE "secret" ~ '^[A-Za-z0-9_-]{119}$';
