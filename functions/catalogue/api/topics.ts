import { TOPICS_ROUTES } from '../../../contracts/routes/topics';
import { byRoute } from '../../platform/http/handler';
import { ok } from '../../platform/http/responses';
import { NotFound } from '../../platform/kernel/errors';
import { findTopic, visibleTopics } from '../domain/catalogue';
import { topicView } from '../domain/views';
import { loadCatalogue } from '../store';

export const handler = byRoute(TOPICS_ROUTES, {
  'GET /topics': {
    run: async ({ query, language }) => {
      const topics = visibleTopics(await loadCatalogue(), false).filter(
        (topic) =>
          !query.organisationId || topic.organisationId === null || topic.organisationId === query.organisationId,
      );
      return ok({ items: topics.map((topic) => topicView(topic, language)) });
    },
  },
  'GET /topics/{topicId}': {
    run: async ({ params, language }) => {
      const topic = findTopic(await loadCatalogue(), params.topicId);
      if (!topic || topic.internal) throw new NotFound('No such topic.');
      return ok(topicView(topic, language));
    },
  },
});
