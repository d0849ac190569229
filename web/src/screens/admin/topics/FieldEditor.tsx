/**
 * One field of a topic's form, in a fieldset named after it: key, type, required, label in four
 * languages, limits and options where the type has them, and folded away (help, one-time answer,
 * condition) what most fields do without. Buttons say which field they act on.
 */
import { useState } from 'preact/hooks';
import { fieldId } from '../../../api/problem';
import { type AreaTranslate, useMessages } from '../../../i18n/bundle';
import type { Language } from '../../../i18n/languages';
import { Check, type Choice, LocalizedText, Select, Text } from './controls';
import { messages } from './messages';
import {
  FIELD_TYPES,
  type FieldDraft,
  FOLDED,
  hasMaxLength,
  hasOptions,
  hasRange,
  newOption,
  type OptionDraft,
  reindexErrors,
} from './model';

type Translate = AreaTranslate<keyof (typeof messages)['ca'] & string>;

/** How a field is called to people: its label in their language, else its key. */
export const fieldTitle = (field: FieldDraft, lang: Language, t: Translate): string =>
  field.label[lang].trim() || field.name.trim() || t('field.untitled');

function Optional({ children }: { children: string }) {
  const { t } = useMessages(messages);
  return (
    <>
      {children} <span class="optional">{t('form.optional')}</span>
    </>
  );
}

export function FieldEditor(props: {
  field: FieldDraft;
  index: number;
  fields: readonly FieldDraft[];
  errors: Record<string, string>;
  onChange: (field: FieldDraft) => void;
  onRename: (name: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onErrors: (change: (errors: Record<string, string>) => Record<string, string>) => void;
  /** Focus this element once the change is on screen. */
  focus: (elementId: string) => void;
}) {
  const { field, index, fields, errors, onChange } = props;
  const { t, lang } = useMessages(messages);
  const [open, setOpen] = useState(false);
  const at = `form.fields.${index}`;
  const name = fieldTitle(field, lang, t);
  const error = (path: string) => errors[`${at}.${path}`];
  const update = (change: Partial<FieldDraft>) => onChange({ ...field, ...change });
  // A fold with a wrong control in it opens, so the summary's link lands on something visible.
  const foldedWrong = Object.keys(errors).some((path) => FOLDED.some((part) => path.startsWith(`${at}.${part}`)));

  const setOption = (o: number, option: OptionDraft) =>
    update({ options: field.options.map((other, i) => (i === o ? option : other)) });
  const addOption = () => {
    update({ options: [...field.options, newOption()] });
    props.focus(fieldId(`${at}.options.${field.options.length}.value`));
  };
  const removeOption = (o: number) => {
    update({ options: field.options.filter((_, i) => i !== o) });
    props.onErrors((current) =>
      reindexErrors(current, `${at}.options`, (i) => (i < o ? i : i > o ? i - 1 : undefined)),
    );
    props.focus(fieldId(`${at}.options`));
  };

  const others = fields.filter((other) => other.key !== field.key && other.name.trim() !== '');
  const conditionChoices: Choice[] = [
    { value: '', label: t('field.whenNone') },
    ...others.map((other) => ({
      value: other.name.trim(),
      label: `${fieldTitle(other, lang, t)} (${other.name.trim()})`,
    })),
  ];
  // A condition on a field that is gone stays visible, for the API to name the problem.
  if (field.when.field && !conditionChoices.some((choice) => choice.value === field.when.field)) {
    conditionChoices.push({ value: field.when.field, label: field.when.field });
  }
  const target = others.find((other) => other.name.trim() === field.when.field);
  const chooseCondition = (value: string) => {
    const on = others.find((other) => other.name.trim() === value);
    const equals =
      on?.type === 'checkbox' ? 'true' : hasOptions(on?.type ?? 'text') ? (on?.options[0]?.value ?? '') : '';
    update({ when: { field: value, equals } });
  };
  const equalsPath = `${at}.requiredWhen.equals`;
  const setEquals = (equals: string) => update({ when: { ...field.when, equals } });

  return (
    <fieldset class="topic-field" id={fieldId(at)} tabIndex={-1}>
      <legend>{t('field.legend', { n: index + 1, name })}</legend>
      <div class="topic-field-actions">
        <button
          type="button"
          id={`up-${field.key}`}
          class="button button--secondary topic-small"
          aria-disabled={index === 0 ? 'true' : undefined}
          onClick={() => props.onMove(-1)}
        >
          <span aria-hidden="true">↑ </span>
          {t('field.moveUp', { name })}
        </button>
        <button
          type="button"
          id={`down-${field.key}`}
          class="button button--secondary topic-small"
          aria-disabled={index === fields.length - 1 ? 'true' : undefined}
          onClick={() => props.onMove(1)}
        >
          <span aria-hidden="true">↓ </span>
          {t('field.moveDown', { name })}
        </button>
        <button type="button" class="button button--secondary topic-small" onClick={props.onRemove}>
          {t('field.remove', { name })}
        </button>
      </div>
      <Text
        path={`${at}.name`}
        label={t('field.key')}
        hint={t('field.keyHint')}
        width="medium"
        spellcheck={false}
        value={field.name}
        onInput={props.onRename}
        error={error('name')}
      />
      <Select
        path={`${at}.type`}
        label={t('field.type')}
        value={field.type}
        onChange={(type) => update({ type: type as FieldDraft['type'] })}
        choices={FIELD_TYPES.map((type) => ({ value: type, label: t(`fieldType.${type}`) }))}
        error={error('type')}
      />
      <Check
        path={`${at}.required`}
        label={t('field.required')}
        hint={field.type === 'checkbox' ? t('field.requiredHint') : undefined}
        value={field.required}
        onChange={(required) => update({ required })}
        error={error('required')}
      />
      <LocalizedText
        path={`${at}.label`}
        legend={t('field.label')}
        value={field.label}
        onChange={(label) => update({ label })}
        errors={errors}
      />
      {hasMaxLength(field.type) ? (
        <Text
          path={`${at}.maxLength`}
          label={<Optional>{t('field.maxLength')}</Optional>}
          width="short"
          inputMode="numeric"
          value={field.maxLength}
          onInput={(maxLength) => update({ maxLength })}
          error={error('maxLength')}
        />
      ) : null}
      {hasRange(field.type) ? (
        <div class="topic-range">
          <Text
            path={`${at}.min`}
            label={<Optional>{t('field.min')}</Optional>}
            width="short"
            inputMode="decimal"
            value={field.min}
            onInput={(min) => update({ min })}
            error={error('min')}
          />
          <Text
            path={`${at}.max`}
            label={<Optional>{t('field.max')}</Optional>}
            width="short"
            inputMode="decimal"
            value={field.max}
            onInput={(max) => update({ max })}
            error={error('max')}
          />
        </div>
      ) : null}
      {hasOptions(field.type) ? (
        <fieldset class="topic-options">
          <legend>{t('field.options', { name })}</legend>
          {field.options.length === 0 ? <p>{t('field.noOptions')}</p> : null}
          <ol class="topic-option-list">
            {field.options.map((option, o) => (
              <li key={option.key}>
                <fieldset class="topic-option">
                  <legend>{t('field.option', { n: o + 1 })}</legend>
                  <Text
                    path={`${at}.options.${o}.value`}
                    label={t('field.optionValue')}
                    width="medium"
                    spellcheck={false}
                    value={option.value}
                    onInput={(value) => setOption(o, { ...option, value })}
                    error={error(`options.${o}.value`)}
                  />
                  <LocalizedText
                    path={`${at}.options.${o}.label`}
                    legend={t('field.optionLabel')}
                    value={option.label}
                    onChange={(label) => setOption(o, { ...option, label })}
                    errors={errors}
                  />
                  <button type="button" class="button button--secondary topic-small" onClick={() => removeOption(o)}>
                    {t('field.removeOption', { n: o + 1, name })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <div class={error('options') ? 'field field--error' : 'field'}>
            {error('options') ? (
              <p class="field-error" id={`${fieldId(`${at}.options`)}-error`}>
                {error('options')}
              </p>
            ) : null}
            <button
              type="button"
              id={fieldId(`${at}.options`)}
              class="button button--secondary topic-small"
              aria-describedby={error('options') ? `${fieldId(`${at}.options`)}-error` : undefined}
              onClick={addOption}
            >
              {t('field.addOption', { name })}
            </button>
          </div>
        </fieldset>
      ) : null}
      <details
        class="topic-more"
        open={open || foldedWrong}
        onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{t('field.more')}</summary>
        <LocalizedText
          path={`${at}.help`}
          legend={<Optional>{t('field.help')}</Optional>}
          hint={t('field.helpHint')}
          multiline
          value={field.help}
          onChange={(help) => update({ help })}
          errors={errors}
        />
        <Check
          path={`${at}.transient`}
          label={t('field.transient')}
          hint={t('field.transientHint')}
          value={field.transient}
          onChange={(transient) => update({ transient })}
          error={error('transient')}
        />
        <Select
          path={`${at}.requiredWhen.field`}
          label={t('field.when')}
          hint={t('field.whenHint')}
          value={field.when.field}
          onChange={chooseCondition}
          choices={conditionChoices}
          error={error('requiredWhen.field')}
        />
        {!field.when.field ? null : target?.type === 'checkbox' ? (
          <Select
            path={equalsPath}
            label={t('field.equals')}
            value={field.when.equals}
            onChange={setEquals}
            choices={[
              { value: 'true', label: t('field.ticked') },
              { value: 'false', label: t('field.unticked') },
            ]}
            error={errors[equalsPath]}
          />
        ) : target && hasOptions(target.type) && target.options.length > 0 ? (
          <Select
            path={equalsPath}
            label={t('field.equals')}
            value={field.when.equals}
            onChange={setEquals}
            choices={target.options.map((option) => ({
              value: option.value,
              label: option.label[lang].trim() || option.value,
            }))}
            error={errors[equalsPath]}
          />
        ) : (
          <Text
            path={equalsPath}
            label={t('field.equals')}
            width="medium"
            value={field.when.equals}
            onInput={setEquals}
            error={errors[equalsPath]}
          />
        )}
      </details>
    </fieldset>
  );
}
