import { Card, Details, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { RecordEmergencyCallBody } from '@familybank/contracts';
import { EMERGENCY_CALL_CATEGORIES } from '@familybank/domain-support';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { FailureMessage } from '../../components/Outcome';
import { StepForm } from '../../forms/StepForm';
import { localDateTime, toInstant } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';

const PAGE = 10;

/** The family's calls to the 24-hour emergency line, newest first, a page at a time, and the form that records one. */
export function EmergencyCalls({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [version, setVersion] = useState(0);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const calls = useLoad(
    () => unwrap(api.GET('/v1/families/{familyId}/emergency-calls', { params: { path: { familyId }, query: { limit: PAGE, cursor } } })),
    [api, familyId, cursor, version],
  );
  return (
    <Card>
      <Card.Block>
        <Heading level={3} data-size="sm">
          {t('support.calls')}
        </Heading>
        {calls.failure ? <FailureMessage failure={calls.failure} onReload={calls.reload} /> : null}
        {calls.loading && !calls.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {calls.data && calls.data.items.length === 0 ? <Paragraph data-size="sm">{t('support.noCalls')}</Paragraph> : null}
        <ul className="fb-list" aria-label={t('support.calls')}>
          {calls.data?.items.map((call) => (
            <li key={call.callId}>
              <Paragraph data-size="sm">
                {format.dateTime(call.receivedAt)}: {t('support.callText', { category: t(`support.categories.${call.category}`), minutes: format.number(call.durationMinutes) })}
                {call.answeredBy ? ` · ${call.answeredBy}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
        <CursorPager
          label={t('support.calls')}
          page={cursors.length - 1}
          hasNext={Boolean(calls.data?.nextCursor)}
          onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
          onNext={() => setCursors((stack) => [...stack, calls.data!.nextCursor!])}
        />
        <Details>
          <Details.Summary>{t('support.recordCall')}</Details.Summary>
          <Details.Content>
            <StepForm
              key={version}
              label={t('support.recordCall')}
              schema={RecordEmergencyCallBody}
              fields={[
                { name: 'receivedAt', kind: 'datetime-local', label: 'support.receivedAt' },
                { name: 'category', kind: 'select', options: EMERGENCY_CALL_CATEGORIES, optionLabels: 'support.categories', label: 'support.category' },
                { name: 'durationMinutes', kind: 'number', label: 'support.minutes' },
                { name: 'answeredBy', kind: 'text', label: 'support.answeredBy' },
                { name: 'note', kind: 'textarea', label: 'fields.note' },
              ]}
              initial={{ receivedAt: localDateTime(new Date()) }}
              // The control gives local time without an offset; the API takes an instant.
              finalize={(body) => ({ ...body, receivedAt: toInstant(body['receivedAt']) })}
              submitLabel={t('support.recordCallSubmit')}
              onSubmit={(body, key) =>
                unwrap(
                  api.POST('/v1/families/{familyId}/emergency-calls', {
                    params: { path: { familyId } },
                    body: body as Schemas['RecordEmergencyCall'],
                    headers: { 'Idempotency-Key': key },
                  }),
                )
              }
              onDone={() => {
                setCursors([undefined]);
                setVersion((n) => n + 1);
              }}
            />
          </Details.Content>
        </Details>
      </Card.Block>
    </Card>
  );
}
