"use client";

import { useEffect, useSyncExternalStore } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { saveSettingsAction } from "@/app/(app)/settings/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { Switch } from "@/components/ui/switch";
import type { UserSettings } from "@/lib/domain/settings";
import { WEEKDAYS } from "@/lib/domain/settings";
import type { Settings, SettingsInput } from "@/lib/validations/settings";

const settingsInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/settings").then((module) => module.settingsInputSchema),
);

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: hour,
  label: `${String(hour).padStart(2, "0")}:00`,
}));

// The browser's time zone does not change while the page is open.
const subscribeToNothing = () => () => {};

export function SettingsForm({ settings, timeZones }: { settings: UserSettings; timeZones: string[] }) {
  const form = useForm<SettingsInput, unknown, Settings>({
    resolver: settingsInputResolver,
    defaultValues: {
      name: settings.name ?? "",
      timeZone: settings.timeZone ?? "",
      digestWeekday: settings.digestWeekday,
      digestHour: settings.digestHour,
      digestEnabled: settings.digestEnabled,
      journalPromptEnabled: settings.journalPromptEnabled,
      defaultCadenceDays: settings.defaultCadenceDays,
    },
  });
  const { errors, isSubmitting } = form.formState;

  // A user who never chose a time zone starts from the browser's. It is
  // offered first (rendered as an option), then chosen: a native select
  // cannot take a value it has no option for, and the browser's zone may be
  // missing from this server's list (Chromium reports "UTC").
  const detected = useSyncExternalStore(
    subscribeToNothing,
    () => (settings.timeZone ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone || undefined),
    () => undefined,
  );
  useEffect(() => {
    if (detected) form.setValue("timeZone", detected, { shouldDirty: true });
  }, [form, detected]);

  async function onSubmit(values: Settings) {
    const result = await saveSettingsAction(values);
    if (result.ok) {
      form.reset(values);
      toast.success("Settings saved");
      return;
    }
    const fieldErrors = Object.entries(result.fieldErrors ?? {});
    fieldErrors.forEach(([field, messages], index) => {
      form.setError(field as keyof SettingsInput, { message: messages?.[0] }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "Your settings were not saved.");
  }

  // A zone the browser reports but this server's list lacks (e.g. "UTC") stays selectable.
  const timeZone = useWatch({ control: form.control, name: "timeZone" }) || detected;
  const zoneOptions = !timeZone || timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones];

  return (
    <form onFocus={settingsInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="max-w-2xl space-y-6">
      <Card>
        <CardHeader>
          <CardTitle asChild><h2>Profile</h2></CardTitle>
          <CardDescription>How Kith greets you, and the clock it keeps for you.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <FormField id="name" label="Name" error={errors.name?.message}>
            <Input id="name" autoComplete="name" {...fieldAria("name", { hasError: Boolean(errors.name) })} {...form.register("name")} />
          </FormField>
          <FormField
            id="timeZone"
            label="Time zone"
            description={settings.timeZone ? undefined : "Proposed from your browser; save to keep it."}
            error={errors.timeZone?.message}
          >
            <SelectNative
              id="timeZone"
              {...fieldAria("timeZone", { hasError: Boolean(errors.timeZone), hasDescription: !settings.timeZone })}
              {...form.register("timeZone")}
            >
              <option value="">Choose a time zone…</option>
              {zoneOptions.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </SelectNative>
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle asChild><h2>Weekly reconnect email</h2></CardTitle>
          <CardDescription>
            Who is overdue for a touch, whose successes to congratulate, and what went well for you.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <Controller
            control={form.control}
            name="digestEnabled"
            render={({ field }) => (
              <div className="flex items-center justify-between gap-4">
                <label htmlFor="digestEnabled" className="text-sm font-medium">
                  Send me the weekly email
                </label>
                <Switch id="digestEnabled" checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} />
              </div>
            )}
          />
          <Controller
            control={form.control}
            name="journalPromptEnabled"
            render={({ field }) => (
              <div className="flex items-center justify-between gap-4">
                <div className="grid gap-1">
                  <label htmlFor="journalPromptEnabled" className="text-sm font-medium">
                    Ask &ldquo;What went well this week?&rdquo;
                  </label>
                  <p id="journalPromptEnabled-description" className="text-muted-foreground text-sm">
                    A link to record a win, and last week&rsquo;s wins. With it on, the email comes every week.
                  </p>
                </div>
                <Switch
                  id="journalPromptEnabled"
                  aria-describedby="journalPromptEnabled-description"
                  checked={field.value}
                  onCheckedChange={field.onChange}
                  onBlur={field.onBlur}
                />
              </div>
            )}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="digestWeekday" label="Weekday" error={errors.digestWeekday?.message}>
              <SelectNative
                id="digestWeekday"
                {...fieldAria("digestWeekday", { hasError: Boolean(errors.digestWeekday) })}
                {...form.register("digestWeekday")}
              >
                {WEEKDAYS.map((day) => (
                  <option key={day.value} value={day.value}>
                    {day.label}
                  </option>
                ))}
              </SelectNative>
            </FormField>
            <FormField id="digestHour" label="Hour (your time)" error={errors.digestHour?.message}>
              <SelectNative
                id="digestHour"
                {...fieldAria("digestHour", { hasError: Boolean(errors.digestHour) })}
                {...form.register("digestHour")}
              >
                {HOURS.map((hour) => (
                  <option key={hour.value} value={hour.value}>
                    {hour.label}
                  </option>
                ))}
              </SelectNative>
            </FormField>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle asChild><h2>Reconnect cadence</h2></CardTitle>
          <CardDescription>How often to touch base with a contact unless you set their own cadence.</CardDescription>
        </CardHeader>
        <CardContent>
          <FormField
            id="defaultCadenceDays"
            label="Every how many days"
            description="Between 1 and 365. 30 is a good start."
            error={errors.defaultCadenceDays?.message}
          >
            <Input
              id="defaultCadenceDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              className="max-w-32"
              {...fieldAria("defaultCadenceDays", { hasError: Boolean(errors.defaultCadenceDays), hasDescription: true })}
              {...form.register("defaultCadenceDays")}
            />
          </FormField>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save settings"}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
