// Entry point of dist/ui.js: the half of the shared VS Code layer that activation never needs — the
// error presenter (with every error text) and the kernel's prompts — required the first time an
// error is shown or a question asked.
export { ErrorPresenter } from './errorPresenter';
export { classicFetchPrompt, credentialHostPrompt, secretHostPrompt, tokenHostPrompt } from './prompts';
