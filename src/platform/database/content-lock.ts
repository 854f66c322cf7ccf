// One advisory lock key guards revisions and media blobs; the transaction door (transactions.ts) takes it.
export const CONTENT_LOCK_KEY = 0x70726f6d; // "prom"
