import { Card, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMunicipalityLabel } from '../../api/municipalities';
import { useFormat } from '../../i18n/format';
import type { Family } from './family-steps';

/** What the municipality knows of the family, for its own caseworkers (never shared as such). */
export function FamilySummary({ family }: { family: Family }) {
  const { t } = useTranslation();
  const format = useFormat();
  const municipality = useMunicipalityLabel();
  const rows: Array<[string, ReactNode]> = [
    [t('family.stageSince'), `${format.date(family.stageSince)} (${t('board.daysInStage', { count: family.daysInStage, days: format.number(family.daysInStage) })})`],
    [t('family.registered'), `${format.date(family.registeredAt)} · ${t(`vocab.sourceChannel.${family.sourceChannel}`)}`],
    // An erased family has no contact details left.
    ...(family.contact
      ? ([
          [t('fields.contact.street'), `${family.contact.street}, ${family.contact.postalCode} ${family.contact.city}`],
          [t('fields.contact.phone'), family.contact.phone],
          [t('fields.contact.email'), family.contact.email],
        ] as Array<[string, string]>)
      : []),
    [t('fields.region'), format.region(family.region)],
    [t('fields.interestedIn'), family.interestedIn.map((type) => t(`vocab.careType.${type}`)).join(', ')],
  ];
  if (family.firstContactOn) rows.push([t('family.firstContact'), format.date(family.firstContactOn)]);
  for (const check of family.checks) {
    const adult = family.adults.find((a) => a.adultId === check.adultId)?.fullName ?? check.adultId;
    rows.push([
      `${t(`vocab.checkKind.${check.kind}`)}: ${adult}`,
      check.outcome ? `${t(`vocab.checkOutcome.${check.outcome}`)} (${format.date(check.receivedOn ?? check.requestedOn)})` : t('family.checkPending', { date: format.date(check.requestedOn) }),
    ]);
  }
  if (family.approval) {
    rows.push([
      t('family.approval'),
      t('family.approvalText', {
        types: family.approval.careTypes.map((type) => t(`vocab.careType.${type}`)).join(', '),
        capacity: format.number(family.approval.capacity),
        min: family.approval.ageRange.min,
        max: family.approval.ageRange.max,
        until: format.date(family.approval.validUntil),
      }),
    ]);
  }
  if (family.availability) {
    rows.push([t('family.availability'), t('family.availabilityText', { capacity: format.number(family.availability.capacity), confirmed: format.date(family.availability.confirmedOn) })]);
  }
  for (const assignment of family.assignments) {
    rows.push([t('family.assignment'), `${municipality(assignment.requester.municipality)} · ${format.date(assignment.period.from)} – ${format.date(assignment.period.to)}`]);
  }
  const tie = family.network;
  if (tie) {
    rows.push([
      t('network.tie'),
      <>
        {t('network.tieText', { relation: t(`network.relations.${tie.relation}`), status: t(`network.statuses.${tie.status}`) })}{' '}
        <Link to={`/requests/${tie.requestId}`}>{t('network.openRequest')}</Link>
      </>,
    ]);
    if (tie.provisionalApproval) rows.push([t('fields.deadline'), format.date(tie.provisionalApproval.deadline)]);
  }
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('family.summary')}
        </Heading>
        <dl className="fb-dl">
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card.Block>
    </Card>
  );
}
