import { findTopic, visibleTopics } from '../domain/catalogue/catalogue';
import { topicView } from '../domain/catalogue/topic-view';
import { NotFound } from '../domain/errors';
import { httpHandler } from '../http/handler';
import { ok } from '../http/responses';
import { byRoute } from '../http/router';
import { loadCatalogue } from '../store/catalogue-store';
import { TopicParams, TopicsQuery } from './schemas/topics';

/** Topics are public and change rarely: clients and CDNs may keep them for a minute. */
const CACHEABLE = { 'cache-control': 'public, max-age=60' };

export const handler = byRoute({
  'GET /topics': httpHandler({ query: TopicsQuery }, async ({ query, language }) => {
    const topics = visibleTopics(await loadCatalogue(), false).filter(
      (topic) =>
        !query.organisationId || topic.organisationId === null || topic.organisationId === query.organisationId,
    );
    return ok({ items: topics.map((topic) => topicView(topic, language)) }, CACHEABLE);
  }),
  'GET /topics/{topicId}': httpHandler({ params: TopicParams }, async ({ params, language }) => {
    const topic = findTopic(await loadCatalogue(), params.topicId);
    if (!topic || topic.internal) throw new NotFound('No such topic.');
    return ok(topicView(topic, language), CACHEABLE);
  }),
});
