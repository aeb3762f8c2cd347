import Link from "next/link";
import { BriefcaseIcon } from "lucide-react";

import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

// Settings' way to My roles, the job history the journal's wins belong to.
export function RoleSettingsCard() {
  return (
    <Card asChild className="mt-10 max-w-2xl">
      <section aria-labelledby="my-roles">
        <CardHeader>
          <CardTitle asChild>
            <h2 id="my-roles">My roles</h2>
          </CardTitle>
          <CardDescription>
            Your job history: each win in your journal belongs to a role. Add roles by hand or import them from
            LinkedIn.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/journal/roles" className={buttonVariants({ variant: "outline", size: "sm" })}>
            <BriefcaseIcon aria-hidden="true" />
            Manage my roles
          </Link>
        </CardContent>
      </section>
    </Card>
  );
}
