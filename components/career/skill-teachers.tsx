"use client";

import { XIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { addSkillTeacher, removeSkillTeacher } from "@/app/(app)/career/skills/actions";
import { type ContactChoice, ContactPicker } from "@/components/touches/contact-picker";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import type { SkillTeacherEntry } from "@/lib/domain/skills";

type SkillTeachersProps = { skillId: string; skillName: string; teachers: SkillTeacherEntry[] };

// Who can teach me: each teacher links to their page and can be removed; a
// contact chosen in the picker is added at once.
export function SkillTeachers({ skillId, skillName, teachers }: SkillTeachersProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();

  function add(chosen: ContactChoice[]) {
    const contact = chosen.at(-1);
    if (!contact) return;
    if (teachers.some((teacher) => teacher.contactId === contact.id)) {
      toast.info(`${contact.name} can already teach you ${skillName}`);
      return;
    }
    startTransition(async () => {
      const result = await addSkillTeacher({ skillId, contactId: contact.id });
      setError(result.ok ? undefined : result.fieldErrors?.contactId?.[0]);
      if (!result.ok) {
        toast.error(result.formError ?? "They were not added.");
        return;
      }
      toast.success(`${contact.name} can teach you ${skillName}`);
      router.refresh();
    });
  }

  function remove(teacher: SkillTeacherEntry) {
    startTransition(async () => {
      const result = await removeSkillTeacher({ skillId, contactId: teacher.contactId });
      if (!result.ok) {
        toast.error(result.formError ?? "They were not removed.");
        return;
      }
      toast.success(`${teacher.name} removed from who can teach you ${skillName}`);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-4">
      {teachers.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nobody yet. Add a contact who knows {skillName} well.</p>
      ) : (
        <ul aria-label={`Who can teach me ${skillName}`} className="grid gap-1">
          {teachers.map((teacher) => (
            <li key={teacher.contactId} className="flex items-center justify-between gap-2 rounded-md px-2 py-1 hover:bg-muted/50">
              <Link href={`/contacts/${teacher.contactId}`} className="min-w-0 truncate text-sm font-medium underline-offset-4 hover:underline">
                {teacher.name}
              </Link>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                onClick={() => remove(teacher)}
                disabled={isPending}
                aria-label={`Remove ${teacher.name}`}
                className="size-8 shrink-0 text-muted-foreground"
              >
                <XIcon aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormField
        id="skill-teacher"
        label="Add someone who can teach me"
        description="Type a name, company or email from your contacts."
        error={error}
      >
        <ContactPicker
          id="skill-teacher"
          value={[]}
          onChange={add}
          {...fieldAria("skill-teacher", { hasError: Boolean(error), hasDescription: true })}
        />
      </FormField>
    </div>
  );
}
