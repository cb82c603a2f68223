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
