import { vi } from "vitest";

// `server-only` throws outside a React Server Components bundle.
vi.mock("server-only", () => ({}));
