// A ticket code as the scanners know it: sha256 of the code, base64url (43 characters). The database keeps
// the same digest as hex (Ticket.secretHash, RevokedSecret.secretHash); the device API sends the shorter
// form.
export function codeHashFromSecretHash(secretHash: string): string {
  return Buffer.from(secretHash, "hex").toString("base64url");
}
