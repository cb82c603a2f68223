import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordInterviewBody } from '@familybank/contracts';
import { renderWith } from '../testing/render';
import { saveDrafts } from './drafts';
import { StepForm } from './StepForm';

const fields = [
  { name: 'on', kind: 'date' },
  { name: 'interviewers', kind: 'lines' },
] as const;

const form = (label: string) => <StepForm label={label} schema={RecordInterviewBody} fields={fields} initial={{ on: '2026-12-01' }} submitLabel="Record" onSubmit={jest.fn()} />;
const interviewers = () => screen.getByRole('textbox', { name: 'Interviewers' }) as HTMLTextAreaElement;

beforeEach(() => sessionStorage.clear());

describe('what was typed survives a sign-in that leaves the page', () => {
  it('the form gets back what was typed in it when the page is shown again, once', async () => {
    const first = renderWith(form('Record interview'));
    await userEvent.type(interviewers(), 'Anna Lund{enter}Peter Holm');
    expect(saveDrafts('/')).toBe(1);
    first.unmount();

    const back = renderWith(form('Record interview'));
    expect(interviewers().value).toBe('Anna Lund\nPeter Holm');
    back.unmount();
    renderWith(form('Record interview'));
    expect(interviewers().value).toBe('');
  });

  it('forms nobody typed in are not saved, and a draft goes only to its own form on its own page', async () => {
    const untouched = renderWith(form('Record interview'));
    expect(saveDrafts('/')).toBe(0);
    await userEvent.type(interviewers(), 'Anna Lund');
    saveDrafts('/families/f-2');
    untouched.unmount();

    // MemoryRouter shows "/": the draft was saved for another page.
    renderWith(form('Record interview'));
    expect(interviewers().value).toBe('');
    expect(sessionStorage.getItem('familybank.drafts')).not.toBeNull();
  });

  it('another form on the page does not take it', async () => {
    const first = renderWith(form('Record interview with Hansen'));
    await userEvent.type(interviewers(), 'Anna Lund');
    saveDrafts('/');
    first.unmount();
    renderWith(form('Record interview with Jensen'));
    expect(interviewers().value).toBe('');
  });
});
