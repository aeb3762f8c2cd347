import type { CSSProperties } from "react";
import { formatDay, isCalendarDate } from "@/lib/domain/dates";
import type { HealthBand } from "@/lib/health/model";

// The weekly digest's palette, type styles and wording helpers, shared by its
// sections (emails/digest.tsx, emails/digest-journal.tsx).

export const colors = {
  page: "#f6f7f6",
  card: "#ffffff",
  heading: "#12312b",
  text: "#33413d",
  muted: "#5b6763",
  faint: "#7b8783",
  border: "#e3e8e6",
  accent: "#0f766e",
} as const;

// Text and background pairs with a contrast ratio above 4.5:1.
export const bandColors: Record<HealthBand, { color: string; backgroundColor: string }> = {
  thriving: { color: "#166534", backgroundColor: "#dcfce7" },
  steady: { color: "#075985", backgroundColor: "#e0f2fe" },
  fading: { color: "#92400e", backgroundColor: "#fef3c7" },
  dormant: { color: "#991b1b", backgroundColor: "#fee2e2" },
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function day(value: string): string {
  return isCalendarDate(value) ? formatDay(value) : value;
}

export const text: CSSProperties = { fontSize: 15, lineHeight: "22px", color: colors.text, margin: "0 0 8px" };
export const small: CSSProperties = { fontSize: 13, lineHeight: "20px", color: colors.muted, margin: "0 0 8px" };
export const sectionHeading: CSSProperties = { fontSize: 18, lineHeight: "24px", color: colors.heading, margin: "0 0 4px" };
export const card: CSSProperties = { borderTop: `1px solid ${colors.border}`, padding: "16px 0 8px" };
export const primaryButton: CSSProperties = {
  backgroundColor: colors.accent,
  color: "#ffffff",
  borderRadius: 8,
  padding: "10px 16px",
  fontSize: 14,
  fontWeight: 600,
};
export const secondaryButton: CSSProperties = {
  ...primaryButton,
  backgroundColor: "#ffffff",
  color: colors.accent,
  border: `1px solid ${colors.accent}`,
};
export const link: CSSProperties = { color: colors.accent, textDecoration: "underline" };
export const eyebrow: CSSProperties = {
  fontSize: 12,
  lineHeight: "16px",
  fontWeight: 700,
  letterSpacing: "0.04em",
  textTransform: "uppercase",
  margin: "0 0 4px",
};
