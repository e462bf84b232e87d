/**
 * The Docs API as an Apps Script advanced service (`Docs`, enabled in appsscript.json's
 * dependencies.enabledAdvancedServices: developers.google.com/apps-script/guides/services/advanced),
 * on the same in-memory documents as the local DocumentApp:
 *  - Docs.Documents.get(documentId) → the Document resource (model.ts);
 *  - Docs.Documents.batchUpdate({ requests }, documentId) → { documentId, replies } (batch.ts),
 *    all requests or none.
 * Each is one counted call ('Documents.get', 'Documents.batchUpdate'), however many requests a
 * batch holds. Access is Drive's: the effective user must be able to open the document (edit it,
 * for batchUpdate); Google's errors reach Apps Script as GoogleJsonResponseException. The write
 * quota (60 batchUpdates a minute per user) is kept on the simulated clock (env.simulatedMs).
 */
import type { LocalEnv } from '../env';
import { effectiveUser } from '../execution';
import type { LocalDocumentApp } from '../document/document-app';
import { documentJson } from './model';
import { Batch } from './batch';

/** developers.google.com/docs/api/limits: write requests per minute per user per project. */
export const WRITES_PER_MINUTE = 60;

const apiError = (method: string, msg: string) => new Error(`GoogleJsonResponseException: API call to docs.documents.${method} failed with error: ${msg}`);

export function createDocs(env: LocalEnv, documentApp: GoogleAppsScript.Document.DocumentApp) {
  const app = (documentApp as unknown as { _documents(): unknown; _get(id: string): ReturnType<LocalDocumentApp['_get']> });
  const open = (method: string, id: string, edit: boolean) => {
    const d = app._get(String(id));
    if (!d) throw apiError(method, 'Requested entity was not found.');
    const me = effectiveUser(env);
    if (!(edit ? d._canEdit(me) : d._canOpen(me))) throw apiError(method, 'The caller does not have permission');
    return d;
  };
  // "Write requests: 60 per minute per user per project" (developers.google.com/docs/api/limits),
  // on the simulated Apps Script clock; over it Google answers 429.
  const writes = new Map<string, number[]>();
  const checkWriteQuota = () => {
    const me = effectiveUser(env);
    const now = env.simulatedMs;
    const recent = (writes.get(me) || []).filter((t) => t <= now && t > now - 60 * 1000);
    if (recent.length >= WRITES_PER_MINUTE) {
      throw apiError('batchUpdate', "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com' for consumer 'project_number:0'.");
    }
    recent.push(now);
    writes.set(me, recent);
  };
  const Documents = {
    get(documentId: string): Record<string, unknown> {
      return JSON.parse(JSON.stringify(documentJson(open('get', documentId, false))));
    },
    batchUpdate(resource: { requests?: Array<Record<string, unknown>> }, documentId: string): Record<string, unknown> {
      const d = open('batchUpdate', documentId, true);
      checkWriteQuota();
      const requests = resource && Array.isArray(resource.requests) ? resource.requests : [];
      try {
        const replies = new Batch(d).run(JSON.parse(JSON.stringify(requests)));
        return { documentId: d._id, replies, writeControl: {} };
      } catch (e) {
        throw apiError('batchUpdate', (e as Error).message);
      }
    },
  };
  // The quota's memory is on the object, not only in this closure, so a snapshot of the local
  // Google (local/snapshot.ts) takes it too.
  return { Documents: env.counted(Object.assign(Documents, { _writes: writes }), 'Documents') };
}

export type LocalDocs = ReturnType<typeof createDocs>;
