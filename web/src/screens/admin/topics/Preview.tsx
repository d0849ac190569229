/**
 * The form as citizens will see it, in the reader's language, drawn by the same code that
 * draws it for them (../../TopicForm.tsx): try it, nothing is sent.
 */
import { useState } from 'preact/hooks';
import type { FormField } from '../../../api/types';
import { useMessages } from '../../../i18n/bundle';
import type { FieldValues } from '../../../lib/validation';
import { TopicFields } from '../../TopicForm';
import { messages } from './messages';
import { type FieldDraft, hasOptions } from './model';

export function Preview({ fields }: { fields: readonly FieldDraft[] }) {
  const { t, lang } = useMessages(messages);
  const [values, setValues] = useState<FieldValues>({});
  const byName = new Map<string, FieldDraft>();
  // Controls take their ids from the keys: a field without one, or with another's, waits until it has its own.
  for (const field of fields) {
    const name = field.name.trim();
    if (name && !byName.has(name)) byName.set(name, field);
  }
  const shown: FormField[] = [...byName].map(([name, field]) => {
    const help = field.help[lang].trim();
    const target = field.when.field ? byName.get(field.when.field) : undefined;
    return {
      name,
      type: field.type,
      required: field.required,
      label: field.label[lang].trim() || name,
      ...(help ? { help } : {}),
      ...(hasOptions(field.type)
        ? {
            options: field.options.map((option) => ({
              value: option.value,
              label: option.label[lang].trim() || option.value,
            })),
          }
        : {}),
      ...(field.transient ? { transient: true } : {}),
      ...(field.when.field
        ? {
            requiredWhen: {
              field: field.when.field,
              equals: target?.type === 'checkbox' ? field.when.equals === 'true' : field.when.equals,
            },
          }
        : {}),
    };
  });
  return (
    <section class="topic-preview" aria-labelledby="topic-preview-title">
      <h2 id="topic-preview-title">{t('topic.preview')}</h2>
      <p class="hint">{t('topic.previewHint')}</p>
      {shown.length === 0 ? (
        <p>{t('topic.previewEmpty')}</p>
      ) : (
        <div class="topic-preview-form">
          <TopicFields
            fields={shown}
            values={values}
            errors={{}}
            onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
          />
        </div>
      )}
    </section>
  );
}
