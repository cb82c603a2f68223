import { Alert, Details, Paragraph, Tag } from '@digdir/designsystemet-react';
import { AchieveGoalBody, DropGoalBody, GoalFollowUpBody, ReviseGoalBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import type { ZodType } from 'zod';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/session';
import type { FieldSpec, FormValues } from '../../forms/form-model';
import { StepForm } from '../../forms/StepForm';
import { inMonths, today } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';
import { goalRevision, revisionInitial } from './goal-model';

type Plan = Schemas['DevelopmentPlan'];
type Goal = Plan['goals'][number];
type GoalStep = 'follow-ups' | 'revision' | 'achievement' | 'drop';

/** The steps of an open goal: each a form of its own, named after the goal, sent with the plan's revision as If-Match. */
const STEPS: ReadonlyArray<{ step: GoalStep; text: string; schema: ZodType; fields: FieldSpec[]; initial(goal: Goal): FormValues }> = [
  {
    step: 'follow-ups',
    text: 'followUp',
    schema: GoalFollowUpBody,
    fields: [
      { name: 'on', kind: 'date', label: 'network.on' },
      { name: 'note', kind: 'textarea', label: 'fields.note' },
      { name: 'nextFollowUpOn', kind: 'date', label: 'support.nextFollowUpOn' },
    ],
    initial: () => ({ on: today(), nextFollowUpOn: inMonths(3) }),
  },
  {
    step: 'revision',
    text: 'revise',
    schema: ReviseGoalBody,
    fields: [
      { name: 'title', kind: 'text', label: 'support.goalTitle' },
      { name: 'description', kind: 'textarea', label: 'support.description' },
      { name: 'followUpOn', kind: 'date', label: 'support.followUpOn' },
    ],
    initial: revisionInitial,
  },
  {
    step: 'achievement',
    text: 'achieve',
    schema: AchieveGoalBody,
    fields: [
      { name: 'on', kind: 'date', label: 'network.on' },
      { name: 'note', kind: 'textarea', label: 'support.noteOptional' },
    ],
    initial: () => ({ on: today() }),
  },
  {
    step: 'drop',
    text: 'drop',
    schema: DropGoalBody,
    fields: [
      { name: 'on', kind: 'date', label: 'network.on' },
      { name: 'reason', kind: 'text', label: 'fields.reason' },
    ],
    initial: () => ({ on: today() }),
  },
];

/** One goal of the plan: its state, and for an open goal a follow-up, a revision, achieving or dropping it. */
export function GoalEntry({ familyId, goal, revision, onChanged }: { familyId: string; goal: Goal; revision: number; onChanged(plan?: Plan): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  // Each step sent from here starts its form afresh and says what was recorded; a reload after
  // a 409/412 (someone else's step) does not, so nothing typed is lost.
  const [sent, setSent] = useState<{ count: number; step?: GoalStep }>({ count: 0 });
  // The goal as the forms were started from: a revision sends what the caseworker changed from it,
  // so a colleague's change read in meanwhile is not overwritten by a value nobody typed.
  const [baseline, setBaseline] = useState(goal);
  const closed = goal.closed;
  return (
    <>
      <Paragraph data-size="sm">
        <strong>{goal.title}</strong> <Tag data-color={goal.status === 'open' ? 'info' : goal.status === 'achieved' ? 'success' : 'neutral'}>{t(`support.goalStatus.${goal.status}`)}</Tag>
      </Paragraph>
      {goal.description ? <Paragraph data-size="xs">{goal.description}</Paragraph> : null}
      <Paragraph data-size="xs">
        {goal.followUpOn ? `${t('support.nextFollowUp', { date: format.date(goal.followUpOn) })} · ` : ''}
        {t('support.followUps', { count: goal.followUps })}
        {goal.lastFollowUp ? ` · ${format.date(goal.lastFollowUp.on)}: ${goal.lastFollowUp.note}` : ''}
      </Paragraph>
      {closed ? <Paragraph data-size="xs">{t(`support.closed.${goal.status === 'dropped' ? 'dropped' : 'achieved'}`, { date: format.date(closed.on), note: closed.note ?? '' })}</Paragraph> : null}
      {sent.step ? (
        <Alert data-color="success" role="status" data-size="sm">
          {t(`support.goalDone.${sent.step}`, { goal: goal.title })}
        </Alert>
      ) : null}
      {goal.status === 'open'
        ? STEPS.map(({ step, text, schema, fields, initial }) => (
            <Details key={step}>
              <Details.Summary>{t(`support.${text}`, { goal: goal.title })}</Details.Summary>
              <Details.Content>
                <StepForm<Plan>
                  key={`${goal.goalId}-${step}-${sent.count}`}
                  label={t(`support.${text}`, { goal: goal.title })}
                  schema={schema}
                  fields={fields}
                  initial={initial(baseline)}
                  finalize={step === 'revision' ? goalRevision(baseline) : undefined}
                  submitLabel={t(`support.${text}Submit`)}
                  onReload={onChanged}
                  onSubmit={(body, key) =>
                    unwrap(
                      // One of the goal's step routes; the body was checked with that route's schema.
                      api.POST(`/v1/families/{familyId}/development-plan/goals/{goalId}/${step}` as '/v1/families/{familyId}/development-plan/goals/{goalId}/drop', {
                        params: { path: { familyId, goalId: goal.goalId } },
                        body: body as never,
                        headers: { 'Idempotency-Key': key, 'If-Match': `"${revision}"` },
                      }),
                    ) as Promise<Plan>
                  }
                  onDone={(plan) => {
                    setBaseline(plan.goals.find((other) => other.goalId === goal.goalId) ?? goal);
                    setSent(({ count }) => ({ count: count + 1, step }));
                    onChanged(plan);
                  }}
                />
              </Details.Content>
            </Details>
          ))
        : null}
    </>
  );
}
