import type { FamilybankClient } from '@familybank/api-client';
import { chartRows, checkSelection, csvFileName, fetchCsv, figureQuery, FIGURE_SPECS } from './figure-model';

describe('the figures’ query', () => {
  it('leaves an empty day out, so the figure’s own default period applies', () => {
    expect(figureQuery({ from: '', to: '', grouping: 'quarter' })).toEqual({ grouping: 'quarter' });
    expect(figureQuery({ from: '2025-01-01', to: '2026-12-31', grouping: 'year' })).toEqual({ from: '2025-01-01', to: '2026-12-31', grouping: 'year' });
  });

  it('is checked with the API’s schema: a period that ends before it starts is named on its field', () => {
    expect(checkSelection({ from: '2026-12-01', to: '2026-01-01', grouping: 'month' })).toEqual({ from: 'custom' });
    expect(checkSelection({ from: '2026-13-01', to: '', grouping: 'month' })).toEqual({ from: 'invalid_format' });
    expect(checkSelection({ from: '', to: '', grouping: 'month' })).toEqual({});
  });
});

describe('the CSV download', () => {
  it('asks the client for the figure as CSV with the same query, parsed as a blob so that the token is sent', async () => {
    const blob = new Blob(['\uFEFFperiod;waiting\r\n']);
    const GET = jest.fn().mockResolvedValue({ data: blob, response: { status: 200 } });
    const result = await fetchCsv({ GET } as unknown as FamilybankClient, 'network-share', { grouping: 'year', from: '2025-01-01' });
    expect(result).toBe(blob);
    expect(GET).toHaveBeenCalledWith('/v1/figures/network-share', { params: { query: { grouping: 'year', from: '2025-01-01', format: 'csv' } }, parseAs: 'blob' });
  });

  it('fails on a problem instead of saving it as the file', async () => {
    const GET = jest.fn().mockResolvedValue({ error: { status: 400 }, response: { status: 400 } });
    await expect(fetchCsv({ GET } as unknown as FamilybankClient, 'network-share', { grouping: 'year' })).rejects.toThrow('400');
  });

  it('names the file by figure, period and grouping', () => {
    expect(csvFileName('requests-waiting', { grouping: 'month' })).toBe('requests-waiting_default_today_month.csv');
    expect(csvFileName('time-to-approval', { grouping: 'year', from: '2025-01-01', to: '2026-12-31' })).toBe('time-to-approval_2025-01-01_2026-12-31_year.csv');
  });
});

describe('the chart’s rows', () => {
  it('label each period', () => {
    expect(chartRows(FIGURE_SPECS['requests-waiting'], [{ period: '2026-11', waiting: 2 }])).toEqual([{ period: '2026-11', waiting: 2, label: '2026-11' }]);
  });

  it('sum the funnel per channel over the whole period', () => {
    const rows = [
      { period: '2025', sourceChannel: 'campaign', leads: 4, contacted: 3, approved: 1 },
      { period: '2026', sourceChannel: 'campaign', leads: 6, contacted: 2, approved: 2 },
      { period: '2026', sourceChannel: 'event', leads: 1, contacted: 1, approved: 0 },
    ];
    expect(chartRows(FIGURE_SPECS['recruitment-funnel'], rows)).toEqual([
      { label: 'campaign', leads: 10, contacted: 5, approved: 3 },
      { label: 'event', leads: 1, contacted: 1, approved: 0 },
    ]);
  });
});
