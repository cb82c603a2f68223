import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { ZodType } from 'zod';
import { useAction } from '../api/hooks';
import { Outcome } from '../components/Outcome';
import { draftFor, useDraft } from './drafts';
import { fieldOf, initialValues, toBody, validate, type FieldSpec, type FieldValue, type FormValues } from './form-model';

export interface StepFormProps<Result> {
  /** Names the form for assistive technology, e.g. "Record first contact with Hansen". */
  label: string;
  fields: readonly FieldSpec[];
  /** The request body's zod schema from @familybank/contracts: the same rules as the API's. */
  schema: ZodType;
  initial?: FormValues;
  submitLabel: string;
  successMessage?: string;
  /** Sends the valid body; the idempotency key stays the same while the same body is retried. */
  onSubmit(body: unknown, idempotencyKey: string): Promise<Result>;
  onDone?(result: Result): void;
  /** Adjusts the body before validation (e.g. drops empty rows). */
  finalize?(body: Record<string, unknown>): Record<string, unknown>;
  onReload?(): void;
}

/**
 * A form for one command: validated in the browser with the contract's schema, errors next to their
 * fields (the API's 400 names the same paths), progress and outcome beside the button. A failed
 * send keeps everything typed; a retry of the same input reuses its Idempotency-Key.
 */
export function StepForm<Result>(props: StepFormProps<Result>) {
  const { t } = useTranslation();
  const formId = useId();
  const { pathname, search } = useLocation();
  const initial = initialValues(props.fields, props.initial);
  // What was typed here before a sign-in that had to leave the page comes back (see drafts.ts).
  const [values, setValues] = useState<FormValues>(() => ({ ...initial, ...draftFor(props.label, `${pathname}${search}`) }));
  useDraft(props.label, `${pathname}${search}`, values, initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const attempt = useRef<{ body: string; key: string } | undefined>(undefined);
  const action = useAction((body: unknown, key: string) => props.onSubmit(body, key));

  const set = (name: string, value: FieldValue) => setValues((previous) => ({ ...previous, [name]: value }));
  const message = (code: string, fallback: string) => t(`validation.${code}`, { defaultValue: fallback });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const raw = toBody(props.fields, values);
    const body = props.finalize ? props.finalize(raw) : raw;
    const checked = validate(props.schema, body);
    if (!checked.ok) {
      const byField: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const issue of checked.issues) {
        const field = fieldOf(props.fields, issue.path);
        if (field) byField[field] ??= message(issue.code, issue.message);
        else unplaced.push(message(issue.code, issue.message));
      }
      setErrors(byField);
      setFormErrors(unplaced);
      action.reset();
      return;
    }
    setErrors({});
    setFormErrors([]);
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { body: serialized, key: crypto.randomUUID() };
    const result = await action.run(body, attempt.current.key);
    if (result !== undefined) {
      attempt.current = undefined;
      props.onDone?.(result);
    }
  }

  // The API's field problems (400) land next to the same fields.
  const serverErrors: Record<string, string> = {};
  if (action.state.status === 'failed') {
    for (const [path, reason] of Object.entries(action.state.failure.fieldErrors)) {
      const field = fieldOf(props.fields, path);
      if (field) serverErrors[field] ??= reason;
    }
  }
  const errorOf = (name: string) => errors[name] ?? serverErrors[name];

  return (
    <form aria-label={props.label} onSubmit={submit} noValidate className="fb-form">
      {props.fields.map((spec) => (
        <Control key={spec.name} formId={formId} spec={spec} value={values[spec.name]!} error={errorOf(spec.name)} onChange={(value) => set(spec.name, value)} />
      ))}
      {formErrors.length > 0 ? (
        <ValidationMessage role="alert">{formErrors.join(' ')}</ValidationMessage>
      ) : null}
      <div className="fb-actions">
        <Button type="submit" loading={action.running} disabled={action.running}>
          {props.submitLabel}
        </Button>
      </div>
      <Outcome state={action.state} success={props.successMessage} onReload={props.onReload} />
    </form>
  );
}

function Control({ formId, spec, value, error, onChange }: { formId: string; spec: FieldSpec; value: FieldValue; error?: string; onChange(value: FieldValue): void }) {
  const { t } = useTranslation();
  const id = `${formId}-${spec.name.replace(/\./g, '-')}`;
  const label = spec.labelText ?? t(spec.label ?? `fields.${spec.name}`);
  const description = spec.description ? t(spec.description) : undefined;
  const optionLabel = (option: string) =>
    spec.kind === 'select' || spec.kind === 'multi' ? (spec.optionText?.[option] ?? (spec.optionLabels ? t(`${spec.optionLabels}.${option}`, { defaultValue: option }) : option)) : option;
  switch (spec.kind) {
    case 'select':
      return (
        <Field>
          <Label htmlFor={id}>{label}</Label>
          {description ? <Field.Description>{description}</Field.Description> : null}
          <Select id={id} value={String(value)} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined}>
            <Select.Option value="">{t('form.choose')}</Select.Option>
            {spec.options.map((option) => (
              <Select.Option key={option} value={option}>
                {optionLabel(option)}
              </Select.Option>
            ))}
          </Select>
          {error ? <ValidationMessage>{error}</ValidationMessage> : null}
        </Field>
      );
    case 'multi': {
      const selected = value as string[];
      return (
        <Fieldset>
          <Fieldset.Legend>{label}</Fieldset.Legend>
          {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
          <div className="fb-options">
            {spec.options.map((option) => (
              <Checkbox
                key={option}
                id={`${id}-${option}`}
                label={optionLabel(option)}
                value={option}
                checked={selected.includes(option)}
                onChange={(event) => onChange(event.target.checked ? [...selected, option] : selected.filter((v) => v !== option))}
              />
            ))}
          </div>
          {error ? <ValidationMessage>{error}</ValidationMessage> : null}
        </Fieldset>
      );
    }
    case 'boolean':
      return <Checkbox id={id} label={label} description={description} checked={value === true} onChange={(event) => onChange(event.target.checked)} error={error} />;
    default: {
      const common = { id, label, description, error, value: String(value) };
      if (spec.kind === 'textarea' || spec.kind === 'lines') {
        return <Textfield {...common} multiline rows={3} onChange={(event) => onChange(event.target.value)} />;
      }
      return (
        <Textfield
          {...common}
          type={spec.kind === 'number' ? 'text' : spec.kind}
          inputMode={spec.kind === 'number' ? 'numeric' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    }
  }
}
