// Dexie looks for indexedDB on the global object: fake-indexeddb provides a real implementation in Node.
import 'fake-indexeddb/auto';
