import { Card, Details, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { CreateCourseBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { FailureMessage } from '../../components/Outcome';
import type { FieldSpec } from '../../forms/form-model';
import { StepForm } from '../../forms/StepForm';
import { CourseEntry } from './CourseEntry';
import { sessionsFromRows } from './support-families';

const PAGE = 10;
const SESSION_ROWS = [0, 1, 2];

/** The course catalogue, the latest added first, with enrolment and attendance; and the form that adds a course. */
export function Courses({ families }: { families: Record<string, string> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const courses = useLoad(() => unwrap(api.GET('/v1/support/courses', { params: { query: { limit: PAGE, cursor } } })), [api, cursor, version]);
  const changed = () => setVersion((n) => n + 1);
  const fields: FieldSpec[] = [
    { name: 'title', kind: 'text', label: 'support.courseTitle' },
    { name: 'description', kind: 'textarea', label: 'support.description' },
    { name: 'capacity', kind: 'number', label: 'support.capacity' },
    ...SESSION_ROWS.flatMap((row): FieldSpec[] => [
      { name: `sessions.${row}.on`, kind: 'date', labelText: t('support.session', { n: row + 1 }) },
      { name: `sessions.${row}.topic`, kind: 'text', labelText: t('support.sessionTopic', { n: row + 1 }) },
    ]),
  ];
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="md">
          {t('support.courses')}
        </Heading>
        {courses.failure ? <FailureMessage failure={courses.failure} onReload={courses.reload} /> : null}
        {courses.loading && !courses.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {courses.data && courses.data.items.length === 0 ? <Paragraph data-size="sm">{t('support.noCourses')}</Paragraph> : null}
        <ul className="fb-list" aria-label={t('support.courses')}>
          {courses.data?.items.map((course) => (
            <li key={course.courseId}>
              <CourseEntry course={course} families={families} onChanged={changed} />
            </li>
          ))}
        </ul>
        <CursorPager
          label={t('support.courses')}
          page={cursors.length - 1}
          hasNext={Boolean(courses.data?.nextCursor)}
          onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
          onNext={() => setCursors((stack) => [...stack, courses.data!.nextCursor!])}
        />
        <Details>
          <Details.Summary>{t('support.addCourse')}</Details.Summary>
          <Details.Content>
            <StepForm
              key={version}
              label={t('support.addCourse')}
              schema={CreateCourseBody}
              fields={fields}
              initial={{ capacity: '12' }}
              finalize={sessionsFromRows}
              submitLabel={t('support.addCourseSubmit')}
              onSubmit={(body, key) => unwrap(api.POST('/v1/support/courses', { body: body as Schemas['CreateCourse'], headers: { 'Idempotency-Key': key } }))}
              onDone={() => {
                setCursors([undefined]);
                changed();
              }}
            />
          </Details.Content>
        </Details>
      </Card.Block>
    </Card>
  );
}
