/**
 * A response as a printable page (A4, Times New Roman): the heading of a party document in two
 * columns, the title, the body by zone and field, then the recipients and the signer. No script;
 * every text escaped.
 */
import {
  DOCUMENT_KIND,
  type ResponseDocument,
  recipientLines,
  romanNumeral,
  SIGNING_FOR,
} from '../../shared/domain/responses/response-document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escaped(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Line breaks of a text kept as the writer made them. */
function paragraphs(text: string): string {
  return escaped(text).replaceAll('\n', '<br>');
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; max-width: 165mm; margin: 0 auto; }
.heading { display: grid; grid-template-columns: 45% 55%; text-align: center; }
.heading p { margin: 0; }
.party, .body-name { font-weight: bold; }
.date { font-style: italic; margin-top: 6pt; }
h1 { text-align: center; font-size: 14pt; margin: 18pt 0 0; }
.subject { text-align: center; font-weight: bold; margin: 0 0 12pt; }
h2 { font-size: 14pt; margin: 12pt 0 6pt; }
h3 { font-size: 14pt; font-style: italic; margin: 6pt 0; }
.entry { margin: 0 0 8pt; text-align: justify; }
.entry p { margin: 0 0 4pt; text-indent: 10mm; }
.footer { display: grid; grid-template-columns: 50% 50%; margin-top: 18pt; }
.recipients { font-size: 12pt; }
.recipients ul { list-style: none; margin: 0; padding: 0; }
.signer { text-align: center; font-weight: bold; }
.signer .name { margin-top: 60pt; }
.draft { color: #a00; text-align: center; font-weight: bold; }
`;

function entryHtml(entry: ResponseDocument['zones'][number]['fields'][number]['entries'][number]): string {
  const answers = entry.answers
    .map((a) => `<p class="answer"><strong>Trả lời (${escaped(a.departmentName)}):</strong> ${paragraphs(a.text)}</p>`)
    .join('');
  return `<article class="entry" data-proposal="${escaped(entry.proposalId)}"><p class="proposal"><strong>Kiến nghị số ${escaped(entry.number)}</strong>${entry.cellName === undefined ? '' : ` (${escaped(entry.cellName)})`}: <strong>${escaped(entry.title)}.</strong> ${paragraphs(entry.content)} (Địa điểm: ${escaped(entry.place)})</p>${answers}</article>`;
}

export function responseHtml(document: ResponseDocument): string {
  const body = document.zones
    .map((zone, z) => {
      const fields = zone.fields
        .map((field, f) => `<h3>${f + 1}. ${escaped(field.fieldLabel)}</h3>${field.entries.map(entryHtml).join('')}`)
        .join('');
      return `<section class="zone"><h2>${romanNumeral(z + 1)}. ${escaped(zone.zoneName.toLocaleUpperCase('vi'))}</h2>${fields}</section>`;
    })
    .join('');
  const signer = document.signer
    ? `<p>${SIGNING_FOR}</p><p>${escaped(document.signer.title.toLocaleUpperCase('vi'))}</p><p class="name">${escaped(document.signer.name)}</p>`
    : `<p>${SIGNING_FOR}</p>`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped(document.documentNumber ?? `Dự thảo ${document.id}`)} – ${escaped(document.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${document.status === 'draft' ? '<p class="draft">DỰ THẢO</p>' : ''}
<header class="heading">
<div><p class="body-name">${escaped(document.issuingBody)}</p><p>*</p><p class="number">${escaped(document.documentNumber ?? 'Số     -TB/HU')}</p></div>
<div><p class="party">${document.party}</p><p class="date">${escaped(document.placeAndDate)}</p></div>
</header>
<h1>${DOCUMENT_KIND}</h1>
<p class="subject">${escaped(document.title)}</p>
${document.note ? `<p class="note">${paragraphs(document.note)}</p>` : ''}
<main>${body}</main>
<footer class="footer">
<div class="recipients"><p><strong><em>Nơi nhận:</em></strong></p><ul>${recipientLines(document.recipients)
    .map((line) => `<li>${escaped(line)}</li>`)
    .join('')}</ul></div>
<div class="signer">${signer}</div>
</footer>
</body>
</html>
`;
}
