import type { FamilybankClient } from '@familybank/api-client';
import { auditCsvFileName, auditQuery, checkAuditFilter, EMPTY_FILTER, fetchAuditCsv } from './audit-model';

describe('the audit query', () => {
  it('leaves blank fields out and trims the rest, so "any" is no filter at all', () => {
    expect(auditQuery(EMPTY_FILTER)).toEqual({});
    expect(auditQuery({ ...EMPTY_FILTER, familyId: ' fam-1 ', contactDetails: 'true', from: '2026-01-01' })).toEqual({ familyId: 'fam-1', contactDetails: 'true', from: '2026-01-01' });
  });

  it('is checked with the API’s schema: a period that ends before it starts, or a user with spaces, is named on its field', () => {
    expect(checkAuditFilter({ ...EMPTY_FILTER, from: '2026-12-01', to: '2026-01-01' })).toEqual({ from: 'custom' });
    expect(checkAuditFilter({ ...EMPTY_FILTER, user: 'anna berg' })).toEqual({ user: 'invalid_format' });
    expect(checkAuditFilter({ ...EMPTY_FILTER, user: 'anna.berg', from: '2026-01-01' })).toEqual({});
  });

  it('names the CSV after the period and the family', () => {
    expect(auditCsvFileName({})).toBe('read-audit_start_today.csv');
    expect(auditCsvFileName({ from: '2026-01-01', to: '2026-02-01', familyId: 'f1' })).toBe('read-audit_2026-01-01_2026-02-01_f1.csv');
  });
});

describe('the audit CSV download', () => {
  it('asks the client for CSV with the same filter, parsed as a blob so that the token is sent', async () => {
    const blob = new Blob(['at;user\r\n']);
    const GET = jest.fn().mockResolvedValue({ data: blob, response: { status: 200 } });
    await expect(fetchAuditCsv({ GET } as unknown as FamilybankClient, { familyId: 'f1' })).resolves.toBe(blob);
    expect(GET).toHaveBeenCalledWith('/v1/audit/reads', { params: { query: { familyId: 'f1', format: 'csv', limit: 1000 } }, parseAs: 'blob' });
  });

  it('refuses an answer that is not a file', async () => {
    const GET = jest.fn().mockResolvedValue({ data: { rows: [] }, response: { status: 200 } });
    await expect(fetchAuditCsv({ GET } as unknown as FamilybankClient, {})).rejects.toThrow(/file/);
  });
});
