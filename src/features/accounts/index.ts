// The accounts feature's face to the rest of the extension.
export type { AccountCommands } from './ui/accountCommands';
export { sourceName } from './ui/sourceName';
