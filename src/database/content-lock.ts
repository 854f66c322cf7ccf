import type { EntityManager } from 'typeorm';

// One advisory lock key guards revisions and media blobs: every transaction that may reference an existing
// revision holds it shared; the garbage collector holds it exclusively while it decides what is unreferenced.
const CONTENT_LOCK = 0x70726f6d; // "prom"

export async function holdContentLockShared(tx: EntityManager): Promise<void> {
  await tx.query('select pg_advisory_xact_lock_shared($1)', [CONTENT_LOCK]);
}

export async function holdContentLockExclusive(tx: EntityManager): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [CONTENT_LOCK]);
}
