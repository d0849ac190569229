import type { RouteSpec } from '../http';
import { TopicParams, TopicsQuery } from '../topics';

/** The topic catalogue requesters choose from. */
export const TOPICS_ROUTES = [
  {
    method: 'GET',
    path: '/topics',
    auth: 'public',
    operationId: 'listTopics',
    summary: 'Topics a requester may choose, levels 1–3, each with its form and self-help guidance',
    tags: ['Topics'],
    request: { query: TopicsQuery },
    publicCacheSeconds: 60,
  },
  {
    method: 'GET',
    path: '/topics/{topicId}',
    auth: 'public',
    operationId: 'getTopic',
    summary: 'One topic with its form and guidance',
    tags: ['Topics'],
    request: { params: TopicParams },
    publicCacheSeconds: 60,
    problems: [404],
  },
] as const satisfies readonly RouteSpec[];
