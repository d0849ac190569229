import { Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { FilterOrPolicy, SubscriptionFilter, type Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { FinestretaFunction } from './finestreta-function';
import { serviceTopic } from './service-topic';

export interface MailProps {
  /** Sender of every notification; must belong to `domain`. */
  readonly fromAddress: string;
  /** Domain to verify as the SES identity (DKIM records appear on the identity after deploy). */
  readonly domain: string;
}

/** Delivery problems worth acting on: addresses to stop using, templates that fail to render. */
const PROBLEM_EVENTS = [
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
  EmailSendingEvent.DELIVERY_DELAY,
  EmailSendingEvent.RENDERING_FAILURE,
];

/** SES sending identity and configuration set; delivery problems go to an encrypted SNS topic. */
export class Mail extends Construct {
  public readonly fromAddress: string;
  public readonly identity: EmailIdentity;
  public readonly configurationSet: ConfigurationSet;
  /** Bounce, complaint, reject, delivery-delay and rendering-failure events. */
  public readonly eventsTopic: Topic;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.fromAddress = props.fromAddress;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    this.eventsTopic = serviceTopic(this, {
      publisher: 'ses.amazonaws.com',
      description: 'Encrypts SES delivery-problem events',
      keyId: 'EventsKey',
      topicId: 'EventsTopic',
    });
    this.configurationSet.addEventDestination('Problems', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: PROBLEM_EVENTS,
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });
  }

  get configurationSetName(): string {
    return this.configurationSet.configurationSetName;
  }

  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSetName,
    });
  }

  /** Send as `fromAddress` only, through this identity and configuration set. */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.fromAddress } },
      }),
    );
  }

  /**
   * Bounces and complaints reach `fn` through the events topic (SNS, not EventBridge: the
   * encrypted topic is already the configuration set's destination, and operators may
   * subscribe to it too). The subscription's filter passes only those two event types, so
   * delivery delays and rendering failures cost no invocation.
   */
  deliverFeedbackTo(fn: FinestretaFunction): void {
    this.eventsTopic.addSubscription(
      new LambdaSubscription(fn.fn, {
        filterPolicyWithMessageBody: {
          eventType: FilterOrPolicy.filter(SubscriptionFilter.stringFilter({ allowlist: ['Bounce', 'Complaint'] })),
        },
      }),
    );
  }

  /**
   * ses:GetAccount (sending status and quota): proves SES answers without sending anything.
   * The action has no resource-level permissions, hence `*`.
   */
  grantAccountRead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
  }
}
