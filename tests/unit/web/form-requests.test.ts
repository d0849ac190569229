import { describe, expect, it } from 'vitest';
import { FORM_REQUEST_STEPS } from '../../../contracts/form-request-steps';
import { STEP_ACTOR } from '../../../functions/form-requests/domain/workflow';
import { STEP_ACTOR as PORTAL_STEP_ACTOR } from '../../../web/src/screens/form-requests/model';

describe('the portal’s copy of the form-request workflow', () => {
  it('says who acts at each step as the workflow does (the portal does not import the backend)', () => {
    expect(PORTAL_STEP_ACTOR).toEqual(STEP_ACTOR);
    expect(Object.keys(PORTAL_STEP_ACTOR).sort()).toEqual([...FORM_REQUEST_STEPS].sort());
  });
});
