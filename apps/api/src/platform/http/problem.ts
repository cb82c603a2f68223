import { PROBLEM_TYPES, problemTypeUri, type Problem, type ProblemKind } from '@familybank/contracts';

export type InvalidParam = NonNullable<Problem['invalidParams']>[number];

/** An HTTP-level refusal raised by the shell (auth, validation, preconditions); never by the domain. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly kind: ProblemKind,
    readonly code: string,
    detail: string,
    readonly extras: { invalidParams?: InvalidParam[]; details?: Record<string, unknown> } = {},
  ) {
    super(detail);
  }
}

export function problemBody(kind: ProblemKind, code: string, detail: string, instance: string, extras: ProblemError['extras'] = {}): Problem {
  const { status, title } = PROBLEM_TYPES[kind];
  return { type: problemTypeUri(kind), title, status, detail, instance, code, ...extras };
}
