/**
 * The business calendar (/admin/calendar): the time zone, opening windows per weekday (a day with
 * none is closed) and holidays. Every SLA target counts in it. Saved whole, as one document.
 */
import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import type { FieldErrors } from '../../api/problem';
import { fieldId } from '../../api/problem';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import { ARANESE_MONTHS, formatDay } from '../../i18n/dates';
import type { Language } from '../../i18n/languages';
import { type AdminTranslate, messages } from './messages';
import {
  type CalendarDocument,
  type CalendarDraft,
  calendarBody,
  calendarDraft,
  checkCalendar,
  checkHoliday,
  EMPTY_HOLIDAY,
  type Holiday,
  type HolidayDraft,
  holidayOf,
  WEEKDAYS,
  type Weekday,
} from './model';
import { ConflictNotice, ifMatch, SaveStatus, SaveSummary, Stamp, useDocument, useSave } from './shared';

type StoredCalendar = Schemas['StoredCalendar'];

/** Spain's IANA zones: the peninsula and the Balearic Islands, the Canaries, Ceuta and Melilla. */
const ZONES = [
  ['Europe/Madrid', 'zone.madrid'],
  ['Atlantic/Canary', 'zone.canary'],
  ['Africa/Ceuta', 'zone.ceuta'],
] as const;

const INTL: Record<Exclude<Language, 'oc'>, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' };

/** A yearly holiday's day and month ("24 de juny"): its year is not part of it. */
function formatDayMonth(isoDate: string, lang: Language): string {
  const [, month, day] = isoDate.split('-').map(Number);
  if (!month || !day) return isoDate;
  if (lang === 'oc') {
    const name = ARANESE_MONTHS[month - 1] ?? '';
    return `${day} ${/^[aeiouàèéíòóú]/i.test(name) ? `d’${name}` : `de ${name}`}`;
  }
  const date = new Date(Date.UTC(2000, month - 1, day, 12));
  return new Intl.DateTimeFormat(INTL[lang], { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

export function describeHoliday(holiday: Holiday, t: AdminTranslate, lang: Language): string {
  if ('from' in holiday)
    return t('holiday.range', { from: formatDay(holiday.from, lang), to: formatDay(holiday.to, lang) });
  return holiday.yearly
    ? t('holiday.yearlyDay', { day: formatDayMonth(holiday.date, lang) })
    : formatDay(holiday.date, lang);
}

/** The week in a line: "dl.–dv. 08:00–15:00", consecutive days with the same hours together. */
export function describeWeek(calendar: Pick<CalendarDocument, 'week'>, t: AdminTranslate): string {
  const hours = (day: Weekday) => (calendar.week[day] ?? []).map(({ from, to }) => `${from}–${to}`).join(', ');
  const groups: { first: Weekday; last: Weekday; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = hours(day);
    const last = groups.at(-1);
    const previous = WEEKDAYS[WEEKDAYS.indexOf(day) - 1];
    if (text && last && last.hours === text && last.last === previous) last.last = day;
    else if (text) groups.push({ first: day, last: day, hours: text });
  }
  if (groups.length === 0) return t('calendar.alwaysClosed');
  return groups
    .map(({ first, last, hours: text }) =>
      first === last
        ? `${t(`day.short.${first}`)} ${text}`
        : `${t(`day.short.${first}`)}–${t(`day.short.${last}`)} ${text}`,
    )
    .join('; ');
}

export function CalendarSection({ organisationId }: { organisationId: string }) {
  const { t } = useMessages(messages);
  const calendar = useDocument(
    () => call(api().GET('/calendars/{organisationId}', { params: { path: { organisationId } } })),
    [organisationId],
  );
  const title = t('section.calendar');
  // None yet (404): the form starts from the usual hours and creates it.
  if (calendar.failure && !calendar.missing) {
    return (
      <Page title={title}>
        <p class="notice notice--error">{calendar.failure}</p>
      </Page>
    );
  }
  if (!calendar.data && !calendar.missing) return <Loading />;
  return (
    <Page title={title} lead={<p class="lead">{t('calendar.lead')}</p>}>
      <Stamp updatedBy={calendar.data?.updatedBy} updatedAt={calendar.data?.updatedAt} />
      {calendar.missing ? <p>{t('calendar.none')}</p> : null}
      <CalendarForm
        key={calendar.generation}
        organisationId={organisationId}
        stored={calendar.data}
        reload={calendar.reload}
        saved={calendar.replace}
      />
    </Page>
  );
}

/** Focus a control once Preact has drawn it (after adding or removing a row). */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

function CalendarForm({
  organisationId,
  stored,
  reload,
  saved,
}: {
  organisationId: string;
  stored: StoredCalendar | undefined;
  reload: () => void;
  saved: (calendar: StoredCalendar) => void;
}) {
  const { t, lang } = useMessages(messages);
  const [draft, setDraft] = useState<CalendarDraft>(() => calendarDraft(stored));
  const [holiday, setHoliday] = useState<HolidayDraft>(EMPTY_HOLIDAY);
  const [news, setNews] = useState('');

  const windowPaths = WEEKDAYS.flatMap((day) =>
    draft.week[day].flatMap((_, index) => [`week.${day}.${index}.from`, `week.${day}.${index}.to`]),
  );
  const holidayPaths =
    holiday.kind === 'day' ? ['holiday.kind', 'holiday.date'] : ['holiday.kind', 'holiday.from', 'holiday.to'];
  const shownPaths = ['timeZone', 'week', ...windowPaths, 'holidays', ...holidayPaths];
  // A window's own problem (closes before it opens, overlaps) is shown at its closing time.
  const save = useSave(shownPaths, [[/^week\.(\w+)\.(\d+)$/, 'week.$1.$2.to']]);

  const setWeek = (day: Weekday, windows: CalendarDraft['week'][Weekday]) =>
    setDraft((d) => ({ ...d, week: { ...d.week, [day]: windows } }));
  const addWindow = (day: Weekday) => {
    const windows = draft.week[day];
    setWeek(day, [...windows, windows.length === 0 ? { from: '08:00', to: '15:00' } : { from: '', to: '' }]);
    focusSoon(fieldId(`week.${day}.${windows.length}.from`));
  };
  const removeWindow = (day: Weekday, index: number) => {
    setWeek(
      day,
      draft.week[day].filter((_, i) => i !== index),
    );
    focusSoon(`add-${day}`);
  };

  const addHoliday = () => {
    const found = checkHoliday(holiday, draft.holidays, t);
    if (save.refuse(found)) return;
    const added = holidayOf(holiday);
    setDraft((d) => ({ ...d, holidays: [...d.holidays, added] }));
    setHoliday({ ...EMPTY_HOLIDAY, kind: holiday.kind });
    setNews(t('holiday.added', { holiday: describeHoliday(added, t, lang) }));
  };
  const removeHoliday = (index: number) => {
    const removed = draft.holidays[index];
    if (!removed) return;
    setDraft((d) => ({ ...d, holidays: d.holidays.filter((_, i) => i !== index) }));
    setNews(t('holiday.removed', { holiday: describeHoliday(removed, t, lang) }));
    focusSoon('holidays-title');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setNews('');
    if (save.refuse(checkCalendar(draft, t, { timeZone: t('calendar.timeZone') }))) return;
    const result = await save.run(
      () =>
        call(
          api().PUT('/calendars/{organisationId}', {
            params: { path: { organisationId }, header: ifMatch(stored?.version) },
            body: calendarBody(draft),
          }),
        ),
      { saved: t('saved') },
    );
    if (result) saved(result);
  };

  const zones: { value: string; label: string }[] = ZONES.map(([value, key]) => ({ value, label: t(key) }));
  if (!zones.some((zone) => zone.value === draft.timeZone))
    zones.push({ value: draft.timeZone, label: draft.timeZone });
  const errors: FieldErrors = save.errors;

  return (
    <form onSubmit={submit} noValidate class="admin-form admin-form--wide">
      <SaveSummary save={save} />
      {save.conflict ? <ConflictNotice onReload={reload} /> : null}
      <SelectField
        path="timeZone"
        label={t('calendar.timeZone')}
        hint={t('calendar.timeZoneHint')}
        options={zones}
        value={draft.timeZone}
        onChange={(timeZone) => setDraft((d) => ({ ...d, timeZone }))}
        error={errors.timeZone}
      />

      <section aria-labelledby={fieldId('week')}>
        <h2 id={fieldId('week')} tabIndex={-1}>
          {t('calendar.week')}
        </h2>
        <p class="hint">{t('calendar.weekHint')}</p>
        {errors.week ? <p class="field-error">{errors.week}</p> : null}
        {WEEKDAYS.map((day) => {
          const windows = draft.week[day];
          return (
            <fieldset class="admin-day" key={day}>
              <legend>{t(`day.${day}`)}</legend>
              <div class="admin-day-body">
                {windows.length === 0 ? <p class="admin-closed">{t('calendar.closed')}</p> : null}
                {windows.map((window, index) => {
                  const at = `week.${day}.${index}`;
                  return (
                    <div class="admin-row" key={index}>
                      <TextField
                        path={`${at}.from`}
                        label={t('calendar.from')}
                        value={window.from}
                        width="short"
                        autocomplete="off"
                        error={errors[`${at}.from`]}
                        onInput={(from) =>
                          setWeek(
                            day,
                            windows.map((w, i) => (i === index ? { ...w, from } : w)),
                          )
                        }
                      />
                      <TextField
                        path={`${at}.to`}
                        label={t('calendar.to')}
                        value={window.to}
                        width="short"
                        autocomplete="off"
                        error={errors[`${at}.to`]}
                        onInput={(to) =>
                          setWeek(
                            day,
                            windows.map((w, i) => (i === index ? { ...w, to } : w)),
                          )
                        }
                      />
                      <button
                        type="button"
                        class="button button--secondary admin-row-button"
                        aria-label={t('calendar.removeWindowLabel', { day: t(`day.${day}`), n: index + 1 })}
                        onClick={() => removeWindow(day, index)}
                      >
                        {t('calendar.removeWindow')}
                      </button>
                    </div>
                  );
                })}
                <button
                  type="button"
                  id={`add-${day}`}
                  class="button button--secondary"
                  aria-label={t('calendar.addWindowLabel', { day: t(`day.${day}`) })}
                  onClick={() => addWindow(day)}
                >
                  {t('calendar.addWindow')}
                </button>
              </div>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="holidays-title">
        <h2 id="holidays-title" tabIndex={-1}>
          {t('calendar.holidays')}
        </h2>
        {/* The API's problems with a holiday of the list link here. */}
        {errors.holidays ? (
          <p class="field-error" id={fieldId('holidays')} tabIndex={-1}>
            {errors.holidays}
          </p>
        ) : null}
        {draft.holidays.length === 0 ? (
          <p>{t('calendar.noHolidays')}</p>
        ) : (
          <div class="table-wrap">
            <table class="admin-table">
              <caption>{t('calendar.holidaysCaption', { n: draft.holidays.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('holiday.when')}</th>
                  <th scope="col">{t('holiday.repeats')}</th>
                  <th scope="col">{t('holiday.action')}</th>
                </tr>
              </thead>
              <tbody>
                {draft.holidays.map((item, index) => {
                  const text = describeHoliday(item, t, lang);
                  return (
                    <tr key={`${text}-${index}`}>
                      <th scope="row" data-label={t('holiday.when')}>
                        {text}
                      </th>
                      <td data-label={t('holiday.repeats')}>
                        {t(
                          'from' in item
                            ? 'holiday.kindRange'
                            : item.yearly
                              ? 'holiday.kindYearly'
                              : 'holiday.kindOnce',
                        )}
                      </td>
                      <td data-label={t('holiday.action')}>
                        <button
                          type="button"
                          class="button button--secondary admin-table-button"
                          aria-label={t('holiday.removeLabel', { holiday: text })}
                          onClick={() => removeHoliday(index)}
                        >
                          {t('holiday.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        <fieldset class="group admin-add">
          <legend>{t('holiday.add')}</legend>
          <RadioGroup
            path="holiday.kind"
            label={t('holiday.kind')}
            inline
            value={holiday.kind}
            onChange={(kind) => setHoliday((h) => ({ ...h, kind: kind as HolidayDraft['kind'] }))}
            options={[
              { value: 'day', label: t('holiday.day') },
              { value: 'range', label: t('holiday.rangeChoice') },
            ]}
          />
          {holiday.kind === 'day' ? (
            <>
              <TextField
                path="holiday.date"
                type="date"
                label={t('holiday.date')}
                value={holiday.date}
                width="medium"
                error={errors['holiday.date']}
                onInput={(date) => setHoliday((h) => ({ ...h, date }))}
              />
              <Checkbox
                path="holiday.yearly"
                label={t('holiday.yearly')}
                hint={t('holiday.yearlyHint')}
                value={holiday.yearly}
                onChange={(yearly) => setHoliday((h) => ({ ...h, yearly }))}
              />
            </>
          ) : (
            <div class="admin-row">
              <TextField
                path="holiday.from"
                type="date"
                label={t('holiday.from')}
                value={holiday.from}
                error={errors['holiday.from']}
                onInput={(from) => setHoliday((h) => ({ ...h, from }))}
              />
              <TextField
                path="holiday.to"
                type="date"
                label={t('holiday.to')}
                value={holiday.to}
                error={errors['holiday.to']}
                onInput={(to) => setHoliday((h) => ({ ...h, to }))}
              />
            </div>
          )}
          <button type="button" class="button button--secondary" onClick={addHoliday}>
            {t('holiday.addButton')}
          </button>
        </fieldset>
        <p role="status" class="admin-news">
          {news}
        </p>
      </section>

      <p class="hint">{t('calendar.saveHint')}</p>
      <button type="submit" class="button" disabled={save.busy}>
        {save.busy ? t('form.sending') : t('calendar.save')}
      </button>
      <SaveStatus text={save.saved} />
    </form>
  );
}
