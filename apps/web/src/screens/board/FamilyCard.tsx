import { Card, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../i18n/format';
import { nextStep, type Family } from '../family/family-steps';
import { FamilyStepForm, householdName } from '../family/FamilyStepForm';
import type { BoardCard } from './board-model';

/** One family on the board: who, how long in the stage, whether first contact is late, and the next step's form. */
export function FamilyCard({ card, onDone, onReload }: { card: BoardCard; onDone(family: Family, household: string): void; onReload(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { family } = card;
  const household = householdName(family);
  const step = nextStep(family);
  return (
    <Card data-color={card.overdue ? 'danger' : 'neutral'} className={card.overdue ? 'fb-card-overdue' : undefined}>
      <Card.Block>
        <Heading level={3} data-size="2xs">
          <Link to={`/families/${family.familyId}`}>{household}</Link>
        </Heading>
        <Paragraph data-size="sm">{t('board.daysInStage', { count: family.daysInStage, days: format.number(family.daysInStage) })}</Paragraph>
        <div className="fb-tags">
          {card.overdue ? <Tag data-color="danger">{t('board.overdue', { count: card.workingDaysWaiting, days: format.number(card.workingDaysWaiting ?? 0) })}</Tag> : null}
          <Tag data-color="neutral">{t(`vocab.sourceChannel.${family.sourceChannel}`)}</Tag>
        </div>
      </Card.Block>
      {step ? (
        <Card.Block>
          <Details>
            <Details.Summary>{t('board.nextStep', { step: t(`steps.${step.id}.name`) })}</Details.Summary>
            <Details.Content>
              <FamilyStepForm family={family} step={step} onDone={(updated) => onDone(updated, household)} onReload={onReload} />
            </Details.Content>
          </Details>
        </Card.Block>
      ) : null}
    </Card>
  );
}
