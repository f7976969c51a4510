/** What both halves of the answers' route table share: its tag, path parameters and replies. */
import * as z from 'zod/mini';
import { responseIdSchema } from '../../shared/domain/responses/response';
import { responseDocumentView } from '../../shared/domain/responses/response-document';

export const tag = 'Trả lời kiến nghị';

export const responsesTag = 'Văn bản trả lời';

export const responsePath = z.strictObject({ responseId: responseIdSchema });

/** A response answers as its document, with its version. */
export const documentReply = {
  description: 'The response as a document',
  body: responseDocumentView,
  etag: true,
} as const;
