import type { ZodType } from 'zod';

/** `label` is an i18n key (default `fields.<name>`); `labelText` an already translated label (e.g. numbered rows). */
interface Labelled {
  name: string;
  label?: string;
  labelText?: string;
  description?: string;
}

/** One control of a form, named by its path in the request body (`ageRange.min`, `adults.0.fullName`). */
export type FieldSpec =
  | (Labelled & { kind: 'text' | 'textarea' | 'date' | 'datetime-local' | 'email' | 'tel' | 'number' | 'lines' })
  | (Labelled & {
      kind: 'select' | 'multi';
      options: readonly string[];
      /** i18n key prefix of the options' labels (`vocab.careType` → `vocab.careType.respite`) */
      optionLabels?: string;
      /** Labels that are not translated (names of places, or built by Intl) */
      optionText?: Readonly<Record<string, string>>;
    })
  | (Labelled & { kind: 'boolean' });

export type FieldValue = string | string[] | boolean;
export type FormValues = Record<string, FieldValue>;

export const emptyValue = (spec: FieldSpec): FieldValue => (spec.kind === 'multi' ? [] : spec.kind === 'boolean' ? false : '');

export function initialValues(fields: readonly FieldSpec[], initial: FormValues = {}): FormValues {
  return Object.fromEntries(fields.map((spec) => [spec.name, initial[spec.name] ?? emptyValue(spec)]));
}

/** The request body the controls describe: empty optional controls are left out, so the schema's defaults apply. */
export function toBody(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = convert(spec, values[spec.name] ?? emptyValue(spec));
    if (value !== undefined) setPath(body, spec.name.split('.'), value);
  }
  return body;
}

function convert(spec: FieldSpec, value: FieldValue): unknown {
  switch (spec.kind) {
    case 'boolean':
      return value === true;
    case 'multi':
      return value as string[];
    case 'number': {
      const text = String(value).trim();
      // A number that does not parse is passed on as text, so the schema names the field.
      return text === '' ? undefined : Number.isNaN(Number(text)) ? text : Number(text);
    }
    case 'lines':
      return String(value)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    default: {
      const text = String(value).trim();
      return text === '' ? undefined : text;
    }
  }
}

function setPath(target: Record<string, unknown> | unknown[], [head, ...rest]: string[], value: unknown): void {
  const key = /^\d+$/.test(head!) ? Number(head) : head!;
  if (rest.length === 0) {
    (target as Record<string | number, unknown>)[key] = value;
    return;
  }
  const container = target as Record<string | number, unknown>;
  container[key] ??= /^\d+$/.test(rest[0]!) ? [] : {};
  setPath(container[key] as Record<string, unknown>, rest, value);
}

export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** Checks the body with the same zod schema the API uses; issues carry the field's path. */
export function validate(schema: ZodType, body: unknown): { ok: true; data: unknown } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })) };
}

/** An issue belongs to the control with the same path, or to the nearest control above it (`ageRange` for `ageRange.min`). */
export function fieldOf(fields: readonly FieldSpec[], path: string): string | undefined {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const name = parts.join('.');
    if (fields.some((spec) => spec.name === name)) return name;
  }
  // An issue about a whole object (`ageRange`) goes to its first control.
  return fields.find((spec) => spec.name.startsWith(`${path}.`))?.name;
}
