// The callback simulator's face to the rest of the extension: the chat a phone panel shows (the
// menu preview hosts it) and the types of what it sends.
export type { TappedButton } from './core/types';
export type { SimulatorChat } from './ui/simulatorChat';
