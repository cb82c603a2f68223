import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FamilybankProblem } from '@familybank/api-client';
import { RecordInterviewBody } from '@familybank/contracts';
import { renderWith } from '../testing/render';
import { StepForm } from './StepForm';

const fields = [
  { name: 'on', kind: 'date' },
  { name: 'interviewers', kind: 'lines' },
] as const;

function renderForm(onSubmit: (body: unknown, key: string) => Promise<unknown>) {
  renderWith(<StepForm label="Record interview" schema={RecordInterviewBody} fields={fields} initial={{ on: '2026-12-01' }} submitLabel="Record" onSubmit={onSubmit} />);
  return { interviewers: () => screen.getByRole('textbox', { name: 'Interviewers' }), submit: () => screen.getByRole('button', { name: 'Record' }) };
}

describe('a step form', () => {
  it('checks the body with the contract’s schema and shows the error next to its field, sending nothing', async () => {
    const onSubmit = jest.fn();
    const form = renderForm(onSubmit);
    await userEvent.click(form.submit());
    expect(await screen.findByText('Too small or too short')).toBeTruthy();
    expect(form.interviewers().getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the valid body and says it is saved', async () => {
    const onSubmit = jest.fn().mockResolvedValue({});
    const form = renderForm(onSubmit);
    await userEvent.type(form.interviewers(), 'Anna Lund{enter}Peter Holm');
    await userEvent.click(form.submit());
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledWith({ on: '2026-12-01', interviewers: ['Anna Lund', 'Peter Holm'] }, expect.any(String));
  });

  it('a lost connection says so and keeps the input; the retry reuses the Idempotency-Key', async () => {
    const onSubmit = jest.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce({});
    const form = renderForm(onSubmit);
    await userEvent.type(form.interviewers(), 'Anna Lund');
    await userEvent.click(form.submit());
    expect((await screen.findByRole('alert')).textContent).toContain('No connection to the server');
    expect((form.interviewers() as HTMLTextAreaElement).value).toBe('Anna Lund');
    await userEvent.click(form.submit());
    await screen.findByText('Saved.');
    expect(onSubmit.mock.calls[1][1]).toBe(onSubmit.mock.calls[0][1]);
  });

  it('a 412 says someone else changed it, offers a reload, and keeps the input', async () => {
    const problem = { type: 'urn:familybank:problem:precondition-failed', title: 'Changed', status: 412, code: 'PRECONDITION', detail: 'Revision 3 is not 2' };
    const form = renderForm(jest.fn().mockRejectedValue(new FamilybankProblem(problem)));
    await userEvent.type(form.interviewers(), 'Anna Lund');
    await userEvent.click(form.submit());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this while you were working');
    expect((form.interviewers() as HTMLTextAreaElement).value).toBe('Anna Lund');
  });

  it('the API’s 400 names the field; its reason is shown next to it', async () => {
    const problem = {
      type: 'urn:familybank:problem:validation',
      title: 'Invalid',
      status: 400,
      code: 'REQUEST.VALIDATION',
      invalidParams: [{ name: 'body.interviewers.0', reason: 'Unknown interviewer', code: 'custom' }],
    };
    const form = renderForm(jest.fn().mockRejectedValue(new FamilybankProblem(problem)));
    await userEvent.type(form.interviewers(), 'Nobody');
    await userEvent.click(form.submit());
    await waitFor(() => expect(screen.getByText('Unknown interviewer')).toBeTruthy());
  });
});
