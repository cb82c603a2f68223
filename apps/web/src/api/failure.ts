import { FamilybankProblem, FamilybankRecorded, type Problem } from '@familybank/api-client';

/** What went wrong with a call, in the terms the console explains to a caseworker. */
export type FailureKind =
  | 'network'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition'
  | 'rule'
  | 'recorded'
  | 'unavailable'
  | 'other';

export interface Failure {
  kind: FailureKind;
  problem?: Problem;
  /** Field → message, from a problem's invalidParams (`body.ageRange.min` → `ageRange.min`). */
  fieldErrors: Record<string, string>;
}

const BY_STATUS: Record<number, FailureKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition',
  422: 'rule',
  503: 'unavailable',
};

export function describeFailure(error: unknown): Failure {
  if (error instanceof FamilybankRecorded) return { kind: 'recorded', fieldErrors: {} };
  if (error instanceof FamilybankProblem) {
    const { problem } = error;
    const fieldErrors: Record<string, string> = {};
    for (const param of problem.invalidParams ?? []) {
      if (param.name.startsWith('body.')) fieldErrors[param.name.slice('body.'.length)] = param.reason;
    }
    return { kind: BY_STATUS[problem.status] ?? 'other', problem, fieldErrors };
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { kind: 'network', fieldErrors: {} };
  return { kind: 'other', fieldErrors: {} };
}
