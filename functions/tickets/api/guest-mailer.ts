import { isGuest, sendGuestAccessMail } from '../../mail';
import type { GuestMailer } from '../domain/ports';

/** Sends the first mail of a requester without an account: the one that carries their access link. */
export const guestMailer: GuestMailer = {
  sendAccessLink: (message, accessToken) => {
    if (!isGuest(message.recipient)) throw new Error('An access link goes to a guest');
    return sendGuestAccessMail(message, { ...message.recipient, guest: true }, accessToken);
  },
};
