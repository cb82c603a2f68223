import { Button, Card, Details, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { CancelSupervisionMeetingBody, PlanSupervisionMeetingBody } from '@familybank/contracts';
import { SUPERVISION_FORMATS } from '@familybank/domain-support';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { StepForm } from '../../forms/StepForm';
import { today } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';

type Meeting = Schemas['SupervisionMeeting'];
const PAGE = 10;

/** Supervision meetings, the latest planned first, with attendance per family; and the form that plans one. */
export function Meetings({ families }: { families: Record<string, string> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const meetings = useLoad(() => unwrap(api.GET('/v1/support/supervision-meetings', { params: { query: { limit: PAGE, cursor } } })), [api, cursor, version]);
  const changed = () => setVersion((n) => n + 1);
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="md">
          {t('support.meetings')}
        </Heading>
        {meetings.failure ? <FailureMessage failure={meetings.failure} onReload={meetings.reload} /> : null}
        {meetings.loading && !meetings.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {meetings.data && meetings.data.items.length === 0 ? <Paragraph data-size="sm">{t('support.noMeetings')}</Paragraph> : null}
        <ul className="fb-list" aria-label={t('support.meetings')}>
          {meetings.data?.items.map((meeting) => (
            <li key={meeting.meetingId}>
              <MeetingEntry meeting={meeting} families={families} onChanged={changed} />
            </li>
          ))}
        </ul>
        <CursorPager
          label={t('support.meetings')}
          page={cursors.length - 1}
          hasNext={Boolean(meetings.data?.nextCursor)}
          onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
          onNext={() => setCursors((stack) => [...stack, meetings.data!.nextCursor!])}
        />
        <Heading level={3} data-size="sm">
          {t('support.planMeeting')}
        </Heading>
        <StepForm
          key={version}
          label={t('support.planMeeting')}
          schema={PlanSupervisionMeetingBody}
          fields={[
            { name: 'format', kind: 'select', options: SUPERVISION_FORMATS, optionLabels: 'support.formats', label: 'support.format' },
            { name: 'theme', kind: 'text', label: 'support.theme' },
            { name: 'on', kind: 'date', label: 'network.on' },
            { name: 'leaders', kind: 'lines', label: 'support.leaders', description: 'fields.onePerLine' },
            { name: 'familyIds', kind: 'multi', options: Object.keys(families), optionText: families, label: 'support.families' },
          ]}
          initial={{ format: 'group', on: today() }}
          submitLabel={t('support.planMeetingSubmit')}
          onSubmit={(body, key) => unwrap(api.POST('/v1/support/supervision-meetings', { body: body as Schemas['PlanSupervisionMeeting'], headers: { 'Idempotency-Key': key } }))}
          onDone={() => {
            setCursors([undefined]);
            changed();
          }}
        />
      </Card.Block>
    </Card>
  );
}

function MeetingEntry({ meeting, families, onChanged }: { meeting: Meeting; families: Record<string, string>; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const attend = useAction((familyId: string, attended: boolean) =>
    unwrap(
      api.POST('/v1/support/supervision-meetings/{meetingId}/attendance', {
        params: { path: { meetingId: meeting.meetingId } },
        body: { familyId, attended },
        headers: { 'Idempotency-Key': crypto.randomUUID(), 'If-Match': `"${meeting.revision}"` },
      }),
    ).then((updated) => {
      onChanged();
      return updated;
    }),
  );
  const title = t('support.meetingText', { format: t(`support.formats.${meeting.format}`), date: format.date(meeting.on), theme: meeting.theme });
  // The API cancels only a meeting without attendance recorded (a held meeting is not undone).
  const cancellable = meeting.status === 'planned' && meeting.participants.every((participant) => participant.attended === undefined);
  return (
    <div className="fb-stack">
      <Paragraph data-size="sm">
        <strong>{title}</strong>
        {meeting.leaders.length ? ` · ${meeting.leaders.join(', ')}` : ''}
      </Paragraph>
      {meeting.status === 'cancelled' ? <Tag data-color="neutral">{t('support.cancelled', { reason: meeting.cancelReason ?? '' })}</Tag> : null}
      <ul className="fb-list">
        {meeting.participants.map((participant) => {
          const household = families[participant.familyId] ?? participant.familyId;
          return (
            <li key={participant.familyId} className="fb-actions">
              <span>{household}:</span>
              <Tag data-color={participant.attended === undefined ? 'neutral' : participant.attended ? 'success' : 'warning'}>
                {participant.attended === undefined ? t('support.notRecorded') : participant.attended ? t('support.attended') : t('support.absent')}
              </Tag>
              {meeting.status === 'planned' ? (
                <>
                  <Button variant="secondary" data-size="sm" disabled={attend.running} onClick={() => void attend.run(participant.familyId, true)}>
                    {t('support.markAttended', { household })}
                  </Button>
                  <Button variant="tertiary" data-size="sm" disabled={attend.running} onClick={() => void attend.run(participant.familyId, false)}>
                    {t('support.markAbsent', { household })}
                  </Button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Outcome state={attend.state} onReload={onChanged} />
      {cancellable ? (
        <Details>
          <Details.Summary>{t('support.cancelMeeting', { meeting: title })}</Details.Summary>
          <Details.Content>
            <StepForm
              label={t('support.cancelMeeting', { meeting: title })}
              schema={CancelSupervisionMeetingBody}
              fields={[{ name: 'reason', kind: 'text', label: 'fields.reason' }]}
              submitLabel={t('support.cancelMeetingSubmit')}
              onReload={onChanged}
              onSubmit={(body, key) =>
                unwrap(
                  api.POST('/v1/support/supervision-meetings/{meetingId}/cancellation', {
                    params: { path: { meetingId: meeting.meetingId } },
                    body: body as Schemas['CancelSupervisionMeeting'],
                    headers: { 'Idempotency-Key': key, 'If-Match': `"${meeting.revision}"` },
                  }),
                )
              }
              onDone={onChanged}
            />
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}
