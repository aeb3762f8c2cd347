import { notFound } from "next/navigation";
import { currentUserId } from "@/lib/auth";
import { env } from "@/lib/env";

// The floor for `npm run bench:dashboard`: a page inside the signed-in layout
// that looks up the session and renders nothing, so the dashboard's own cost
// is its time minus this one. It exists only when the benchmark's server asks
// for it at run time; everywhere else it answers 404.
export default async function BenchFloorPage() {
  // The session first: it makes the page dynamic, so the run-time switch is
  // read per request rather than frozen into a prerendered 404 at build time.
  const userId = await currentUserId();
  if (!userId || !env().KITH_BENCH_PAGES) notFound();
  return null;
}
