/**
 * Form controls with the GOV.UK pattern: label, hint, the error message at the field, all tied
 * together with `aria-describedby`; `aria-invalid` when wrong. Optional fields say so in the
 * label (most fields are required, so marking the exceptions is the shorter read).
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../api/problem';
import { useI18n } from '../i18n';

interface Common {
  /** Input path, as the API names it ("subject", "fields.nationalId"): also the control's id. */
  path: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  optional?: boolean;
}

export function describedBy(path: string, hint: unknown, error: string | undefined) {
  const ids = [hint ? `${fieldId(path)}-hint` : '', error ? `${fieldId(path)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function LabelText({ label, optional }: { label: string; optional?: boolean }) {
  const { t } = useI18n();
  // Some catalogue labels already say "(optional)" in their own words.
  const marked = optional && !label.toLocaleLowerCase().includes(t('form.optional'));
  return (
    <>
      {label}
      {marked ? <span class="optional"> {t('form.optional')}</span> : null}
    </>
  );
}

export function HintAndError({ path, hint, error }: { path: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {hint ? (
        <div class="hint" id={`${fieldId(path)}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="field-error" id={`${fieldId(path)}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'password';
    multiline?: boolean;
    autocomplete?: string;
    inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal';
    width?: 'short' | 'medium';
    spellcheck?: boolean;
  },
) {
  const { path, label, hint, error, optional, value, onInput, multiline } = props;
  const id = fieldId(path);
  const shared = {
    id,
    name: path,
    value,
    'aria-describedby': describedBy(path, hint, error),
    'aria-invalid': error ? true : undefined,
    autocomplete: props.autocomplete,
    spellcheck: props.spellcheck,
    class: props.width ? `input-${props.width}` : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError path={path} hint={hint} error={error} />
      {multiline ? (
        <textarea {...shared} rows={5} />
      ) : (
        // Preact's input types are a union per `type`; one component serves them all.
        <input {...shared} type={(props.type ?? 'text') as 'text'} inputMode={props.inputMode} />
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & { value: string; onChange: (value: string) => void; options: readonly Option[] },
) {
  const { t } = useI18n();
  const { path, label, hint, error, optional, value, onChange, options } = props;
  const id = fieldId(path);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError path={path} hint={hint} error={error} />
      <select
        id={id}
        name={path}
        aria-describedby={describedBy(path, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="" selected={value === ''}>
          {t('form.choose')}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One choice of several as radios in a fieldset; the first radio carries the path's id (summary links). */
export function RadioGroup(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options: readonly Option[];
    /** A legend that reads as the page's question is a heading-sized legend. */
    large?: boolean;
    inline?: boolean;
  },
) {
  const { path, label, hint, error, optional, value, onChange, options } = props;
  const id = fieldId(path);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy(path, hint, error)}>
        <legend class={props.large ? 'legend-large' : undefined}>
          <LabelText label={label} optional={optional} />
        </legend>
        <HintAndError path={path} hint={hint} error={error} />
        <div class={props.inline ? 'choices choices--inline' : 'choices'}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            return (
              <div class="choice" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={path}
                  value={option.value}
                  checked={option.value === value}
                  aria-invalid={error ? true : undefined}
                  onChange={() => onChange(option.value)}
                />
                <label for={optionId}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Several choices (multiselect) as checkboxes in a fieldset. */
export function CheckboxGroup(
  props: Common & { value: readonly string[]; onChange: (value: string[]) => void; options: readonly Option[] },
) {
  const { path, label, hint, error, optional, value, onChange, options } = props;
  const id = fieldId(path);
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy(path, hint, error)}>
        <legend>
          <LabelText label={label} optional={optional} />
        </legend>
        <HintAndError path={path} hint={hint} error={error} />
        <div class="choices">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            return (
              <div class="choice choice--check" key={option.value}>
                <input
                  type="checkbox"
                  id={optionId}
                  name={path}
                  value={option.value}
                  checked={value.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.currentTarget.checked)}
                />
                <label for={optionId}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A single yes/no box: a confirmation ("I am the coordinator") or an answer. */
export function Checkbox(props: Common & { value: boolean; onChange: (value: boolean) => void }) {
  const { path, label, hint, error, value, onChange } = props;
  const id = fieldId(path);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <HintAndError path={path} hint={undefined} error={error} />
      <div class="choice choice--check">
        <input
          type="checkbox"
          id={id}
          name={path}
          checked={value}
          aria-describedby={describedBy(path, hint, error)}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      {hint ? (
        <div class="hint hint--after" id={`${fieldId(path)}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
