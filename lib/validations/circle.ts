import { z } from "zod";
import { CIRCLE_NAME_MAX } from "@/lib/domain/limits";

export const circleNameSchema = z
  .string({ error: "Enter a name for the circle." })
  .trim()
  .min(1, "Enter a name for the circle.")
  .max(CIRCLE_NAME_MAX, `Keep the circle's name under ${CIRCLE_NAME_MAX} characters.`);

const circleIdSchema = z.uuid({ error: "Circle not found." });

export const createCircleSchema = z.object({ name: circleNameSchema });
export const renameCircleSchema = z.object({ id: circleIdSchema, name: circleNameSchema });
export const deleteCircleSchema = z.object({ id: circleIdSchema });

export type CreateCircleInput = z.input<typeof createCircleSchema>;
export type RenameCircleInput = z.input<typeof renameCircleSchema>;
export type DeleteCircleInput = z.input<typeof deleteCircleSchema>;
