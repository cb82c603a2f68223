import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  ResourcePatternTypes,
  type Admin,
  type AclEntry,
  type KafkaConfig,
} from 'kafkajs';
import type { TopicOptions } from '../exchange.port';
import { kafkaLogging, type KafkaLogEntry, type KafkaLogLevel } from './kafka-messages';
import { KafkaTopics } from './kafka-topics';

/** One ALLOW rule of the broker's authorizer, in our words (every host). */
export interface BrokerAcl {
  /** `User:<name>`: the SASL user a node signs in as. */
  principal: string;
  resourceType: 'topic' | 'group';
  patternType: 'literal' | 'prefixed';
  resourceName: string;
  operation: BrokerAclOperation;
}

export type BrokerAclOperation = 'read' | 'write' | 'create' | 'describe' | 'describe-configs';

const OPERATIONS: Record<BrokerAclOperation, AclOperationTypes> = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  create: AclOperationTypes.CREATE,
  describe: AclOperationTypes.DESCRIBE,
  'describe-configs': AclOperationTypes.DESCRIBE_CONFIGS,
};
const RESOURCES = { topic: AclResourceTypes.TOPIC, group: AclResourceTypes.GROUP } as const;
const PATTERNS = { literal: ResourcePatternTypes.LITERAL, prefixed: ResourcePatternTypes.PREFIXED } as const;

export interface KafkaAclAdminOptions {
  brokers: string[];
  clientId: string;
  /** The broker's super user (or a principal allowed to alter ACLs and create topics). */
  sasl?: KafkaConfig['sasl'];
  ssl?: KafkaConfig['ssl'];
  log?: (entry: KafkaLogEntry) => void;
  logLevel?: KafkaLogLevel;
}

/**
 * The broker's ACLs and topics through an admin connection: what the ACL manager reads and
 * changes. Only ALLOW rules on topics and groups are ours; DENY rules and other resource types
 * (an operator's own) are neither listed nor touched.
 */
export class KafkaAclAdmin {
  private constructor(
    private readonly admin: Admin,
    private readonly topics: KafkaTopics,
  ) {}

  static async connect(options: KafkaAclAdminOptions): Promise<KafkaAclAdmin> {
    const kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, sasl: options.sasl, ssl: options.ssl, ...kafkaLogging(options.log, options.logLevel) });
    const admin = kafka.admin();
    await admin.connect();
    return new KafkaAclAdmin(admin, new KafkaTopics(admin, { replicationFactor: 1 }));
  }

  /** Every ALLOW rule on topics and groups whose principal is one of `principals`. */
  async list(principals: readonly string[]): Promise<BrokerAcl[]> {
    const result: BrokerAcl[] = [];
    for (const principal of principals) {
      for (const resourceType of [AclResourceTypes.TOPIC, AclResourceTypes.GROUP]) {
        const described = await this.admin.describeAcls({
          resourceType,
          resourcePatternType: ResourcePatternTypes.ANY,
          principal,
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ALLOW,
        });
        for (const resource of described.resources) {
          for (const acl of resource.acls) {
            const converted = fromKafka(resource.resourceType, resource.resourcePatternType, resource.resourceName, acl.principal, acl.host, acl.operation);
            if (converted) result.push(converted);
          }
        }
      }
    }
    return result;
  }

  async create(acls: readonly BrokerAcl[]): Promise<void> {
    if (acls.length > 0) await this.admin.createAcls({ acl: acls.map(toKafka) });
  }

  /** Deletes exactly these rules (a filter per rule matches that rule only). */
  async delete(acls: readonly BrokerAcl[]): Promise<void> {
    if (acls.length > 0) await this.admin.deleteAcls({ filters: acls.map(toKafka) });
  }

  /** Creates topics (as the exchange would) so a reader granted a topic finds it before its owner first writes it. */
  async ensureTopic(topic: string, options: TopicOptions): Promise<void> {
    await this.topics.ensure(topic, options);
  }

  async close(): Promise<void> {
    await this.admin.disconnect();
  }
}

function toKafka(acl: BrokerAcl): AclEntry {
  return {
    principal: acl.principal,
    host: '*',
    operation: OPERATIONS[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
    resourceType: RESOURCES[acl.resourceType],
    resourceName: acl.resourceName,
    resourcePatternType: PATTERNS[acl.patternType],
  };
}

/** Undefined for a rule that is not one of the kinds we manage (then it is left alone). */
function fromKafka(
  resourceType: AclResourceTypes,
  patternType: ResourcePatternTypes,
  resourceName: string,
  principal: string,
  host: string,
  operation: AclOperationTypes,
): BrokerAcl | undefined {
  const type = (Object.keys(RESOURCES) as Array<keyof typeof RESOURCES>).find((key) => RESOURCES[key] === resourceType);
  const pattern = (Object.keys(PATTERNS) as Array<keyof typeof PATTERNS>).find((key) => PATTERNS[key] === patternType);
  const op = (Object.keys(OPERATIONS) as BrokerAclOperation[]).find((key) => OPERATIONS[key] === operation);
  if (!type || !pattern || !op || host !== '*') return undefined;
  return { principal, resourceType: type, patternType: pattern, resourceName, operation: op };
}
