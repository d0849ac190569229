/** Profiles' pure domain, for other features' domains. */
export { type PersonAttributes, Profile, type ProfileChanges, StaffProfile } from './profile';
