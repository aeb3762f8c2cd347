import { redirect } from "next/navigation";
import { CaptureQueueProvider } from "@/components/capture/capture-queue-provider";
import { AppShell } from "@/components/shell/app-shell";
import { auth, signOut } from "@/lib/auth";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (!session?.user?.email || !session.user.id) redirect("/sign-in");

  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/" });
  }

  return (
    <CaptureQueueProvider userId={session.user.id}>
      <AppShell user={{ name: session.user.name ?? null, email: session.user.email }} signOut={signOutAction}>
        {children}
      </AppShell>
    </CaptureQueueProvider>
  );
}
