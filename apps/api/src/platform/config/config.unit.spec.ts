import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded SQLite store under ./data with FULL sync', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ EVENT_STORE: 'sqlite', SQLITE_SYNCHRONOUS: 'FULL', PORT: 3000, SEED_DEMO_DATA: false });
    expect(config.DATA_DIR).toMatch(/data$/);
  });

  it('a bad value stops start-up with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/SQLITE_SYNCHRONOUS/);
  });

  it('EventStoreDB needs its connection string', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTOREDB_CONNECTION_STRING/);
  });

  it('SEED_DEMO_DATA accepts true/false/1/0 only', () => {
    expect(loadConfig({ SEED_DEMO_DATA: '1' }).SEED_DEMO_DATA).toBe(true);
    expect(() => loadConfig({ SEED_DEMO_DATA: 'yes' })).toThrow(/SEED_DEMO_DATA/);
  });
});

describe('availability staleness settings', () => {
  it('default to 60 days, with a reminder 7 days before', () => {
    expect(loadConfig({})).toMatchObject({ AVAILABILITY_STALE_AFTER_DAYS: 60, AVAILABILITY_REMINDER_DAYS: 7 });
  });

  it('accept 7–365 days before stale, and refuse anything else by name', () => {
    expect(loadConfig({ AVAILABILITY_STALE_AFTER_DAYS: '7' }).AVAILABILITY_STALE_AFTER_DAYS).toBe(7);
    expect(loadConfig({ AVAILABILITY_STALE_AFTER_DAYS: '365' }).AVAILABILITY_STALE_AFTER_DAYS).toBe(365);
    expect(() => loadConfig({ AVAILABILITY_STALE_AFTER_DAYS: '6' })).toThrow(/AVAILABILITY_STALE_AFTER_DAYS="6"/);
    expect(() => loadConfig({ AVAILABILITY_STALE_AFTER_DAYS: '366' })).toThrow(/AVAILABILITY_STALE_AFTER_DAYS/);
    expect(() => loadConfig({ AVAILABILITY_REMINDER_DAYS: '-1' })).toThrow(/AVAILABILITY_REMINDER_DAYS/);
  });
});

describe('exchange configuration', () => {
  it('Kafka needs its brokers, as a list of host:port', () => {
    expect(() => loadConfig({ EXCHANGE: 'kafka' })).toThrow(/KAFKA_BROKERS/);
    expect(() => loadConfig({ EXCHANGE: 'kafka', KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS="localhost"/);
    expect(loadConfig({ EXCHANGE: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092,kafka-2:9092' }).KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'kafka-2:9092']);
  });

  it('MUNICIPALITIES is a list of four-digit codes', () => {
    expect(loadConfig({ MUNICIPALITIES: '0630,0265' }).MUNICIPALITIES).toEqual(['0630', '0265']);
    expect(() => loadConfig({ MUNICIPALITIES: '630' })).toThrow(/MUNICIPALITIES/);
  });
});

const masterKey = { ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

describe('encryption of personal data', () => {
  it('production refuses to start without a configured master key; development keeps one in DATA_DIR', () => {
    const idp = { JWT_JWKS_URL: 'https://idp.example/certs', JWT_ISSUER: 'https://idp.example', MUNICIPALITIES: '0630' };
    expect(() => loadConfig({ NODE_ENV: 'production', ...idp })).toThrow(/ENCRYPTION_MASTER_KEY: required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', ...idp, ...masterKey }).ENCRYPTION_MASTER_KEY).toBe(masterKey.ENCRYPTION_MASTER_KEY);
    expect(loadConfig({}).ENCRYPTION_MASTER_KEY).toBeUndefined();
  });

  it('a master key is the base64 of 32 bytes', () => {
    expect(() => loadConfig({ ENCRYPTION_MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/ENCRYPTION_MASTER_KEY=.*32 random bytes/);
  });

  it('retention after closing defaults to two years; 0 turns it off', () => {
    expect(loadConfig({}).RETENTION_DAYS_AFTER_CLOSE).toBe(730);
    expect(loadConfig({ RETENTION_DAYS_AFTER_CLOSE: '0' }).RETENTION_DAYS_AFTER_CLOSE).toBe(0);
    expect(() => loadConfig({ RETENTION_DAYS_AFTER_CLOSE: '-1' })).toThrow(/RETENTION_DAYS_AFTER_CLOSE/);
  });
});

describe('identity configuration', () => {
  const idp = { JWT_JWKS_URL: 'https://login.vejle.dk/realms/familybank/protocol/openid-connect/certs', JWT_ISSUER: 'https://login.vejle.dk/realms/familybank' };

  it('defaults to the development issuer, 30 s of clock skew and tokens of at most 12 h', () => {
    expect(loadConfig({})).toMatchObject({ NODE_ENV: 'development', JWT_ISSUER: 'familybank-dev', JWT_CLOCK_SKEW_SECONDS: 30, JWT_MAX_LIFETIME_SECONDS: 43_200 });
  });

  it('refuses to start in production with the development issuer, or without the municipalities it serves', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MUNICIPALITIES: '0630' })).toThrow(/JWT_JWKS_URL: required when NODE_ENV=production .*development issuer is refused/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...idp })).toThrow(/MUNICIPALITIES: required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', MUNICIPALITIES: '0630', ...idp, ...masterKey })).toMatchObject({ NODE_ENV: 'production', JWT_JWKS_URL: idp.JWT_JWKS_URL });
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV="prod"/);
  });

  it("an identity provider needs its own issuer named, and one source of keys", () => {
    expect(() => loadConfig({ JWT_JWKS_URL: idp.JWT_JWKS_URL })).toThrow(/JWT_ISSUER: required with JWT_JWKS_URL/);
    expect(() => loadConfig({ ...idp, JWT_ISSUER: 'familybank-dev' })).toThrow(/JWT_ISSUER/);
    expect(() => loadConfig({ ...idp, JWT_KEYS_FILE: '/etc/familybank/idp.pem' })).toThrow(/JWT_JWKS_URL, JWT_KEYS_FILE: set only one/);
  });

  it('production fetches the keys over https (plain http only on loopback)', () => {
    const production = { NODE_ENV: 'production', MUNICIPALITIES: '0630', JWT_ISSUER: 'https://idp', ...masterKey };
    expect(() => loadConfig({ ...production, JWT_JWKS_URL: 'http://idp.vejle.dk/certs' })).toThrow(/JWT_JWKS_URL: must be https/);
    expect(loadConfig({ ...production, JWT_JWKS_URL: 'http://127.0.0.1:8080/certs' }).JWT_JWKS_URL).toBe('http://127.0.0.1:8080/certs');
    expect(() => loadConfig({ JWT_JWKS_URL: 'ftp://idp/certs', JWT_ISSUER: 'x' })).toThrow(/JWT_JWKS_URL="ftp:\/\/idp\/certs"/);
  });

  it('bounds the clock skew (0–300 s) and the maximum lifetime (1 min – 24 h)', () => {
    expect(loadConfig({ JWT_CLOCK_SKEW_SECONDS: '0', JWT_MAX_LIFETIME_SECONDS: '3600' })).toMatchObject({ JWT_CLOCK_SKEW_SECONDS: 0, JWT_MAX_LIFETIME_SECONDS: 3600 });
    expect(() => loadConfig({ JWT_CLOCK_SKEW_SECONDS: '301' })).toThrow(/JWT_CLOCK_SKEW_SECONDS/);
    expect(() => loadConfig({ JWT_MAX_LIFETIME_SECONDS: '86401' })).toThrow(/JWT_MAX_LIFETIME_SECONDS="86401"/);
  });

  it('maps claim names and provider roles, refusing a role we do not have', () => {
    const config = loadConfig({ JWT_CLAIM_ROLES: 'realm_access.roles', JWT_ROLE_MAP: 'fb-leder=caseworker,fb-leder=approver,fb-revisor=auditor' });
    expect(config).toMatchObject({ JWT_CLAIM_ROLES: 'realm_access.roles', JWT_ROLE_MAP: { 'fb-leder': ['caseworker', 'approver'], 'fb-revisor': ['auditor'] } });
    expect(() => loadConfig({ JWT_ROLE_MAP: 'fb-leder=boss' })).toThrow(/JWT_ROLE_MAP=.*"boss" is not a familybank role/);
    expect(() => loadConfig({ JWT_ROLE_MAP: 'fb-leder' })).toThrow(/JWT_ROLE_MAP/);
  });

  it('JWT_MUNICIPALITY is four digits, and one of the municipalities served', () => {
    expect(loadConfig({ JWT_MUNICIPALITY: '0630', MUNICIPALITIES: '0630' }).JWT_MUNICIPALITY).toBe('0630');
    expect(() => loadConfig({ JWT_MUNICIPALITY: '630' })).toThrow(/JWT_MUNICIPALITY="630"/);
    expect(() => loadConfig({ JWT_MUNICIPALITY: '0101', MUNICIPALITIES: '0630' })).toThrow(/JWT_MUNICIPALITY: 0101 is not among MUNICIPALITIES/);
  });

  it('the console signs in at the provider (OIDC_CLIENT_ID) only when the API verifies that provider, named by its URL', () => {
    expect(loadConfig({ ...idp, OIDC_CLIENT_ID: 'familybank-console' })).toMatchObject({ OIDC_CLIENT_ID: 'familybank-console', OIDC_SCOPE: 'openid' });
    expect(loadConfig({ ...idp, OIDC_CLIENT_ID: 'c', OIDC_SCOPE: 'openid familybank' }).OIDC_SCOPE).toBe('openid familybank');
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'familybank-console' })).toThrow(/OIDC_CLIENT_ID: needs the identity provider/);
    expect(() => loadConfig({ ...idp, JWT_ISSUER: 'urn:idp', OIDC_CLIENT_ID: 'c' })).toThrow(/OIDC_CLIENT_ID: JWT_ISSUER must be the provider's URL/);
    expect(() => loadConfig({ ...idp, OIDC_CLIENT_ID: 'has space' })).toThrow(/OIDC_CLIENT_ID=/);
    expect(() => loadConfig({ ...idp, OIDC_CLIENT_ID: 'c', OIDC_SCOPE: 'openid  x' })).toThrow(/OIDC_SCOPE=/);
    const production = { NODE_ENV: 'production', MUNICIPALITIES: '0630', ...masterKey, JWT_JWKS_URL: 'http://127.0.0.1:8080/certs', OIDC_CLIENT_ID: 'c' };
    expect(() => loadConfig({ ...production, JWT_ISSUER: 'http://idp.vejle.dk' })).toThrow(/JWT_ISSUER must be https/);
  });
});

describe('webhook targets', () => {
  it('internal (loopback, private) receivers are allowed in development and refused in production unless told', () => {
    const production = { NODE_ENV: 'production', MUNICIPALITIES: '0630', JWT_ISSUER: 'https://idp', JWT_JWKS_URL: 'https://idp/certs', ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(loadConfig({}).WEBHOOK_INTERNAL_TARGETS).toBe('allow');
    expect(loadConfig(production).WEBHOOK_INTERNAL_TARGETS).toBe('refuse');
    expect(loadConfig({ ...production, WEBHOOK_INTERNAL_TARGETS: 'allow' }).WEBHOOK_INTERNAL_TARGETS).toBe('allow');
    expect(() => loadConfig({ WEBHOOK_INTERNAL_TARGETS: 'yes' })).toThrow(/WEBHOOK_INTERNAL_TARGETS/);
  });
});

describe('transport settings', () => {
  it('CORS_ORIGINS is none by default (same origin only), else a list of origins', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://console.example.dk,http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://console.example.dk', 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS="\*"/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://console.example.dk/app' })).toThrow(/CORS_ORIGINS/);
  });

  it('IDEMPOTENCY_TTL_HOURS defaults to 24', () => {
    expect(loadConfig({}).IDEMPOTENCY_TTL_HOURS).toBe(24);
    expect(loadConfig({ IDEMPOTENCY_TTL_HOURS: '48' }).IDEMPOTENCY_TTL_HOURS).toBe(48);
    expect(() => loadConfig({ IDEMPOTENCY_TTL_HOURS: '0' })).toThrow(/IDEMPOTENCY_TTL_HOURS/);
  });
});
