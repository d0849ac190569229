import type { Topic } from '../../../contracts/topics';
import type { Language } from '../../../contracts/vocabulary';
import { isFileable } from './catalogue';
import type { TopicDefinition } from './model';

/** A topic with its form, in the reader's language, as GET /topics shows it. */
export function topicView(topic: TopicDefinition, language: Language): Topic {
  return {
    id: topic.id,
    parentId: topic.parentId,
    level: topic.level,
    organisationId: topic.organisationId,
    name: topic.name[language],
    ticketTypes: topic.ticketTypes,
    ...(topic.guidance ? { guidance: topic.guidance[language] } : {}),
    fileable: isFileable(topic),
    form: {
      fields: topic.form.fields.map((field) => ({
        name: field.name,
        type: field.type,
        required: field.required,
        label: field.label[language],
        ...(field.help ? { help: field.help[language] } : {}),
        ...(field.options
          ? { options: field.options.map((option) => ({ value: option.value, label: option.label[language] })) }
          : {}),
        ...(field.transient ? { transient: true } : {}),
        ...(field.requiredWhen ? { requiredWhen: field.requiredWhen } : {}),
      })),
    },
  };
}
