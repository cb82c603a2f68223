import { DIRECTORY_TOPIC, type BrokerAcl, type BrokerAclOperation } from '@familybank/exchange';

/**
 * The broker's ACLs as the partnerships require them (DESIGN §5, issue 10 item 6). Pure: the
 * manager computes this from state each time and applies the difference, so it is idempotent and
 * heals drift. For each municipality served, its principal may:
 * - create, write, read and describe its own topics (prefix `familybank.<own>.`);
 * - read, write and create the shared directory (announcements and partnership steps; signatures
 *   decide what counts there);
 * - use consumer groups under the node's prefix (`<nodeId>.`);
 * - read (and describe) the topics of each partner it has an active partnership with.
 * Nothing else: a non-partner's consumer and a write as another municipality are refused by the
 * broker (with `allow.everyone.if.no.acl.found=false`).
 */
export interface AclPlanInput {
  /** Each municipality whose principal this manager owns, with its active partners. */
  served: ReadonlyArray<{ code: string; activePartners: readonly string[] }>;
  /** `User:familybank-{code}` by default (KAFKA_ACL_PRINCIPAL_TEMPLATE). */
  principalOf: (code: string) => string;
  /** Consumer groups of the node: `<nodeId>.` (with the namespace in front, if any). */
  groupPrefix: string;
  /** EXCHANGE_NAMESPACE: every topic and group name starts with `<namespace>.`. */
  namespace?: string;
}

const OWN_TOPICS: readonly BrokerAclOperation[] = ['create', 'write', 'read', 'describe', 'describe-configs'];
const DIRECTORY: readonly BrokerAclOperation[] = ['create', 'write', 'read', 'describe', 'describe-configs'];
const PARTNER_TOPICS: readonly BrokerAclOperation[] = ['read', 'describe', 'describe-configs'];

export const DEFAULT_PRINCIPAL_TEMPLATE = 'User:familybank-{code}';

export function principalTemplate(template: string): (code: string) => string {
  if (!template.includes('{code}')) throw new Error(`The principal template "${template}" must contain {code}`);
  return (code) => template.replaceAll('{code}', code);
}

/** The prefix every topic of a municipality starts with (see topics.ts), in the namespace. */
export function municipalityTopicPrefix(code: string, namespace?: string): string {
  return `${namespace ? `${namespace}.` : ''}familybank.${code}.`;
}

export function desiredBrokerAcls(input: AclPlanInput): BrokerAcl[] {
  const ns = input.namespace ? `${input.namespace}.` : '';
  const acls: BrokerAcl[] = [];
  const add = (principal: string, resourceType: BrokerAcl['resourceType'], patternType: BrokerAcl['patternType'], resourceName: string, operations: readonly BrokerAclOperation[]) =>
    operations.forEach((operation) => acls.push({ principal, resourceType, patternType, resourceName, operation }));
  for (const { code, activePartners } of input.served) {
    const principal = input.principalOf(code);
    add(principal, 'topic', 'prefixed', municipalityTopicPrefix(code, input.namespace), OWN_TOPICS);
    add(principal, 'topic', 'literal', `${ns}${DIRECTORY_TOPIC}`, DIRECTORY);
    add(principal, 'group', 'prefixed', input.groupPrefix, ['read']);
    for (const partner of [...new Set(activePartners)].filter((partner) => partner !== code).sort()) {
      add(principal, 'topic', 'prefixed', municipalityTopicPrefix(partner, input.namespace), PARTNER_TOPICS);
    }
  }
  return unique(acls);
}

export interface AclChanges {
  create: BrokerAcl[];
  delete: BrokerAcl[];
}

/** What to create and delete so that the managed principals hold exactly `desired`. */
export function aclChanges(desired: readonly BrokerAcl[], actual: readonly BrokerAcl[]): AclChanges {
  const want = new Set(desired.map(aclKey));
  const have = new Set(actual.map(aclKey));
  return { create: unique(desired.filter((acl) => !have.has(aclKey(acl)))), delete: unique(actual.filter((acl) => !want.has(aclKey(acl)))) };
}

function aclKey(acl: BrokerAcl): string {
  return [acl.principal, acl.resourceType, acl.patternType, acl.resourceName, acl.operation].join('\u0000');
}

function unique(acls: readonly BrokerAcl[]): BrokerAcl[] {
  return [...new Map(acls.map((acl) => [aclKey(acl), acl])).values()];
}
