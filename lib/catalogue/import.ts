/** `npm run catalogue -- import`: plan against what the stack holds, then apply the plan's changes in order. */

import type { CatalogueFile } from '../../contracts/admin-views';
import { SHARED_CATALOGUE } from '../../contracts/catalogue';
import { type AdminClient, ApiError } from './client';
import { ownerOf } from './files';
import { type ImportPlan, type PlannedDocument, planImport } from './plan';

/**
 * The shared level-1 topics, when the file hangs level-2 topics on them and the importer may read
 * them (a supervisor may not: then the API alone checks those parents).
 */
async function sharedTopicsFor(file: CatalogueFile, client: AdminClient) {
  if (ownerOf(file) === SHARED_CATALOGUE || !file.topics.some((topic) => topic.level === 2)) return undefined;
  try {
    return (await client.getCatalogue(SHARED_CATALOGUE)).topics;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return undefined;
    throw error;
  }
}

/**
 * Reads the stack's documents of the file's organisation and plans the import (changes nothing),
 * with the problems the API would stop it at (see planImport): check `problems` before applying.
 */
export async function planFor(file: CatalogueFile, client: AdminClient): Promise<ImportPlan> {
  const stored = await client.getCatalogue(ownerOf(file));
  return planImport(file, stored, await sharedTopicsFor(file, client));
}

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
