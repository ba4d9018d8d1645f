// The events and messages a follower can cause besides tapping a menu button, in the order the
// phone's "+" menu lists them.

/** The other events and messages a follower can cause (the chat's "+" menu). */
export const SIMULATED_EVENTS = [
  'subscribe',
  'subscribeScene',
  'unsubscribe',
  'scan',
  'reportLocation',
  'image',
  'voice',
  'location',
  'link',
] as const;
export type SimulatedEventKind = (typeof SIMULATED_EVENTS)[number];
