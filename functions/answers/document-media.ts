/** The media types a response is also read in, besides JSON. */
export const HTML_MEDIA = 'text/html; charset=utf-8';
export const DOCX_MEDIA = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Which form `Accept` asks for: the Word document, the page, or (by default) JSON. */
export function documentFormOf(accept: string | undefined): 'docx' | 'html' | 'json' {
  const asked = (accept ?? '').toLowerCase();
  if (asked.includes(DOCX_MEDIA)) return 'docx';
  if (asked.includes('text/html')) return 'html';
  return 'json';
}
