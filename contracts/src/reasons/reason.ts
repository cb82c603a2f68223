import { z } from '../zod';

/**
 * A machine-readable reason beside an English sentence: a stable `code` and the `params` the
 * sentence was written from, so a client can write the sentence in its own language. Codes are
 * `<subject>.<finding>`; a code, once published, keeps its meaning and its params (new params are
 * only ever added as optional).
 */
export const reason = <Code extends string, Shape extends z.ZodRawShape>(code: Code, params: Shape) =>
  z.object({ code: z.literal(code), params: z.object(params) });

/** The codes of a union of reasons, in declaration order (for documentation and for clients' completeness tests). */
export function codesOf<Code extends string>(union: { options: ReadonlyArray<{ shape: { code: z.ZodLiteral<Code> } }> }): Code[] {
  return union.options.map((option) => option.shape.code.value);
}
