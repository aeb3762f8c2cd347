"use client";

import { useSyncExternalStore } from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "lucide-react";
import { useTheme } from "next-themes";

import { Button } from "@/components/ui/button";

const themes = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
] as const;

const subscribeNever = () => () => {};

/**
 * The stored theme is only known in the browser, so the server and the first
 * client render show a neutral button; the real state appears after hydration.
 */
function useIsHydrated() {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const isHydrated = useIsHydrated();

  if (!isHydrated) {
    return (
      <Button variant="ghost" size="icon" className={className} aria-label="Change theme">
        <MonitorIcon aria-hidden="true" />
      </Button>
    );
  }

  const found = themes.findIndex((option) => option.value === theme);
  const index = found === -1 ? themes.length - 1 : found;
  const current = themes[index] ?? themes[2];
  const next = themes[(index + 1) % themes.length] ?? themes[0];
  const label = `Theme: ${current.label}. Switch to ${next.label.toLowerCase()}`;

  return (
    <Button
      variant="ghost"
      size="icon"
      className={className}
      aria-label={label}
      title={label}
      onClick={() => setTheme(next.value)}
    >
      <current.Icon aria-hidden="true" />
    </Button>
  );
}

export { ThemeToggle };
