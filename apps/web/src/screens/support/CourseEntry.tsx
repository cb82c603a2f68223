import { Button, Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { EnrolFamilyBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Outcome } from '../../components/Outcome';
import { StepForm } from '../../forms/StepForm';
import { useFormat } from '../../i18n/format';
import { splitWithdrawal, WithdrawalForm } from './support-families';

type Course = Schemas['Course'];

/** One course: its places, enrolment of a family, and attendance per session and enrolled family. */
export function CourseEntry({ course, families, onChanged }: { course: Course; families: Record<string, string>; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const ifMatch = { 'If-Match': `"${course.revision}"` };
  const attend = useAction((sessionId: string, familyId: string, attended: boolean) =>
    unwrap(
      api.POST('/v1/support/courses/{courseId}/sessions/{sessionId}/attendance', {
        params: { path: { courseId: course.courseId, sessionId } },
        body: { familyId, attended },
        headers: { 'Idempotency-Key': crypto.randomUUID(), ...ifMatch },
      }),
    ).then((updated) => {
      onChanged();
      return updated;
    }),
  );
  const enrolled = course.enrolments.filter((enrolment) => enrolment.status === 'enrolled');
  const notEnrolled = Object.keys(families).filter((familyId) => !enrolled.some((enrolment) => enrolment.familyId === familyId));
  // The withdrawal form stays after the last enrolled family is withdrawn, to say it was done.
  const [withdrew, setWithdrew] = useState(false);
  const withdrawn = course.enrolments.filter((enrolment) => enrolment.status === 'withdrawn');
  const name = (familyId: string) => families[familyId] ?? familyId;
  return (
    <div className="fb-stack">
      <Paragraph data-size="sm">
        <strong>{course.title}</strong> · {t('support.courseText', { enrolled: course.enrolled, capacity: course.capacity })}
      </Paragraph>
      {enrolled.length > 0 ? (
        <div className="fb-table-scroll" tabIndex={0} role="region" aria-label={`${t('support.attendance')}: ${course.title}`}>
          <Table data-size="sm">
            <caption>{`${t('support.attendance')}: ${course.title}`}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('support.family')}</Table.HeaderCell>
                {course.sessions.map((session) => (
                  <Table.HeaderCell key={session.sessionId}>{t('support.sessionHead', { date: format.date(session.on), topic: session.topic ?? '' })}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {enrolled.map((enrolment) => (
                <Table.Row key={enrolment.familyId}>
                  <Table.HeaderCell scope="row">{name(enrolment.familyId)}</Table.HeaderCell>
                  {course.sessions.map((session) => {
                    const state = enrolment.attended.includes(session.sessionId) ? 'attended' : enrolment.absent.includes(session.sessionId) ? 'absent' : undefined;
                    return (
                      <Table.Cell key={session.sessionId}>
                        {state ? (
                          <Tag data-color={state === 'attended' ? 'success' : 'warning'}>{t(`support.${state}`)}</Tag>
                        ) : (
                          <Button
                            variant="secondary"
                            data-size="sm"
                            disabled={attend.running}
                            aria-label={`${t('support.markAttended', { household: name(enrolment.familyId) })}, ${format.date(session.on)}`}
                            onClick={() => void attend.run(session.sessionId, enrolment.familyId, true)}
                          >
                            {t('support.attended')}
                          </Button>
                        )}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      <Outcome state={attend.state} onReload={onChanged} />
      {withdrawn.length > 0 ? (
        <Paragraph data-size="xs">
          {t('support.withdrawn', {
            families: withdrawn.map((enrolment) => (enrolment.withdrawalReason ? `${name(enrolment.familyId)} (${enrolment.withdrawalReason})` : name(enrolment.familyId))).join(', '),
          })}
        </Paragraph>
      ) : null}
      {enrolled.length > 0 || withdrew ? (
        <Details>
          <Details.Summary>{t('support.withdraw', { course: course.title })}</Details.Summary>
          <Details.Content>
            <StepForm
              label={t('support.withdraw', { course: course.title })}
              schema={WithdrawalForm}
              fields={[
                {
                  name: 'familyId',
                  kind: 'select',
                  options: enrolled.map((enrolment) => enrolment.familyId),
                  optionText: Object.fromEntries(enrolled.map((enrolment) => [enrolment.familyId, name(enrolment.familyId)])),
                  label: 'support.family',
                },
                { name: 'reason', kind: 'text', label: 'support.reasonOptional' },
              ]}
              submitLabel={t('support.withdrawSubmit')}
              successMessage={t('support.withdrawDone')}
              onReload={onChanged}
              onSubmit={(form, key) => {
                const { familyId, body } = splitWithdrawal(form);
                return unwrap(
                  api.POST('/v1/support/courses/{courseId}/enrolments/{familyId}/withdrawal', {
                    params: { path: { courseId: course.courseId, familyId } },
                    body,
                    headers: { 'Idempotency-Key': key, ...ifMatch },
                  }),
                );
              }}
              onDone={() => {
                setWithdrew(true);
                onChanged();
              }}
            />
          </Details.Content>
        </Details>
      ) : null}
      {course.freePlaces > 0 && notEnrolled.length > 0 ? (
        <Details>
          <Details.Summary>{t('support.enrol', { course: course.title })}</Details.Summary>
          <Details.Content>
            <StepForm
              key={course.revision}
              label={t('support.enrol', { course: course.title })}
              schema={EnrolFamilyBody}
              fields={[{ name: 'familyId', kind: 'select', options: notEnrolled, optionText: families, label: 'support.family' }]}
              submitLabel={t('support.enrolSubmit')}
              onReload={onChanged}
              onSubmit={(body, key) =>
                unwrap(
                  api.POST('/v1/support/courses/{courseId}/enrolments', {
                    params: { path: { courseId: course.courseId } },
                    body: body as Schemas['EnrolFamily'],
                    headers: { 'Idempotency-Key': key, ...ifMatch },
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
