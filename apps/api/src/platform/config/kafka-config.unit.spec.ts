import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { kafkaClientSecurity } from './kafka-config';

const kafka = { EXCHANGE: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092', MUNICIPALITIES: '0301' };

describe('broker security settings', () => {
  it('without them the node connects as before: no SASL, no TLS, no ACL manager', () => {
    const config = loadConfig(kafka);
    expect(kafkaClientSecurity(config)).toEqual({});
    expect(config).toMatchObject({ KAFKA_SSL: false, KAFKA_ACL_PRINCIPAL_TEMPLATE: 'User:familybank-{code}' });
    expect(config.KAFKA_ACL_ADMIN_USERNAME).toBeUndefined();
  });

  it('the node signs in with SCRAM-SHA-512 unless told otherwise; the ACL manager with the admin credential', () => {
    const config = loadConfig({ ...kafka, KAFKA_SASL_USERNAME: 'familybank-0301', KAFKA_SASL_PASSWORD: 's3cret', KAFKA_ACL_ADMIN_USERNAME: 'admin', KAFKA_ACL_ADMIN_PASSWORD: 'adm1n' });
    expect(kafkaClientSecurity(config)).toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'familybank-0301', password: 's3cret' } });
    expect(kafkaClientSecurity(config, 'admin')).toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'adm1n' } });
    expect(kafkaClientSecurity(loadConfig({ ...kafka, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).sasl).toMatchObject({ mechanism: 'scram-sha-256' });
  });

  it('TLS trusts the configured CA bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'familybank-kafka-ca-'));
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = loadConfig({ ...kafka, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: join(dir, 'ca.pem') });
    expect(kafkaClientSecurity(config).ssl).toEqual({ ca: [expect.stringContaining('BEGIN CERTIFICATE')], rejectUnauthorized: true });
    expect(kafkaClientSecurity(loadConfig({ ...kafka, KAFKA_SSL: '1' })).ssl).toBe(true);
  });

  it('refuses settings that do not fit together, naming the variable', () => {
    expect(() => loadConfig({ ...kafka, KAFKA_SASL_USERNAME: 'u' })).toThrow(/KAFKA_SASL_PASSWORD/);
    expect(() => loadConfig({ ...kafka, KAFKA_ACL_ADMIN_USERNAME: 'admin', KAFKA_ACL_ADMIN_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_USERNAME/);
    expect(() => loadConfig({ ...kafka, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/PLAIN.*KAFKA_SSL/);
    expect(() => loadConfig({ KAFKA_ACL_ADMIN_USERNAME: 'admin', KAFKA_ACL_ADMIN_PASSWORD: 'p', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/EXCHANGE=kafka/);
    expect(() => loadConfig({ ...kafka, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM/);
    const manager = { KAFKA_ACL_ADMIN_USERNAME: 'admin', KAFKA_ACL_ADMIN_PASSWORD: 'p', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' };
    expect(() => loadConfig({ ...kafka, ...manager, MUNICIPALITIES: '' })).toThrow(/MUNICIPALITIES/);
    expect(() => loadConfig({ ...kafka, KAFKA_ACL_PRINCIPAL_TEMPLATE: 'User:fixed' })).toThrow(/KAFKA_ACL_PRINCIPAL_TEMPLATE/);
  });
});
