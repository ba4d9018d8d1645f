// How long the real-host suites wait, in one place (the runner, scripts/vscode-host, reads this
// file's compiled copy too). The suites share two cores with builds and other engineers' runs:
// a step that takes 200 ms on a quiet machine can take 10 s on a busy one. So every wait is on
// the thing itself (a state, an element, an event), never on a guess of how long it takes, and
// its bound is generous: it only has to end a run that is really stuck, with a message that
// says what it waited for. No imports: the runner loads it outside VS Code.

/** The longest one step may take: a state the extension reaches, a document, a tab, a notification, a dialog. */
export const STEP_MS = 45_000;

/** How often waitFor looks again. */
export const POLL_MS = 50;

/**
 * How long the runner looks for a notification before the suite opens the notification centre
 * again: the centre hides itself when its last item closes (a progress notification stays at
 * least 800 ms after its task), and a notification added while it is hidden shows nowhere
 * (the test host shows no toasts). Opening it again renders every notification there is.
 */
export const NOTIFICATION_LOOK_MS = 2_000;

/** mocha's timeout for one test: a few steps. */
export const TEST_MS = 3 * STEP_MS;

/** The leak scan runs every contributed command, one step each at most. */
export const LEAK_SCAN_MS = 20 * 60_000;

/** The whole run, every phase: the runner gives up (screenshot, last server lines) after this. */
export const RUN_MS = LEAK_SCAN_MS + 15 * 60_000;
