/**
 * The editor's controls, with the markup of components/fields.tsx (label, hint, the error at the
 * field, `aria-describedby`, ids from the API's paths) plus what the editor needs beyond it:
 * text in a stated language (`lang`, so spelling and speech follow it) and grouped options.
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../../../api/problem';
import { describedBy, HintAndError } from '../../../components/fields';
import { LANGUAGE_NAMES } from '../../../i18n/languages';
import { LANGS, type Localized } from './model';

interface Common {
  /** The API's path of the value: also the control's id. */
  path: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
}

export function Text(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    lang?: string;
    multiline?: boolean;
    inputMode?: 'text' | 'numeric' | 'decimal';
    width?: 'short' | 'medium';
    spellcheck?: boolean;
  },
) {
  const { path, label, hint, error, value, onInput } = props;
  const shared = {
    id: fieldId(path),
    value,
    lang: props.lang,
    spellcheck: props.spellcheck,
    'aria-describedby': describedBy(path, hint, error),
    'aria-invalid': error ? true : undefined,
    class: props.width ? `input-${props.width}` : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={shared.id}>{label}</label>
      <HintAndError path={path} hint={hint} error={error} />
      {props.multiline ? (
        <textarea {...shared} rows={4} />
      ) : (
        <input {...shared} type="text" inputMode={props.inputMode} />
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A select whose choices may come in groups (`<optgroup>`): no empty first choice unless given. */
export function Select(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    choices: readonly (Choice | { group: string; choices: readonly Choice[] })[];
  },
) {
  const { path, label, hint, error, value, onChange } = props;
  const option = (choice: Choice) => (
    <option key={choice.value} value={choice.value} selected={choice.value === value}>
      {choice.label}
    </option>
  );
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={fieldId(path)}>{label}</label>
      <HintAndError path={path} hint={hint} error={error} />
      <select
        id={fieldId(path)}
        aria-describedby={describedBy(path, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {props.choices.map((choice) =>
          'group' in choice ? (
            <optgroup key={choice.group} label={choice.group}>
              {choice.choices.map(option)}
            </optgroup>
          ) : (
            option(choice)
          ),
        )}
      </select>
    </div>
  );
}

/** One yes/no box, its hint after it (fields.tsx's Checkbox, with a hint that may be words of ours). */
export function Check(props: Common & { value: boolean; onChange: (value: boolean) => void }) {
  const { path, label, hint, error, value, onChange } = props;
  const id = fieldId(path);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <HintAndError path={path} error={error} />
      <div class="choice choice--check">
        <input
          type="checkbox"
          id={id}
          checked={value}
          aria-describedby={describedBy(path, hint, error)}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      {hint ? (
        <div class="hint hint--after" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The same text in the four languages: a fieldset named by `legend`, one control per language
 * labelled with the language's own name (and marked as that language).
 */
export function LocalizedText(props: {
  path: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  value: Localized;
  onChange: (value: Localized) => void;
  errors: Record<string, string>;
  multiline?: boolean;
}) {
  const { path, legend, hint, value, onChange, errors, multiline } = props;
  const hintId = `${fieldId(path)}-hint`;
  return (
    <fieldset class="langs" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <div class="hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <div class={multiline ? 'langs-list' : 'langs-grid'}>
        {LANGS.map((lang) => (
          <Text
            key={lang}
            path={`${path}.${lang}`}
            label={<span lang={lang}>{LANGUAGE_NAMES[lang]}</span>}
            lang={lang}
            multiline={multiline}
            value={value[lang]}
            onInput={(text) => onChange({ ...value, [lang]: text })}
            error={errors[`${path}.${lang}`]}
          />
        ))}
      </div>
    </fieldset>
  );
}
