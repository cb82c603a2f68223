import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { RecordBackgroundCheckResult } from './family.commands';
import {
  NOW,
  approved,
  checkResult,
  checksClear,
  checksRequested,
  checksWithRemarks,
  interviewed,
  remarksAssessed,
  screened,
  stateAfter,
} from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });

const result = (data: Partial<RecordBackgroundCheckResult['data']>): RecordBackgroundCheckResult => ({
  type: 'RecordBackgroundCheckResult',
  data: { adultId: 'a1', kind: 'child-protection', outcome: 'clear', receivedOn: '2026-03-07', ...data },
});

describe('request background checks', () => {
  it('request checks, without naming adults or kinds, requests both kinds for every adult', () => {
    spec.given(interviewed).when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10' } }).then([
      {
        type: 'BackgroundChecksRequested',
        data: {
          on: '2026-03-10',
          checks: [
            { adultId: 'a1', kind: 'child-protection' },
            { adultId: 'a1', kind: 'criminal-record' },
            { adultId: 'a2', kind: 'child-protection' },
            { adultId: 'a2', kind: 'criminal-record' },
          ],
        },
      },
    ]);
  });

  it('request checks, naming adults and kinds, requests exactly those', () => {
    spec
      .given(interviewed)
      .when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10', adultIds: ['a2'], kinds: ['criminal-record'] } })
      .then([{ type: 'BackgroundChecksRequested', data: { on: '2026-03-10', checks: [{ adultId: 'a2', kind: 'criminal-record' }] } }]);
  });

  it('request checks, naming only adults, requests both kinds for them', () => {
    spec.given(interviewed).when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10', adultIds: ['a1'] } }).then([
      {
        type: 'BackgroundChecksRequested',
        data: {
          on: '2026-03-10',
          checks: [
            { adultId: 'a1', kind: 'child-protection' },
            { adultId: 'a1', kind: 'criminal-record' },
          ],
        },
      },
    ]);
  });

  it('request checks, while checks are already running, requests more', () => {
    spec
      .given(checksRequested)
      .when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10', adultIds: ['a1'], kinds: ['child-protection'] } })
      .then([{ type: 'BackgroundChecksRequested', data: { on: '2026-03-10', checks: [{ adultId: 'a1', kind: 'child-protection' }] } }]);
  });

  it('request checks, for an adult outside the household, is refused', () => {
    spec
      .given(interviewed)
      .when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10', adultIds: ['a1', 'stranger'] } })
      .thenThrows('FAMILY.UNKNOWN_ADULT', { adultId: 'stranger' });
  });

  it('request checks, before the interview, is refused as the wrong stage', () => {
    spec.given(screened).when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10' } }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'screened' });
  });

  it('request checks, after approval, is refused as the wrong stage', () => {
    spec.given(approved).when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10' } }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approved' });
  });
});

describe('record background check result', () => {
  it('record result, for a requested clear check, records it', () => {
    spec.given(checksRequested).when(result({})).then([{ type: 'BackgroundCheckReceived', data: result({}).data }]);
  });

  it('record result, for a requested check with categorised remarks, records it', () => {
    const command = result({ kind: 'criminal-record', outcome: 'remarks', remarkCategory: 'traffic' });
    spec.given(checksRequested).when(command).then([{ type: 'BackgroundCheckReceived', data: command.data }]);
  });

  it('record result, for an adult outside the household, is refused', () => {
    spec.given(checksRequested).when(result({ adultId: 'stranger' })).thenThrows('FAMILY.UNKNOWN_ADULT', { adultId: 'stranger' });
  });

  it('record result, for a check never requested, is refused', () => {
    const onlyOne = [
      ...interviewed,
      { type: 'BackgroundChecksRequested' as const, data: { on: '2026-03-05', checks: [{ adultId: 'a1', kind: 'criminal-record' as const }] } },
    ];
    spec.given(onlyOne).when(result({ adultId: 'a1', kind: 'child-protection' })).thenThrows('FAMILY.CHECK_NOT_REQUESTED', {
      adultId: 'a1',
      kind: 'child-protection',
    });
  });

  it('record result, when that check is already recorded, is refused', () => {
    spec.given([...checksRequested, checkResult('a1', 'child-protection')]).when(result({})).thenThrows('FAMILY.CHECK_ALREADY_RECEIVED', {
      adultId: 'a1',
      kind: 'child-protection',
    });
  });

  it('record result, with remarks but no remark category, is refused', () => {
    spec.given(checksRequested).when(result({ outcome: 'remarks' })).thenThrows('FAMILY.REMARKS_NEED_CATEGORY');
  });

  it('record result, clear but with a remark category, is refused', () => {
    spec.given(checksRequested).when(result({ outcome: 'clear', remarkCategory: 'drugs' })).thenThrows('FAMILY.CLEAR_CHECK_HAS_NO_CATEGORY');
  });

  it('record result, before checks were requested, is refused as the wrong stage', () => {
    spec.given(interviewed).when(result({})).thenThrows('FAMILY.WRONG_STAGE', { stage: 'interviewed' });
  });
});

describe('assess background check remarks', () => {
  it('assess remarks, as acceptable, records the assessment', () => {
    const { data } = remarksAssessed(true);
    spec.given(checksWithRemarks('traffic')).when({ type: 'AssessBackgroundCheckRemarks', data }).then([{ type: 'BackgroundCheckRemarksAssessed', data }]);
  });

  it('assess remarks, as not acceptable, records the assessment', () => {
    const { data } = remarksAssessed(false);
    spec.given(checksWithRemarks('violence')).when({ type: 'AssessBackgroundCheckRemarks', data }).then([{ type: 'BackgroundCheckRemarksAssessed', data }]);
  });

  it('assess remarks, on a clear check, is refused: there is nothing to assess', () => {
    const data = { ...remarksAssessed(true).data, adultId: 'a1' };
    spec.given(checksWithRemarks('traffic')).when({ type: 'AssessBackgroundCheckRemarks', data }).thenThrows('FAMILY.NO_REMARKS_TO_ASSESS', { adultId: 'a1' });
  });

  it('assess remarks, on a check not yet received, is refused: there is nothing to assess', () => {
    spec.given(checksRequested).when({ type: 'AssessBackgroundCheckRemarks', data: remarksAssessed(true).data }).thenThrows('FAMILY.NO_REMARKS_TO_ASSESS');
  });

  it('assess remarks, of an offence against children as acceptable, is refused: such remarks always block', () => {
    spec
      .given(checksWithRemarks('offence-against-children'))
      .when({ type: 'AssessBackgroundCheckRemarks', data: remarksAssessed(true).data })
      .thenThrows('FAMILY.REMARKS_ALWAYS_BLOCK', { adultId: 'a2', category: 'offence-against-children' });
  });

  it('assess remarks, of an offence against children as blocking, records the assessment', () => {
    const { data } = remarksAssessed(false);
    spec.given(checksWithRemarks('offence-against-children')).when({ type: 'AssessBackgroundCheckRemarks', data }).then([{ type: 'BackgroundCheckRemarksAssessed', data }]);
  });

  it('assess remarks, after approval, is refused as the wrong stage', () => {
    spec.given(approved).when({ type: 'AssessBackgroundCheckRemarks', data: remarksAssessed(true).data }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approved' });
  });
});

describe('background check state', () => {
  it('requesting checks moves the family to background-checks and tracks each requested check', () => {
    const state = stateAfter(checksRequested);
    expect(state.status).toBe('background-checks');
    expect(state.checks).toEqual([
      { adultId: 'a1', kind: 'child-protection', requestedOn: '2026-03-05' },
      { adultId: 'a1', kind: 'criminal-record', requestedOn: '2026-03-05' },
      { adultId: 'a2', kind: 'child-protection', requestedOn: '2026-03-05' },
      { adultId: 'a2', kind: 'criminal-record', requestedOn: '2026-03-05' },
    ]);
  });

  it('a received result is kept on its check, leaving the others untouched', () => {
    const state = stateAfter([...checksRequested, checkResult('a2', 'criminal-record', 'drugs')]);
    expect(state.checks.find((check) => check.adultId === 'a2' && check.kind === 'criminal-record')?.result).toEqual(checkResult('a2', 'criminal-record', 'drugs').data);
    expect(state.checks.filter((check) => check.result !== undefined)).toHaveLength(1);
  });

  it('an assessment is kept on the check it assesses', () => {
    const state = stateAfter([...checksWithRemarks('traffic'), remarksAssessed(true)]);
    expect(state.checks.find((check) => check.adultId === 'a2' && check.kind === 'criminal-record')?.assessment).toEqual({
      acceptable: true,
      assessment: 'Old speeding fine',
    });
  });

  it('every check has a result once all are received', () => {
    expect(stateAfter(checksClear).checks.every((check) => check.result?.outcome === 'clear')).toBe(true);
  });
});
