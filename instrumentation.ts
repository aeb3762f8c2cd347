// Runs once when a Next.js server starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is read: the sign-in limit needs the connection's address.
  const { installSocketAddressHeader } = await import("@/lib/http/socket-address");
  installSocketAddressHeader();
  const { env } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    // A misconfigured server refuses to start rather than serve with, say,
    // sign-in links kept in a table instead of sent.
    console.error((error as Error).message);
    process.exit(1);
  }
  const { startDigestTicker } = await import("@/lib/digest/ticker");
  startDigestTicker();
}
