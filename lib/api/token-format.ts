import { createHash, randomBytes } from "node:crypto";

// A token is `kith_` and 32 random bytes in base64url (43 characters): the
// prefix tells a secret scanner, and a person, what it is.
const TOKEN_PREFIX = "kith_";
const TOKEN_PATTERN = /^kith_[A-Za-z0-9_-]{43}$/;
// What the list shows of a token: `kith_` and its first four characters.
const SHOWN_LENGTH = TOKEN_PREFIX.length + 4;

export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, SHOWN_LENGTH) };
}

export function isWellFormedApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
