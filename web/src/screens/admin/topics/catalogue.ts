/**
 * What the topics screens read: the organisation's catalogue as administered (teams, topics,
 * each with its version), the level-1 topics above them, and the words for a failed call.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import type { AreaTranslate } from '../../../i18n/bundle';
import type { Language } from '../../../i18n/languages';
import type { messages } from './messages';
import type { StoredTeam, StoredTopic } from './model';

export type Translate = AreaTranslate<keyof (typeof messages)['ca'] & string>;

/** What the editor and the list read: the organisation's documents, and the level-1 topics above them. */
export interface Catalogue {
  teams: StoredTeam[];
  topics: StoredTopic[];
  /** The shared level-1 topics as administered: admins only (others may not read them). */
  shared: StoredTopic[];
}

export interface Level1 {
  id: string;
  name: string;
}

/** The words for a failed call: the API's own detail (in English, as it comes), else ours. */
export function failure(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('error.session');
    return error.errors[0]?.message ?? error.detail ?? (error.title || t('error.generic'));
  }
  return t('error.generic');
}

const catalogueOf = (organisationId: string) =>
  call(api().GET('/catalogues/{organisationId}', { params: { path: { organisationId } } }));

export function useCatalogue(organisationId: string, admin: boolean, lang: Language) {
  const [catalogue, setCatalogue] = useState<Catalogue>();
  const [publicLevel1, setPublicLevel1] = useState<Level1[]>([]);
  const [error, setError] = useState<unknown>();

  const load = async () => {
    const [own, shared] = await Promise.all([
      catalogueOf(organisationId),
      admin ? catalogueOf('shared') : Promise.resolve(undefined),
    ]);
    setCatalogue({
      teams: own.teams,
      topics: own.topics,
      shared: shared?.topics ?? [],
    });
  };
  useEffect(() => {
    setError(undefined);
    load().catch(setError);
  }, [organisationId, admin]);

  // Supervisors may not read the shared catalogue: the level-1 names come from the public list, in the reader's language.
  useEffect(() => {
    let current = true;
    call(api().GET('/topics', { params: { query: { organisationId } } }))
      .then(
        (list) =>
          current &&
          setPublicLevel1(
            list.items.filter((topic) => topic.level === 1).map((topic) => ({ id: topic.id, name: topic.name })),
          ),
      )
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [organisationId, lang]);

  const level1: Level1[] = catalogue?.shared.length
    ? catalogue.shared.filter((topic) => topic.level === 1).map((topic) => ({ id: topic.id, name: topic.name[lang] }))
    : publicLevel1;
  const saved = (topic: StoredTopic) =>
    setCatalogue((current) => {
      if (!current) return current;
      const replace = (list: StoredTopic[]) =>
        list.some((item) => item.id === topic.id)
          ? list.map((item) => (item.id === topic.id ? topic : item))
          : [...list, topic];
      return topic.organisationId === null
        ? { ...current, shared: replace(current.shared) }
        : { ...current, topics: replace(current.topics) };
    });
  return { catalogue, level1, error, reload: load, saved };
}

/** The choices of a parent: the level-1 topics, then the organisation's level-2 ones. */
export function parentChoices(level1: readonly Level1[], topics: readonly StoredTopic[], lang: Language, t: Translate) {
  return [
    { group: t('topics.level1Group'), choices: level1.map((topic) => ({ value: topic.id, label: topic.name })) },
    {
      group: t('topics.level2Group'),
      choices: topics
        .filter((topic) => topic.level === 2)
        .map((topic) => ({ value: topic.id, label: topic.name[lang] })),
    },
  ];
}
