import type { FormField } from '../api/client';
import type { FieldErrors } from '../api/problem';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextField } from '../components/fields';
import { useI18n } from '../i18n';
import { type FieldValue, type FieldValues, isRequired, isShown } from '../lib/validation';

/** A topic's own form, rendered from its field definitions (GET /topics). */
export function TopicFields({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: readonly FormField[];
  values: FieldValues;
  errors: FieldErrors;
  onChange: (name: string, value: FieldValue) => void;
}) {
  return (
    <>
      {fields
        .filter((field) => isShown(field, values))
        .map((field) => (
          <TopicField
            key={field.name}
            field={field}
            value={values[field.name]}
            required={isRequired(field, values)}
            error={errors[`fields.${field.name}`]}
            onChange={(value) => onChange(field.name, value)}
          />
        ))}
    </>
  );
}

function TopicField({
  field,
  value,
  required,
  error,
  onChange,
}: {
  field: FormField;
  value: FieldValue | undefined;
  required: boolean;
  error?: string;
  onChange: (value: FieldValue) => void;
}) {
  const { t } = useI18n();
  const path = `fields.${field.name}`;
  // A transient value (a mobile for the first password) is used once and never stored: say so.
  const hint =
    field.help || field.transient ? (
      <>
        {field.help}
        {field.help && field.transient ? ' ' : null}
        {field.transient ? <strong>{t('form.transient')}</strong> : null}
      </>
    ) : undefined;
  const common = { path, label: field.label, hint, error, optional: !required };
  const text = typeof value === 'string' ? value : '';
  const options = field.options ?? [];
  switch (field.type) {
    case 'textarea':
      return <TextField {...common} multiline value={text} onInput={onChange} />;
    case 'email':
    case 'corporate_email':
      return (
        <TextField {...common} type="email" autocomplete="email" spellcheck={false} value={text} onInput={onChange} />
      );
    case 'national_id':
      return <TextField {...common} width="medium" spellcheck={false} value={text} onInput={onChange} />;
    case 'phone':
      return <TextField {...common} type="tel" autocomplete="tel" width="medium" value={text} onInput={onChange} />;
    case 'date':
      return <TextField {...common} type="date" width="medium" value={text} onInput={onChange} />;
    case 'number':
      return <TextField {...common} inputMode="decimal" width="short" value={text} onInput={onChange} />;
    case 'select':
      // A few choices read best as radios; a long list stays a select.
      return options.length <= 5 ? (
        <RadioGroup {...common} options={options} value={text} onChange={onChange} />
      ) : (
        <SelectField {...common} options={options} value={text} onChange={onChange} />
      );
    case 'multiselect':
      return (
        <CheckboxGroup {...common} options={options} value={Array.isArray(value) ? value : []} onChange={onChange} />
      );
    case 'checkbox':
      return <Checkbox {...common} value={value === true} onChange={onChange} />;
    default:
      return <TextField {...common} value={text} onInput={onChange} />;
  }
}
