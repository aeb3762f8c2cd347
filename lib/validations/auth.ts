import { z } from "zod";

export const signInInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like ada@example.com.")),
  callbackUrl: z.string().max(2048).optional(),
});

export type SignInInput = z.infer<typeof signInInputSchema>;
