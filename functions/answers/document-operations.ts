/**
 * The `responseDocument` operation: a response as JSON, as a printable page or as a .docx, as
 * `Accept` asks. A draft is shown only to those who compile and issue it.
 */
import { json, type OperationsOf } from '../../shared/http/contract';
import { readResponseDocument } from '../../shared/services/responses/read-document';
import { responseNotFound } from '../../shared/services/responses/response-store';
import { DOCX_MEDIA, documentFormOf, HTML_MEDIA } from './document-media';
import { readsDrafts } from './draft-access';
import { responseDocx } from './response-docx';
import { responseHtml } from './response-html';
import type { answerRoutes } from './routes';

/** The page loads nothing and runs nothing. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export const responseDocumentOperations: OperationsOf<typeof answerRoutes, 'responseDocument'> = {
  'responses.get': async ({ path, caller, accept }) => {
    const { document, version } = await readResponseDocument(path.responseId);
    if (document.status === 'draft' && !readsDrafts(caller)) {
      throw responseNotFound(path.responseId);
    }
    const form = documentFormOf(accept);
    if (form === 'html') {
      return {
        raw: { media: HTML_MEDIA, content: responseHtml(document) },
        version,
        headers: { 'content-security-policy': PAGE_POLICY },
      };
    }
    if (form === 'docx') {
      const name = `${document.id}.docx`;
      return {
        raw: { media: DOCX_MEDIA, content: responseDocx(document) },
        version,
        headers: { 'content-disposition': `attachment; filename="${name}"` },
      };
    }
    return json(document, version);
  },
};
