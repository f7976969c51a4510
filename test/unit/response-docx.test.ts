/**
 * The response as a .docx, opened as Word opens it: a ZIP whose parts are all declared and related,
 * each well-formed XML, with the Vietnamese text intact, escaped, and laid out on A4.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { responseDocx } from '../../functions/answers/response-docx';
import type { ResponseDocument } from '../../shared/domain/responses/response-document';

const issued: ResponseDocument = {
  id: '2027-04.1',
  month: '2027-04',
  status: 'issued',
  party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  issuingBody: 'HUYỆN UỶ GIA LỘC',
  documentNumber: 'Số 45-TB/HU',
  placeAndDate: 'Gia Lộc, ngày 28 tháng 3 năm 2027',
  title: 'Trả lời kiến nghị của cử tri & đảng viên <tháng 3>',
  zones: [
    {
      zoneId: 'khu-1',
      zoneName: 'Khu vực Gia Tân',
      fields: [
        {
          field: 'agriculture',
          fieldLabel: 'Nông nghiệp',
          entries: [
            {
              proposalId: 'p1',
              number: '2027-03/K1/001',
              cellName: 'Chi bộ thôn Hạ',
              title: 'Nạo vét kênh T3',
              content: 'Kênh "T3" bồi lắng',
              place: 'Thôn Hạ',
              answers: [
                { answerId: 'a1', departmentName: 'Phòng TN&MT', text: 'Đã nạo vét 1,2 km.\nXong trước 30/4/2027.' },
              ],
            },
          ],
        },
      ],
    },
  ],
  recipients: ['Thường trực Huyện uỷ', 'Lưu Văn phòng'],
  signer: { name: 'Đoàn Minh Định', title: 'Phó Bí thư' },
  announcements: [],
};

/** The package's part names, and a part's text (a missing part fails the test). */
function opened(document: ResponseDocument): { names: string[]; part(name: string): string } {
  const files = unzipSync(responseDocx(document));
  return {
    names: Object.keys(files),
    part(name) {
      const bytes = files[name];
      if (bytes === undefined) throw new Error(`The package has no ${name}`);
      return new TextDecoder().decode(bytes);
    },
  };
}

/** The tags of an XML text, each closed in order; text without a raw `<`, `>` or stray `&`. */
function expectWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  const open: string[] = [];
  const withoutDeclaration = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const [, closing, name, selfClosing] of withoutDeclaration.matchAll(
    /<(\/?)([\w:]+)(?:\s+[\w:]+="[^"<>]*")*\s*(\/?)>/g,
  )) {
    if (selfClosing) continue;
    if (closing) expect(open.pop()).toBe(name);
    else open.push(name ?? '');
  }
  expect(open).toEqual([]);
  const text = withoutDeclaration.replace(/<[^>]*>/g, '');
  expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}

describe('the response as a Word document', () => {
  it('is a package whose every part is declared, related and well-formed XML', () => {
    const { names, part } = opened(issued);
    const targets = (rels: string) => [...part(rels).matchAll(/Target="([^"]+)"/g)].map(([, target]) => target);
    const declared = [...part('[Content_Types].xml').matchAll(/PartName="\/([^"]+)"/g)].map(([, name]) => name);
    const related = [...targets('_rels/.rels'), ...targets('word/_rels/document.xml.rels').map((t) => `word/${t}`)];

    expect(names.sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', ...declared].sort(),
    );
    expect(related.sort()).toEqual(declared.sort());
    expect(part('[Content_Types].xml')).toContain(
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    );
    for (const name of names) expectWellFormed(part(name));
  });

  it('holds the heading, each entry and answer, the recipients and signer, escaped and in Vietnamese', () => {
    const { part } = opened(issued);
    const [xml, core] = [part('word/document.xml'), part('docProps/core.xml')];

    for (const text of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'HUYỆN UỶ GIA LỘC',
      'Số 45-TB/HU',
      'Gia Lộc, ngày 28 tháng 3 năm 2027',
      'THÔNG BÁO',
      'Trả lời kiến nghị của cử tri &amp; đảng viên &lt;tháng 3&gt;',
      'I. KHU VỰC GIA TÂN',
      '1. Nông nghiệp',
      'Kiến nghị số 2027-03/K1/001',
      ' (Chi bộ thôn Hạ): ',
      'Kênh &quot;T3&quot; bồi lắng (Địa điểm: Thôn Hạ)',
      'Trả lời (Phòng TN&amp;MT): ',
      '- Thường trực Huyện uỷ,',
      '- Lưu Văn phòng.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Đoàn Minh Định',
    ]) {
      expect(xml).toContain(`>${text}<`);
    }
    expect(xml).toContain('Đã nạo vét 1,2 km.</w:t><w:br/><w:t xml:space="preserve">Xong trước 30/4/2027.');
    expect(xml).not.toContain('DỰ THẢO');
    expect(xml.indexOf('HUYỆN UỶ GIA LỘC')).toBeLessThan(xml.indexOf('THÔNG BÁO'));
    expect(core).toContain('<dc:title>Trả lời kiến nghị của cử tri &amp; đảng viên &lt;tháng 3&gt;</dc:title>');
    expect(core).toContain('<dc:creator>HUYỆN UỶ GIA LỘC</dc:creator>');
  });

  it('is A4 with the party document’s margins, in Times New Roman 14 pt, its bold and italic runs marked', () => {
    const xml = opened(issued).part('word/document.xml');

    expect(xml).toContain('<w:pgSz w:w="11907" w:h="16840" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toMatch(
      /<w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:b\/><w:bCs\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">ĐẢNG CỘNG SẢN VIỆT NAM</,
    );
    expect(xml).toMatch(
      /<w:i\/><w:iCs\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">Gia Lộc,/,
    );
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });

  it('marks a draft, which has no number yet, as such', () => {
    const { documentNumber: _, ...draft } = { ...issued, status: 'draft' as const };
    const xml = opened(draft).part('word/document.xml');

    expect(xml.indexOf('DỰ THẢO')).toBeGreaterThan(-1);
    expect(xml.indexOf('DỰ THẢO')).toBeLessThan(xml.indexOf('HUYỆN UỶ GIA LỘC'));
    expect(xml).toContain('>Số     -TB/HU<');
  });
});
