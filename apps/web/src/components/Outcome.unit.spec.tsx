import { screen, waitFor } from '@testing-library/react';
import type { Failure } from '../api/failure';
import { renderWith } from '../testing/render';
import { FailureMessage } from './Outcome';

const conflict = (code: string, detail: string): Failure => ({
  kind: 'conflict',
  problem: { type: 'urn:familybank:problem:conflict', title: 'The request conflicts with the current state', status: 409, code, detail },
  fieldErrors: {},
});

describe('a failed action’s message', () => {
  it('given a problem code the console knows, then its sentence in the reader’s language with the code, once the problem texts have arrived', async () => {
    renderWith(<FailureMessage failure={conflict('FAMILY.WRONG_STAGE', 'Cannot record first contact in stage available')} />, { language: 'sv' });
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Familjen är inte i ett steg där detta kan göras. (FAMILY.WRONG_STAGE)'));
    expect(alert.textContent).not.toContain('Cannot record first contact');
  });

  it('given a code the console does not know, then the server’s detail', () => {
    renderWith(<FailureMessage failure={conflict('SUPPORT.NEW_RULE', 'A rule added after this console was built')} />, { language: 'da' });
    expect(screen.getByRole('alert').textContent).toContain('A rule added after this console was built (SUPPORT.NEW_RULE)');
  });
});
