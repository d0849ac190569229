import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { GROUPS, type Group } from '../../contracts/vocabulary';
import { acknowledge } from '../nag';

const GROUP_DESCRIPTIONS: Record<Group, string> = {
  agent: 'Works tickets of their organisation and topics',
  supervisor: 'Sees and manages every ticket of their organisation',
  admin: 'Manages organisations, topics, teams, calendars and SLA policies',
  reviewer: 'Directorate that reviews form requests',
  operator: 'Technical office that builds approved forms',
  department: 'Departments filing form requests',
};

/**
 * Cognito user pool for citizens and staff. Citizens sign themselves up and hold no group;
 * staff roles are the groups in `functions/http/auth.ts`, which the handlers check.
 */
export class Auth extends Construct {
  public readonly userPool: UserPool;
  public readonly client: UserPoolClient;
  public readonly groups: Record<Group, UserPoolGroup>;
  /** Token issuer the HTTP API JWT authorizer trusts; its JWKS is at `/.well-known/jwks.json`. */
  public readonly issuerUrl: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      // One text for everyone: the code is mailed before the person has chosen a language.
      // The local stack mails the same text (lib/local/stack.ts reads it from the template).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject:
          'Finestreta: codi de verificació · código de verificación · còdi de verificacion · verification code',
        emailBody: [
          'El vostre codi de verificació de Finestreta és {####}.',
          'Su código de verificación de Finestreta es {####}.',
          'Eth vòste còdi de verificacion de Finestreta ei {####}.',
          'Your Finestreta verification code is {####}.',
          'Si no heu demanat cap compte, no cal que feu res. · Si no ha pedido ninguna cuenta, no tiene que hacer nada. · Se non auetz demanat cap de compde, non vos cau hèr arren. · If you did not ask for an account, there is nothing to do.',
        ].join('<br><br>'),
      },
      // A changed email takes effect only once verified, so an account cannot be redirected.
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional because citizens who file a ticket once a year must be able to sign up with email ' +
        'alone; TOTP is offered to everyone, and staff MFA is an onboarding requirement enforced by admins.',
    );
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Threat protection needs the Cognito Plus feature plan, billed per monthly active user, which public ' +
        'administrations must budget explicitly; the pool uses Essentials with a 12-character password policy.',
    );

    this.groups = Object.fromEntries(
      GROUPS.map((group, index) => [
        group,
        new UserPoolGroup(this, `Group-${group}`, {
          userPool: this.userPool,
          groupName: group,
          description: GROUP_DESCRIPTIONS[group],
          precedence: index,
        }),
      ]),
    ) as Record<Group, UserPoolGroup>;

    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      // USER_PASSWORD_AUTH serves scripted sign-in (tests, local stack); SRP serves the web client.
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      authSessionValidity: Duration.minutes(3),
    });

    this.issuerUrl = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
