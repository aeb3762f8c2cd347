// Personal access tokens: what a token may do, and the shape the Settings
// list shows (types and constants only; never the token or its hash).

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

// What the create form offers: writing without reading is no use to a
// script (it reads the ids it writes about), so write always comes with read.
export const API_TOKEN_ACCESS = ["read", "read-write"] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];
export const API_TOKEN_ACCESS_LABELS: Record<ApiTokenAccess, string> = {
  read: "Read only",
  "read-write": "Read and write",
};
export const API_TOKEN_ACCESS_SCOPES: Record<ApiTokenAccess, ApiTokenScope[]> = {
  read: ["read"],
  "read-write": ["read", "write"],
};

export const API_TOKEN_EXPIRIES = ["never", "30", "90", "365"] as const;
export type ApiTokenExpiry = (typeof API_TOKEN_EXPIRIES)[number];
export const API_TOKEN_EXPIRY_LABELS: Record<ApiTokenExpiry, string> = {
  never: "Never",
  "30": "In 30 days",
  "90": "In 90 days",
  "365": "In a year",
};

export type ApiTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};
