/** docs/design.md: generation runs under the document lock; a second run is told the add-on is busy. */
export const BUSY_MESSAGE = 'Inspection Ratings is already updating this spreadsheet for someone else. Try again in a minute.';

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(1000)) throw new Error(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
