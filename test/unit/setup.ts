// jsdom has no IndexedDB; y-indexeddb is exercised against fake-indexeddb in unit tests.
import 'fake-indexeddb/auto';
