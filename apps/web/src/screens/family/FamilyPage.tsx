import { Alert, Card, Details, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { useApi, useSession } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { ErasePanel } from './ErasePanel';
import { applicableSteps, type Family } from './family-steps';
import { FamilyStepForm, householdName } from './FamilyStepForm';
import { FamilySummary } from './FamilySummary';
import { SupportPanel } from './SupportPanel';
import { Timeline } from './Timeline';
import { ViewsList } from './ViewsList';

/** A family: where it stands, what can be done next, its history as a timeline, and who viewed its shared profile. */
export function FamilyPage() {
  const { familyId = '' } = useParams();
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const [notice, setNotice] = useState<string>();
  const [historyVersion, setHistoryVersion] = useState(0);
  const family = useLoad(() => unwrap(api.GET('/v1/families/{familyId}', { params: { path: { familyId } } })), [api, familyId]);
  const data = family.data;
  const done = (updated: Family) => {
    setNotice(t('outcome.stepDoneMoved', { household: householdName(updated), stage: t(`vocab.stage.${updated.stage}`) }));
    family.reload();
    setHistoryVersion((n) => n + 1);
  };
  return (
    <div className="fb-stack">
      {family.failure ? <FailureMessage failure={family.failure} onReload={family.reload} /> : null}
      {family.loading && !data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {data ? (
        <>
          <Heading level={1} data-size="lg">
            {householdName(data)}
          </Heading>
          <div className="fb-tags">
            <Tag data-color="info">{t(`vocab.stage.${data.stage}`)}</Tag>
            {data.erased ? <Tag data-color="warning">{t('erasure.erasedTag')}</Tag> : null}
            {data.consentToShare ? <Tag data-color="success">{t('family.consenting')}</Tag> : <Tag data-color="neutral">{t('family.notConsenting')}</Tag>}
          </div>
          {notice ? (
            <Alert data-color="success" role="status">
              {notice}
            </Alert>
          ) : null}
          {data.erased ? <ErasePanel family={data} onErased={family.reload} onReload={family.reload} /> : null}
          <div className="fb-grid">
            <Card>
              <Card.Block>
                <Heading level={2} data-size="sm">
                  {t('family.steps')}
                </Heading>
                {applicableSteps(data).length === 0 ? <Paragraph>{t('family.noSteps')}</Paragraph> : null}
                {applicableSteps(data).map((step, index) => (
                  <Details key={step.id} defaultOpen={index === 0}>
                    <Details.Summary>{t(`steps.${step.id}.name`)}</Details.Summary>
                    <Details.Content>
                      <FamilyStepForm family={data} step={step} onDone={done} onReload={family.reload} />
                    </Details.Content>
                  </Details>
                ))}
              </Card.Block>
            </Card>
            <FamilySummary family={data} />
          </div>
          {data.approval ? (
            <SupportPanel
              family={data}
              onChanged={() => {
                family.reload();
                setHistoryVersion((n) => n + 1);
              }}
            />
          ) : null}
          {!data.erased && session?.roles.includes('approver') ? (
            <ErasePanel
              family={data}
              onErased={() => {
                setNotice(t('erasure.done'));
                family.reload();
                setHistoryVersion((n) => n + 1);
              }}
              onReload={family.reload}
            />
          ) : null}
          <div className="fb-grid">
            <Timeline familyId={familyId} version={historyVersion} />
            <ViewsList familyId={familyId} />
          </div>
        </>
      ) : null}
    </div>
  );
}

