import "server-only";
import { z } from "zod";
import { badInput, type CommandContext, command } from "@/lib/core/http-command";
import { assertAdmin } from "./guard";

/**
 * command() for the admin area: the platform.manage check runs before the body is parsed, so a
 * non-admin gets the same 404 whatever they send (a 400 listing fields would reveal the route).
 * An admin's bad input is then the usual 400 with the schema's French messages.
 */
export function adminCommand<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: CommandContext<z.output<S>>) => Promise<R>,
  options: { successStatus?: number } = {},
) {
  return command(
    z.unknown(),
    (ctx) => {
      assertAdmin(ctx.actor);
      const parsed = schema.safeParse(ctx.input);
      if (!parsed.success) throw badInput(parsed.error);
      return run({ ...ctx, input: parsed.data });
    },
    options,
  );
}
