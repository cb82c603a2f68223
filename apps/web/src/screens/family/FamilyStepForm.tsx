import { Paragraph } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../api/session';
import { StepForm } from '../../forms/StepForm';
import type { Family, FamilyStep } from './family-steps';

/** A step's form for one family: sent with If-Match (the revision shown) and an Idempotency-Key. */
export function FamilyStepForm({ family, step, onDone, onReload }: { family: Family; step: FamilyStep; onDone(family: Family): void; onReload?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const household = householdName(family);
  if (step.approverOnly && !session?.roles.includes('approver')) {
    return <Paragraph data-size="sm">{t('steps.needsApprover')}</Paragraph>;
  }
  return (
    <StepForm<Family>
      // Not keyed by revision: reloading after a 409/412 keeps what was typed.
      key={`${family.familyId}-${step.id}-${step.instance?.(family) ?? ''}`}
      label={t(`steps.${step.id}.title`, { household })}
      schema={step.schema}
      fields={step.fields(family)}
      initial={step.initial?.(family)}
      finalize={step.finalize}
      submitLabel={t(`steps.${step.id}.submit`)}
      successMessage={t('outcome.stepDone', { household })}
      onReload={onReload}
      onSubmit={(body, key) =>
        unwrap(
          // The path is one of the family's step routes; the body was checked with that route's schema.
          api.POST(`/v1/families/{familyId}${step.path}` as '/v1/families/{familyId}/screening', {
            params: { path: { familyId: family.familyId } },
            body: body as never,
            headers: { 'Idempotency-Key': key, 'If-Match': `"${family.revision}"` },
          }),
        ) as Promise<Family>
      }
      onDone={onDone}
    />
  );
}

export const householdName = (family: Pick<Family, 'adults'>): string => family.adults.map((adult) => adult.fullName).join(' & ');
