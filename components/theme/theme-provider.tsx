"use client";

import type * as React from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";

type ThemeProviderProps = {
  /** The request's CSP nonce, so next-themes' inline script (which sets the class before paint) may run. */
  nonce?: string;
  children: React.ReactNode;
};

function ThemeProvider({ nonce, children }: ThemeProviderProps) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}

export { ThemeProvider };
