import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { PersonAttributes } from './domain/profile';

let cognito: CognitoIdentityProviderClient | undefined;

/**
 * Who an access token belongs to, asked of Cognito (GetUser takes the access token itself,
 * so no IAM grant is needed). The client is made on first use: only a person's first call
 * with an access token on a cold instance needs it.
 */
export async function attributesOfAccessToken(accessToken: string): Promise<PersonAttributes> {
  cognito ??= new CognitoIdentityProviderClient({});
  const { UserAttributes = [] } = await cognito.send(new GetUserCommand({ AccessToken: accessToken }));
  const attribute = (name: string) => UserAttributes.find((entry) => entry.Name === name)?.Value;
  const verified = attribute('email_verified');
  return {
    ...(attribute('email') ? { email: attribute('email') } : {}),
    ...(verified !== undefined ? { emailVerified: verified === 'true' } : {}),
    ...(attribute('name') ? { name: attribute('name') } : {}),
    ...(attribute('locale') ? { locale: attribute('locale') } : {}),
  };
}
