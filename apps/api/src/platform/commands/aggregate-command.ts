import type { AggregateCommand } from '@familybank/domain-workflows';

export type { AggregateCommand };
export type AggregateName = AggregateCommand['aggregate'];
