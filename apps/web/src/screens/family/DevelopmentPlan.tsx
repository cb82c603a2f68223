import { Card, Details, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { AddGoalBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { StepForm } from '../../forms/StepForm';
import { inMonths, today } from '../../forms/vocabulary';
import { GoalEntry } from './GoalEntry';

type Plan = Schemas['DevelopmentPlan'];

/** The family's development plan: goals with their follow-ups, revised, achieved or dropped; the first goal starts the plan. */
export function DevelopmentPlan({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  // A family without a goal has no plan yet: the API's 404 is an empty plan here.
  const plan = useLoad(async () => {
    const answer = await api.GET('/v1/families/{familyId}/development-plan', { params: { path: { familyId } } });
    if (answer.response.status === 404) return undefined;
    return unwrap(Promise.resolve(answer));
  }, [api, familyId]);
  // The plan a goal's step answered with shows at once, so its forms start afresh from it; a later read wins.
  const [answer, setAnswer] = useState<Plan>();
  const data: Plan | undefined = answer && (!plan.data || answer.revision > plan.data.revision) ? answer : plan.data;
  const changed = (next?: Plan) => {
    if (next) setAnswer(next);
    plan.reload();
  };
  const ifMatch = data ? { 'If-Match': `"${data.revision}"` } : {};
  return (
    <Card>
      <Card.Block>
        <Heading level={3} data-size="sm">
          {t('support.plan')}
        </Heading>
        {plan.failure ? <FailureMessage failure={plan.failure} onReload={plan.reload} /> : null}
        {plan.loading && !data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {!plan.loading && !data ? <Paragraph data-size="sm">{t('support.noPlan')}</Paragraph> : null}
        <ul className="fb-list" aria-label={t('support.plan')}>
          {data?.goals.map((goal) => (
            <li key={goal.goalId}>
              <GoalEntry familyId={familyId} goal={goal} revision={data.revision} onChanged={changed} />
            </li>
          ))}
        </ul>
        <Details>
          <Details.Summary>{t('support.addGoal')}</Details.Summary>
          <Details.Content>
            <StepForm
              key={data?.goals.length ?? 0}
              label={t('support.addGoal')}
              schema={AddGoalBody}
              fields={[
                { name: 'title', kind: 'text', label: 'support.goalTitle' },
                { name: 'description', kind: 'textarea', label: 'support.description' },
                { name: 'setOn', kind: 'date', label: 'support.setOn' },
                { name: 'followUpOn', kind: 'date', label: 'support.followUpOn' },
              ]}
              initial={{ setOn: today(), followUpOn: inMonths(3) }}
              submitLabel={t('support.addGoalSubmit')}
              onReload={plan.reload}
              onSubmit={(body, key) =>
                unwrap(
                  api.POST('/v1/families/{familyId}/development-plan/goals', {
                    params: { path: { familyId } },
                    body: body as Schemas['AddGoal'],
                    headers: { 'Idempotency-Key': key, ...ifMatch },
                  }),
                )
              }
              onDone={plan.reload}
            />
          </Details.Content>
        </Details>
      </Card.Block>
    </Card>
  );
}
