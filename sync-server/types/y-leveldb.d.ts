// y-leveldb ships JavaScript without declarations; these are the parts the server uses.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  export class LeveldbPersistence {
    constructor(location: string, options?: { level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    flushDocument(docName: string): Promise<void>;
    getStateVector(docName: string): Promise<Uint8Array>;
    clearDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
  }
}
