import { Unauthorized } from '../platform/kernel/errors';
import type { PersonAttributes } from './domain/profile';

/**
 * Who an access token belongs to, asked of Cognito's GetUser. GetUser is authorized by the
 * access token itself (no IAM, no request signing), so it is one JSON call: made here with
 * fetch rather than the SDK's Cognito client, which would add 33 KB and ~2.5 ms to every cold
 * start of the functions that might, once per person, need it (README, Cold starts).
 */
export async function attributesOfAccessToken(accessToken: string): Promise<PersonAttributes> {
  const response = await fetch(endpoint(), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser',
    },
    body: JSON.stringify({ AccessToken: accessToken }),
    signal: AbortSignal.timeout(3000),
  });
  const answer = (await response.json()) as { UserAttributes?: { Name?: string; Value?: string }[]; __type?: string };
  if (response.status === 400 && answer.__type?.endsWith('NotAuthorizedException')) {
    throw new Unauthorized('Cognito no longer accepts this access token.');
  }
  if (!response.ok) throw new Error(`Cognito GetUser answered ${response.status} ${answer.__type ?? ''}`);
  const attribute = (name: string) => answer.UserAttributes?.find((entry) => entry.Name === name)?.Value;
  const verified = attribute('email_verified');
  return {
    ...(attribute('email') ? { email: attribute('email') } : {}),
    ...(verified !== undefined ? { emailVerified: verified === 'true' } : {}),
    ...(attribute('name') ? { name: attribute('name') } : {}),
    ...(attribute('locale') ? { locale: attribute('locale') } : {}),
  };
}

/** The standard endpoint override (local stack), else the region's Cognito endpoint. */
const endpoint = () =>
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??
  `https://cognito-idp.${process.env.AWS_REGION ?? 'eu-west-1'}.amazonaws.com/`;
