import type * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FormFieldProps = {
  /** The control's `id`; the label, description and error ids derive from it. */
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: string;
  className?: string;
  /** The control. Spread `fieldAria(id, …)` on it so the description and error are announced with it. */
  children: React.ReactNode;
};

function FormField({ id, label, description, error, className, children }: FormFieldProps) {
  return (
    <div data-slot="form-field" data-invalid={error ? true : undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={id} className={cn(error && "text-destructive")}>
        {label}
      </Label>
      {children}
      {description ? (
        <p id={`${id}-description`} data-slot="form-field-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} data-slot="form-field-error" role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type FieldAria = {
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

function fieldAria(id: string, { hasError, hasDescription = false }: { hasError: boolean; hasDescription?: boolean }): FieldAria {
  const describedBy = [hasDescription ? `${id}-description` : null, hasError ? `${id}-error` : null]
    .filter((part) => part !== null)
    .join(" ");

  return {
    "aria-invalid": hasError ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export { FormField, fieldAria };
export type { FormFieldProps, FieldAria };
