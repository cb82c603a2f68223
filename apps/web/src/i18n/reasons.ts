/**
 * The server's reasons (a code with its params, beside its English sentence) written in the
 * reader's language: the code picks the text (locales/reasons.*), the params are shown the
 * locale's way (vocabulary translated, dates, months, lists and language names per locale).
 * Problems likewise: the problem's code picks a sentence; an unknown code shows the server's detail.
 */
import type { Problem } from '@familybank/api-client';
import type { ExclusionReason, MatchReason, WorklistReason } from '@familybank/contracts';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from './format';

export type Reason = MatchReason | ExclusionReason | WorklistReason;
export type ReasonArea = 'match' | 'exclusion' | 'worklist';

type FreeRange = { from: string; to?: string; places: number };
const MONTH = /^\d{4}-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^\d{4}-W\d{2}$/;
/** A municipality as the reader knows it ("Roskilde (0265)"); without the directory's names, the code. */
export type MunicipalityLabel = (code: string) => string;
const codeOnly: MunicipalityLabel = (code) => code;

function describe(t: TFunction, format: Formatters, ranges: readonly FreeRange[]): string {
  if (ranges.length === 0) return t('reasons.noFreeMonth');
  const period = (from: string, to: string) => (from === to ? format.month(from) : `${format.month(from)} – ${format.month(to)}`);
  return format.list(
    ranges.map((range) =>
      range.to === undefined
        ? t('reasons.freeFrom', { places: format.number(range.places), from: format.month(range.from) })
        : t('reasons.freeIn', { places: format.number(range.places), period: period(range.from, range.to) }),
    ),
  );
}

/**
 * The params of a reason as its sentence shows them. Each param name means the same in every code
 * (see the contract): regions by name, municipalities (requester, partner) by `municipality`.
 */
export function displayParams(reason: Reason, t: TFunction, format: Formatters, municipality: MunicipalityLabel = codeOnly): Record<string, string> {
  const params = reason.params as Record<string, unknown>;
  const shown: Record<string, string> = {};
  const vocabulary = (key: string, values: readonly string[]) => format.list(values.map((value) => t(`${key}.${value}`, { defaultValue: value })));
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') shown[name] = format.number(value);
    else if (typeof value === 'string') shown[name] = MONTH.test(value) ? format.month(value) : DATE.test(value) ? format.date(value) : WEEK.test(value) ? format.week(value) : value;
  }
  for (const name of ['region', 'childRegion'] as const) if (typeof params[name] === 'string') shown[name] = format.region(params[name] as string);
  for (const name of ['requester', 'partner'] as const) if (typeof params[name] === 'string') shown[name] = municipality(params[name] as string);
  if ('present' in params) {
    const present = params.present as string[];
    shown.present = present.length > 0 ? vocabulary('vocab.competence', present) : t('reasons.none');
    shown.found = format.number(present.length);
  }
  if ('missing' in params) shown.missing = vocabulary('vocab.competence', params.missing as string[]);
  if ('languages' in params) shown.languages = format.list((params.languages as string[]).map(format.languageName));
  if ('childLanguages' in params) shown.childLanguages = format.list((params.childLanguages as string[]).map(format.languageName));
  if ('offered' in params) shown.offered = vocabulary('vocab.careType', params.offered as string[]);
  for (const name of ['needed', 'careType'] as const) if (typeof params[name] === 'string') shown[name] = t(`vocab.careType.${params[name] as string}`);
  if ('patterns' in params) {
    const patterns = params.patterns as string[];
    shown.norOn = patterns.length > 0 ? t('reasons.norOn', { patterns: vocabulary('vocab.pattern', patterns) }) : '';
  }
  if ('relation' in params) shown.relation = t(`network.relations.${params.relation as string}`);
  if ('cause' in params) shown.cause = t(`reasons.causes.${params.cause as string}`);
  if ('checks' in params) shown.checks = vocabulary('vocab.checkKind', (params.checks as Array<{ kind: string }>).map((check) => check.kind));
  if ('from' in params && 'to' in params) shown.period = params.from === params.to ? format.month(params.from as string) : `${format.month(params.from as string)} – ${format.month(params.to as string)}`;
  if (Array.isArray(params.free)) shown.free = describe(t, format, params.free as FreeRange[]);
  if (reason.code === 'period.free-throughout') shown.freeNote = params.free ? t('reasons.freeNote', { free: shown.free }) : '';
  if (reason.code === 'acceptance-pending.chase') shown.partner ??= t('reasons.theOwner');
  return shown;
}

/** A reason in the reader's language. */
export function reasonText(t: TFunction, format: Formatters, area: ReasonArea, reason: Reason, municipality: MunicipalityLabel = codeOnly): string {
  return t(`reasons.${area}.${reason.code}`, displayParams(reason, t, format, municipality));
}

/** Reasons in the reader's language; a screen that has the directory's names passes `municipality` (useMunicipalityLabel). */
export function useReasonText(municipality: MunicipalityLabel = codeOnly): (area: ReasonArea, reason: Reason) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback((area, reason) => reasonText(t, format, area, reason, municipality), [t, format, municipality]);
}


/**
 * What a problem says, in the reader's language: the sentence of its code, or the server's detail
 * when the console has none for that code; then, for a family that does not fit a request, each
 * failed filter from the problem's details (their reasons).
 */
export function problemLines(t: TFunction, format: Formatters, problem: Problem): string[] {
  // A text, not a whole area (a code "FAMILY" names one), and only once the problem texts are loaded.
  const text: unknown = t(`problems.${problem.code}`, { returnObjects: true, defaultValue: '' });
  const sentence = typeof text === 'string' && text !== '' ? text : (problem.detail ?? '');
  const details = problem.details ?? {};
  const exclusions = Array.isArray(details.exclusions) ? (details.exclusions as Array<{ explanation?: string; reason?: ExclusionReason }>) : [];
  const single = details.reason ? [{ reason: details.reason as ExclusionReason, explanation: details.explanation as string | undefined }] : [];
  const why = [...exclusions, ...single].map((exclusion) => (exclusion.reason ? reasonText(t, format, 'exclusion', exclusion.reason) : (exclusion.explanation ?? '')));
  return [sentence, ...why].filter((line) => line !== '');
}
