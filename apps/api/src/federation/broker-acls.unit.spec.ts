import type { BrokerAcl } from '@familybank/exchange';
import { aclChanges, DEFAULT_PRINCIPAL_TEMPLATE, desiredBrokerAcls, principalTemplate } from './broker-acls';

const principalOf = principalTemplate(DEFAULT_PRINCIPAL_TEMPLATE);
const plan = (served: Array<{ code: string; activePartners: string[] }>, namespace?: string) =>
  desiredBrokerAcls({ served, principalOf, groupPrefix: `${namespace ? `${namespace}.` : ''}node-1.`, namespace });
const rules = (acls: BrokerAcl[]) => acls.map((acl) => `${acl.principal} ${acl.operation} ${acl.resourceType}:${acl.patternType}:${acl.resourceName}`).sort();

describe('broker ACLs from partnerships', () => {
  it('a municipality without partners writes its own prefix, uses the directory and its node’s groups, and reads no one', () => {
    expect(rules(plan([{ code: '0301', activePartners: [] }]))).toEqual([
      'User:familybank-0301 create topic:literal:familybank.directory.v1',
      'User:familybank-0301 create topic:prefixed:familybank.0301.',
      'User:familybank-0301 describe topic:literal:familybank.directory.v1',
      'User:familybank-0301 describe topic:prefixed:familybank.0301.',
      'User:familybank-0301 describe-configs topic:literal:familybank.directory.v1',
      'User:familybank-0301 describe-configs topic:prefixed:familybank.0301.',
      'User:familybank-0301 read group:prefixed:node-1.',
      'User:familybank-0301 read topic:literal:familybank.directory.v1',
      'User:familybank-0301 read topic:prefixed:familybank.0301.',
      'User:familybank-0301 write topic:literal:familybank.directory.v1',
      'User:familybank-0301 write topic:prefixed:familybank.0301.',
    ]);
  });

  it('an active partner’s prefix is readable, never writable or creatable', () => {
    const partnerRules = rules(plan([{ code: '0301', activePartners: ['4601'] }])).filter((rule) => rule.includes('familybank.4601.'));
    expect(partnerRules).toEqual([
      'User:familybank-0301 describe topic:prefixed:familybank.4601.',
      'User:familybank-0301 describe-configs topic:prefixed:familybank.4601.',
      'User:familybank-0301 read topic:prefixed:familybank.4601.',
    ]);
  });

  it('names topics and groups inside the exchange namespace', () => {
    const names = new Set(plan([{ code: '0301', activePartners: ['4601'] }], 'e2e1').map((acl) => acl.resourceName));
    expect([...names].sort()).toEqual(['e2e1.familybank.0301.', 'e2e1.familybank.4601.', 'e2e1.familybank.directory.v1', 'e2e1.node-1.']);
  });

  it('the difference grants what a new partnership needs and revokes what an ended one had, leaving the rest', () => {
    const before = plan([{ code: '0301', activePartners: ['4601'] }]);
    const after = plan([{ code: '0301', activePartners: ['5001'] }]);
    const changes = aclChanges(after, before);
    expect(rules(changes.create)).toEqual(rules(after.filter((acl) => acl.resourceName === 'familybank.5001.')));
    expect(rules(changes.delete)).toEqual(rules(before.filter((acl) => acl.resourceName === 'familybank.4601.')));
    expect(aclChanges(after, after)).toEqual({ create: [], delete: [] });
  });

  it('a principal template without {code} is refused', () => {
    expect(() => principalTemplate('User:familybank')).toThrow(/\{code\}/);
    expect(principalTemplate('User:muni-{code}')('0301')).toBe('User:muni-0301');
  });
});
