import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

type FormSchema = z.ZodType<unknown, FieldValues>;

export type LazyResolver<Schema extends FormSchema> = Resolver<z.input<Schema>, unknown, z.output<Schema>> & {
  /** Starts loading the schema; give it to the form's onFocus so it arrives before the first submit. */
  warm: () => void;
};

// A form's zod schema validates in the browser exactly as in its action, but
// zod's runtime (~33 kB compressed) would ride on the first load of every
// page with a form, the signed-in layout's dialogs included. The schema's
// module (and zod with it) is imported the first time the form is focused or
// validates; the service worker precaches every chunk, so offline too.
export function lazyZodResolver<Schema extends FormSchema>(loadSchema: () => Promise<Schema>): LazyResolver<Schema> {
  type Loaded = Resolver<z.input<Schema>, unknown, z.output<Schema>>;
  let loading: Promise<Loaded> | undefined;
  const load = () => {
    loading ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as Loaded,
      (error: unknown) => {
        // A failed fetch is tried again at the next validation.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const resolver: Loaded = async (values, context, options) => (await load())(values, context, options);
  return Object.assign(resolver, {
    warm: () => {
      load().catch(() => undefined);
    },
  });
}
