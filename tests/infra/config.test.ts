import { describe, expect, it } from 'vitest';
import {
  DEV_DEFAULTS,
  isStageConfig,
  readStageConfig,
  STAGES_CONTEXT_KEY,
  stackEnv,
  stageConfigProblems,
} from '../../lib/config';

const contextOf =
  (values: Record<string, unknown>) =>
  (key: string): unknown =>
    values[key];

const PROD = {
  account: '123456789012',
  mail: { fromAddress: 'finestreta@ajuntament.example', domain: 'ajuntament.example' },
  webOrigins: ['https://finestreta.ajuntament.example'],
  alarmEmail: 'ops@ajuntament.example',
  formRequests: {
    organisationId: 'ajuntament',
    reviewers: { name: 'Secretaria', email: 'secretaria@ajuntament.example', language: 'ca' },
    operators: { name: 'Informàtica', email: 'informatica@ajuntament.example', language: 'ca' },
  },
};

describe('readStageConfig', () => {
  it('defaults to an offline, environment-agnostic dev stage', () => {
    const config = readStageConfig(contextOf({}));
    expect(config).toEqual(DEV_DEFAULTS);
    expect(config).toMatchObject({
      stageName: 'dev',
      mail: { fromAddress: 'finestreta@example.org' },
      webOrigins: ['http://localhost:5173'],
      retentionDays: 30,
      alarmEmail: 'ops@example.org',
    });
    expect(stackEnv(config)).toBeUndefined();
  });

  it('selects a stage by the `stage` key and merges its settings over the defaults', () => {
    const config = readStageConfig(contextOf({ stage: 'prod', [STAGES_CONTEXT_KEY]: { prod: PROD } }));
    expect(config).toMatchObject({ ...PROD, stageName: 'prod', region: DEV_DEFAULTS.region, retentionDays: 30 });
    expect(stackEnv(config)).toEqual({ account: '123456789012', region: DEV_DEFAULTS.region });
  });

  it('accepts the stages map as a JSON string, as `-c key=value` delivers it', () => {
    const config = readStageConfig(contextOf({ stage: 'prod', [STAGES_CONTEXT_KEY]: JSON.stringify({ prod: PROD }) }));
    expect(config.account).toBe('123456789012');
  });

  it('refuses an unknown stage, naming the context key to add it to', () => {
    expect(() => readStageConfig(contextOf({ stage: 'staging' }))).toThrow(
      /Unknown stage "staging".*finestreta:stages/,
    );
  });

  it('refuses a non-dev stage that would inherit the example.org mail and alarm settings', () => {
    const context = contextOf({ stage: 'prod', [STAGES_CONTEXT_KEY]: { prod: { account: '123456789012' } } });
    expect(() => readStageConfig(context)).toThrow('Stage "prod" must set mail, webOrigins, alarmEmail, formRequests');
  });

  it('takes a stage’s form-request directorate whole, and refuses a bad one when reading the stage', () => {
    const directorate = {
      organisationId: 'ajuntament',
      reviewers: { name: 'Secretaria', email: 'secretaria@ajuntament.example', language: 'es' },
      operators: { name: 'Informàtica', email: 'informatica@ajuntament.example', language: 'ca' },
    };
    const config = readStageConfig(
      contextOf({ stage: 'prod', [STAGES_CONTEXT_KEY]: { prod: { ...PROD, formRequests: directorate } } }),
    );
    expect(config.formRequests).toEqual(directorate);
    const bad = { ...directorate, reviewers: { ...directorate.reviewers, email: 'secretaria' } };
    expect(() =>
      readStageConfig(contextOf({ stage: 'prod', [STAGES_CONTEXT_KEY]: { prod: { ...PROD, formRequests: bad } } })),
    ).toThrow(/formRequests must be/);
  });

  it('lists every invalid setting at once', () => {
    const context = contextOf({
      [STAGES_CONTEXT_KEY]: { dev: { retentionDays: 31, webOrigins: ['http://localhost:5173/'], alarmEmail: 'ops' } },
    });
    expect(() => readStageConfig(context)).toThrow(
      /webOrigins entry "http:\/\/localhost:5173\/"[\s\S]*retentionDays must be one of[\s\S]*alarmEmail must be/,
    );
  });
});

describe('isStageConfig', () => {
  it('accepts the defaults', () => {
    expect(isStageConfig(DEV_DEFAULTS)).toBe(true);
  });

  it.each([
    ['a non-object', 'dev', /must be an object/],
    [
      'a sender outside the identity domain',
      { ...DEV_DEFAULTS, mail: { fromAddress: 'a@other.org', domain: 'example.org' } },
      /must belong to mail.domain/,
    ],
    ['an account that is not 12 digits', { ...DEV_DEFAULTS, account: '1234' }, /12-digit/],
    ['a malformed region', { ...DEV_DEFAULTS, region: 'Ireland' }, /region must be/],
    ['no web origin', { ...DEV_DEFAULTS, webOrigins: [] }, /non-empty array/],
    ['an upper-case stage name', { ...DEV_DEFAULTS, stageName: 'Prod' }, /stageName must match/],
    ['no form-request directorate', { ...DEV_DEFAULTS, formRequests: undefined }, /formRequests must be/],
    [
      'a directorate without its technical office',
      { ...DEV_DEFAULTS, formRequests: { ...DEV_DEFAULTS.formRequests, operators: undefined } },
      /formRequests must be/,
    ],
    [
      'a directorate whose reviewers have no valid address',
      {
        ...DEV_DEFAULTS,
        formRequests: {
          ...DEV_DEFAULTS.formRequests,
          reviewers: { ...DEV_DEFAULTS.formRequests.reviewers, email: 'dgac' },
        },
      },
      /formRequests must be/,
    ],
    [
      'a directorate mailbox in a language the portal does not speak',
      {
        ...DEV_DEFAULTS,
        formRequests: {
          ...DEV_DEFAULTS.formRequests,
          operators: { ...DEV_DEFAULTS.formRequests.operators, language: 'fr' },
        },
      },
      /formRequests must be/,
    ],
    [
      'a directorate with an empty organisation',
      { ...DEV_DEFAULTS, formRequests: { ...DEV_DEFAULTS.formRequests, organisationId: '' } },
      /formRequests must be/,
    ],
    [
      'a directorate with an unknown setting',
      { ...DEV_DEFAULTS, formRequests: { ...DEV_DEFAULTS.formRequests, supervisors: ['a@example.org'] } },
      /formRequests must be/,
    ],
  ])('rejects %s with a message saying why', (_, value, message) => {
    expect(isStageConfig(value)).toBe(false);
    expect(stageConfigProblems(value).join('\n')).toMatch(message);
  });
});
