/** `npm run catalogue -- import`: plan against what the stack holds, then apply the plan's changes in order. */
import type { CatalogueFile } from '../../contracts/admin';
import type { AdminClient } from './client';
import { ownerOf } from './files';
import { type ImportPlan, type PlannedDocument, planImport } from './plan';

/** Reads the stack's documents of the file's organisation and plans the import (changes nothing). */
export const planFor = async (file: CatalogueFile, client: AdminClient): Promise<ImportPlan> =>
  planImport(file, await client.getCatalogue(ownerOf(file)));

/**
 * PUTs every created or updated document, in the plan's order, each update with the version it
 * replaces (so a change made meanwhile is a 409, not overwritten). Stops at the first error,
 * which it throws (an ApiError); `onApplied` has seen what was applied before it.
 */
export async function applyPlan(
  plan: ImportPlan,
  client: AdminClient,
  onApplied: (document: PlannedDocument) => void = () => {},
): Promise<void> {
  for (const document of plan.documents) {
    if (document.action === 'unchanged') continue;
    await client.put(document.name, document.body, document.action === 'update' ? document.version : undefined);
    onApplied(document);
  }
}
