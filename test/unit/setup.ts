// jsdom has no IndexedDB; y-indexeddb is exercised against fake-indexeddb in unit tests.
import 'fake-indexeddb/auto';

// jsdom's browser says en-US; the component tests read the app as a Dutch room does (the app
// takes the browser's language only when nothing was chosen on the device).
globalThis.localStorage?.setItem('werkbank:lang', 'nl');
