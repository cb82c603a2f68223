import { decodeCursor } from '@familybank/read-models';
import { ProblemError } from './problem';

/** The `cursor` query parameter of a list, decoded; a cursor this API did not issue is a 400. */
export function cursorParam(value: string | undefined): number | undefined {
  const decoded = decodeCursor(value);
  if (Number.isNaN(decoded)) {
    throw new ProblemError('validation', 'REQUEST.INVALID_CURSOR', 'The cursor is not one this API issued', {
      invalidParams: [{ name: 'query.cursor', reason: 'Unknown cursor', code: 'invalid_cursor' }],
    });
  }
  return decoded;
}
