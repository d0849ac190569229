import type { AdminKind, AuditEntry } from '../../../contracts/admin-views';
import type { Ids } from '../../platform/kernel/ports';
import type { Administrator } from './access';

/** What one administrative change does: the document's kind and id, and it before (null: new) and after. */
export interface Change {
  readonly kind: AdminKind;
  readonly documentId: string;
  /** Where the change is audited: the document's organisation, or `shared` for level-1 topics. */
  readonly organisationId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown>;
}

/** The audit line of a change: who made it and when, written in the change's own transaction. */
export const auditEntry = (ids: Ids, now: Date, who: Administrator, change: Change): AuditEntry => ({
  id: ids.sortableId(now),
  ...change,
  by: { id: who.userId, name: who.name },
  at: now.toISOString(),
});
